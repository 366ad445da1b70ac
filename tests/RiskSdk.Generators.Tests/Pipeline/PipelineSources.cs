using RiskSdk.Gates;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>Pipeline declarations the generator tests run through the generator.</summary>
internal static class PipelineSources
{
    /// <summary>Every built-in gate, in the order of <c>RiskPipeline.CreateDefault</c>.</summary>
    public const string Default = """
        using RiskSdk;
        using RiskSdk.Gates;

        namespace Demo.Trading;

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
        public partial class TradingPipeline;
        """;

    /// <summary>Custom gates of every accepted shape: static check, struct, settings constructor, and one the app must pass in.</summary>
    public const string CustomGates = """
        using System;
        using RiskSdk;
        using RiskSdk.Gates;

        namespace Demo.Custom;

        /// <summary>A static gate: no instance.</summary>
        public static class NoTradeAfterOpenGate
        {
            public const string GateName = "NoTradeAfterOpen";

            public static GateVerdict Check(in TradeIntent intent) =>
                intent.Lots < 100 ? GateVerdict.Pass(GateName) : GateVerdict.Reject(GateName, RejectionReason.CustomGate, intent.Lots, 100);
        }

        /// <summary>A struct gate with no name constant: its type name names it.</summary>
        public struct EvenLotsGate
        {
            public GateVerdict Check(in TradeIntent intent) =>
                intent.Lots % 2 == 0 ? GateVerdict.Pass("EvenLots") : GateVerdict.Reject("EvenLots", RejectionReason.CustomGate, intent.Lots, 2);
        }

        /// <summary>A gate built from the settings and the clock.</summary>
        public sealed class SettingsAwareGate(RiskSettings settings, TimeProvider time)
        {
            public GateVerdict Check(in TradeIntent intent) =>
                time.GetUtcNow().Year > 2000 && intent.Lots <= settings.MaxLotsPerOrder ? GateVerdict.Pass("SettingsAware") : GateVerdict.Reject("SettingsAware", RejectionReason.CustomGate, intent.Lots, settings.MaxLotsPerOrder);
        }

        /// <summary>A gate the pipeline cannot build: the app passes it in.</summary>
        public sealed class OnePositionPerUnderlyingGate(string[] underlyings)
        {
            public const string GateName = "OnePerUnderlying";

            public GateVerdict Check(in TradeIntent intent) =>
                Array.IndexOf(underlyings, intent.Symbol) < 0 ? GateVerdict.Pass(GateName) : GateVerdict.Reject(GateName, RejectionReason.CustomGate, 1, 1, "already holding " + intent.Symbol);
        }

        public static partial class Host
        {
            [GatePipeline(
                typeof(KillSwitchGate),
                typeof(NoTradeAfterOpenGate),
                typeof(EvenLotsGate),
                typeof(SettingsAwareGate),
                typeof(OnePositionPerUnderlyingGate),
                typeof(CooldownGate),
                typeof(PositionLimitGate))]
            internal sealed partial class CustomPipeline;
        }
        """;

    /// <summary>The smallest pipeline: the position limit alone, in the global namespace.</summary>
    public const string Minimal = """
        [RiskSdk.GatePipeline(typeof(RiskSdk.Gates.PositionLimitGate))]
        partial class MinimalPipeline;
        """;

}
