namespace RiskSdk.Package.Tests;

/// <summary>The types a consumer desk app declares for the generators and the analyzer, shared by the hosted and web programs.</summary>
internal static class DeskTypes
{
    /// <summary>
    /// A generated pipeline (kill switch, confidence floor, position limit), generated settings under <c>DESK_</c> and
    /// a paper broker whose <c>PlaceOrder</c> is an <c>[OrderPlacement]</c> returning ids <c>NSE-1</c>, <c>NSE-2</c>, ...
    /// Top-level statements come before it in each program.
    /// </summary>
    public const string Source = """

        /// <summary>Generated: the kill switch, a confidence floor and the position limit.</summary>
        [GatePipeline(typeof(KillSwitchGate), typeof(MinimumConfidenceGate), typeof(PositionLimitGate))]
        internal sealed partial class DeskPipeline;

        /// <summary>Generated: the standard auto-execution settings under DESK_.</summary>
        [EnvironmentSettings("DESK_"), AutoExecSettings]
        internal sealed partial class DeskSettings;

        internal sealed class PaperBroker
        {
            private int _next;

            [OrderPlacement]
            public string PlaceOrder(TradeIntent intent) => $"{intent.Exchange}-{++_next}";
        }
        """;
}
