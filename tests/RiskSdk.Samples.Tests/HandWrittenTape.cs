using System;
using System.IO;
using OiTracker.Tape;

namespace RiskSdk.Samples.Tests;

/// <summary>Small tapes written in the tests, in the bundled tape's format.</summary>
internal static class HandWrittenTape
{
    public const string Header = "time_ist,exchange,event,signal_id,symbol,side,confidence,kelly,lots,delta,regime,exit_reason,pnl";

    /// <summary>Reads rows written after the header.</summary>
    public static SignalTape Read(params string[] rows) => TapeReader.Read(new StringReader(Text(rows)), "hand-written.csv");

    /// <summary>The whole CSV text: the header, then the rows.</summary>
    public static string Text(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    /// <summary>An entry signal at an IST time (of 25 Nov 2026 unless the time names a date).</summary>
    public static string Signal(string time, string id, double confidence = 0.80, string exchange = "NSE", string regime = "normal") =>
        FormattableString.Invariant($"{At(time)},{exchange},signal,{id},NIFTY 26000 CE,buy,{confidence},0.25,1,0.5,{regime},,");

    /// <summary>The exit of an earlier signal.</summary>
    public static string Exit(string time, string id, string exchange = "NSE", string reason = "target", double pnl = 1500) =>
        FormattableString.Invariant($"{At(time)},{exchange},exit,{id},NIFTY 26000 CE,,,,,,,{reason},{pnl}");

    /// <summary>An operator's kill-switch row: halt or resume.</summary>
    public static string Operator(string time, string kind) => $"{At(time)},,{kind},,,,,,,,,,";

    private static string At(string time) => (time.Contains('T', StringComparison.Ordinal) ? time : "2026-11-25T" + time) + "+05:30";
}
