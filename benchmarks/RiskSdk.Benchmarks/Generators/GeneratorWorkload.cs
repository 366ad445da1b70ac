using System.Collections.Generic;
using System.Globalization;
using RiskSdk.Gates;

namespace RiskSdk.Benchmarks.Generators;

/// <summary>The generator suite's synthetic project: 200 settings classes, 50 gate pipelines and one unrelated file, one file each.</summary>
public static class GeneratorWorkload
{
    /// <summary>Settings classes in the project.</summary>
    public const int SettingsClasses = 200;

    /// <summary>Gate pipelines in the project.</summary>
    public const int Pipelines = 50;

    /// <summary>The path of the file the "unrelated edit" changes.</summary>
    public const string UnrelatedPath = "Unrelated.cs";

    /// <summary>Every source of the project.</summary>
    /// <returns>Paths and texts.</returns>
    public static IEnumerable<(string Path, string Text)> Sources()
    {
        for (var i = 0; i < SettingsClasses; i++)
        {
            yield return (Invariant($"Settings{i}.cs"), SettingsClass(i));
        }

        for (var i = 0; i < Pipelines; i++)
        {
            yield return (Invariant($"Pipeline{i}.cs"), Pipeline(i));
        }

        yield return (UnrelatedPath, Unrelated(1));
    }

    /// <summary>The unrelated file; a different <paramref name="value"/> is the edit.</summary>
    /// <param name="value">The constant the method returns.</param>
    /// <returns>The text.</returns>
    public static string Unrelated(int value) => Invariant($$"""
        namespace Synthetic;

        internal static class Unrelated
        {
            public static int Value() => {{value}};
        }
        """);

    /// <summary>Every tenth class also takes the SDK's standard auto-execution set.</summary>
    private static string SettingsClass(int index) => Invariant($$"""
        using System;
        using System.ComponentModel.DataAnnotations;
        using RiskSdk;
        using RiskSdk.Configuration;
        using RiskSdk.Gates;

        namespace Synthetic.Settings;

        /// <summary>Settings {{index}}.</summary>
        [EnvironmentSettings("APP{{index}}_")]{{(index % 10 == 0 ? "\n[AutoExecSettings]" : string.Empty)}}
        public partial class Settings{{index}}
        {
            /// <summary>A bounded count.</summary>
            [Range(0, 1000)]
            public int Count { get; init; } = 5;

            /// <summary>A fraction.</summary>
            [Range(0.0, 1.0)]
            public double Ratio { get; init; } = 0.5;

            /// <summary>A delay in seconds.</summary>
            [Range(0, 3600)]
            public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(30);

            /// <summary>A name.</summary>
            public string Name { get; init; } = "default";

            /// <summary>A switch.</summary>
            public bool Enabled { get; init; }
        }
        """);

    private static string Pipeline(int index) => Invariant($$"""
        using RiskSdk;
        using RiskSdk.Configuration;
        using RiskSdk.Gates;

        namespace Synthetic.Pipelines;

        /// <summary>Pipeline {{index}}: every built-in gate.</summary>
        [GatePipeline(
            typeof(KillSwitchGate),
            typeof(MinimumConfidenceGate),
            typeof(MinimumKellyGate),
            typeof(MaximumLotsGate),
            typeof(NetDeltaGate),
            typeof(SessionDrawdownGate),
            typeof(OrderRateGate),
            typeof(CooldownGate),
            typeof(PositionLimitGate))]
        public sealed partial class Pipeline{{index}};
        """);

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
