namespace RiskSdk.Tests;

/// <summary>
/// Tests that listen to the <c>RiskSdk</c> meter, and tests that count allocations, run alone: a listener enables the
/// instruments of every context in the process, so it would see other tests' decisions and make their recording
/// allocate.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Meter listeners and allocation counts";
}
