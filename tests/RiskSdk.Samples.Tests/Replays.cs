using System;
using System.Collections.Generic;
using System.Linq;
using OiTracker.Configuration;
using OiTracker.Replay;
using OiTracker.Tape;

namespace RiskSdk.Samples.Tests;

/// <summary>Runs the replay in-process, configured the way the app is: from OI_TRACKER_* variables, given as a dictionary.</summary>
internal static class Replays
{
    public static ReplayResult Gated(SignalTape? tape = null, params (string Name, string Value)[] variables) =>
        Replayer.WithGates(tape ?? BundledTape.Value, Settings(variables));

    public static ReplayResult Ungated(SignalTape? tape = null, params (string Name, string Value)[] variables) =>
        Replayer.WithoutGates(tape ?? BundledTape.Value, Settings(variables));

    /// <summary>The risk settings the app would run with for these variables; fails the test when they are invalid.</summary>
    public static RiskSettings Settings(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(static v => "OI_TRACKER_" + v.Name, static v => (string?)v.Value);
        var configuration = TrackerConfigurationBinder.Bind(environment);
        return configuration.Settings ?? throw new InvalidOperationException("Invalid test configuration: " + string.Join("; ", configuration.Problems));
    }

    public static IReadOnlyDictionary<string, string?> Environment(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(static v => v.Name, static v => (string?)v.Value);
}
