using System;

namespace RiskSdk.Redis.Tests.Infrastructure;

/// <summary>
/// Bounds for the timing claims the tests are about, with slack for the project's CI: every test project at once on a
/// loaded 2-core machine, where a process or thread can wait its turn for a good part of a second.
/// </summary>
public static class LoadedMachine
{
    /// <summary>
    /// How soon a halt must reach every process sharing the ledger. The promise is one second (by subscription at once,
    /// else the next <see cref="RedisPositionBookOptions.TradingStateRefreshInterval"/>, 250 ms); measured at 1-6 ms on a
    /// quiet machine (the tests print it). The bound allows two seconds more for scheduling on a loaded one, still far
    /// inside what a halt that never arrived (a decision admitted after it) would take.
    /// </summary>
    public static readonly TimeSpan HaltReach = TimeSpan.FromSeconds(3);
}
