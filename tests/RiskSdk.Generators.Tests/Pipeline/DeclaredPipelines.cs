using System;
using RiskSdk.Gates;

namespace RiskSdk.Generators.Tests.Pipeline;

// Real pipelines, generated at build time by the generator this project references as an analyzer.

/// <summary>The standard gates, the set of <see cref="RiskPipeline.CreateDefault"/>: <c>[GatePipeline]</c> with no list.</summary>
[GatePipeline]
public sealed partial class DefaultOrderPipeline;

/// <summary>Built-in gates mixed with custom gates of every accepted shape.</summary>
[GatePipeline(
    typeof(KillSwitchGate),
    typeof(MinimumConfidenceGate),
    typeof(ThreeLotsFaultGate),
    typeof(DeltaFloorGate),
    typeof(HighVolatilityLotsGate),
    typeof(BlockedSymbolGate),
    typeof(OrderRateGate),
    typeof(CooldownGate),
    typeof(PositionLimitGate))]
public sealed partial class MixedPipeline;

/// <summary>A static gate that throws for three-lot orders, to prove faults refuse the trade the same way.</summary>
public static class ThreeLotsFaultGate
{
    /// <summary>The gate's name.</summary>
    public const string GateName = "ThreeLotsFault";

    /// <summary>Throws for three lots, otherwise passes.</summary>
    public static GateVerdict Check(in TradeIntent intent) =>
        intent.Lots == 3 ? throw new InvalidOperationException("three lots are unlucky") : GateVerdict.Pass(GateName);
}

/// <summary><see cref="ThreeLotsFaultGate"/> for the hand-assembled reference pipeline, which needs an interface.</summary>
public sealed class ThreeLotsFaultReference : IRiskGate
{
    /// <inheritdoc/>
    public string Name => ThreeLotsFaultGate.GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent) => ThreeLotsFaultGate.Check(in intent);
}

/// <summary>A struct gate (no constructor): refuses orders adding less than -2 delta.</summary>
public struct DeltaFloorGate : IRiskGate
{
    /// <summary>The gate's name.</summary>
    public const string GateName = "DeltaFloor";

    /// <inheritdoc/>
    public readonly string Name => GateName;

    /// <inheritdoc/>
    public readonly GateVerdict Check(in TradeIntent intent) =>
        intent.Delta >= -2 ? GateVerdict.Pass(GateName) : GateVerdict.Reject(GateName, RejectionReason.CustomGate, intent.Delta, -2);
}

/// <summary>A gate the pipeline builds from the settings: half the lot limit in a high-volatility regime.</summary>
public sealed class HighVolatilityLotsGate(RiskSettings settings) : IRiskGate
{
    /// <summary>The gate's name.</summary>
    public const string GateName = "HighVolatilityLots";

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent)
    {
        var limit = settings.MaxLotsPerOrder / 2;
        return intent.Regime != MarketRegime.HighVolatility || intent.Lots <= limit
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.CustomGate, intent.Lots, limit, "high volatility halves the lots");
    }
}

/// <summary>A gate the app builds and passes in: refuses one symbol.</summary>
public sealed class BlockedSymbolGate(string symbol) : IRiskGate
{
    /// <summary>The gate's name.</summary>
    public const string GateName = "BlockedSymbol";

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent) =>
        intent.Symbol != symbol ? GateVerdict.Pass(GateName) : GateVerdict.Reject(GateName, RejectionReason.CustomGate, 1, 0, "no new position in " + symbol);
}

/// <summary>A pipeline with a gate that returns the empty verdict, to prove a generated pipeline refuses it.</summary>
[GatePipeline(typeof(UndecidedGate), typeof(PositionLimitGate))]
public sealed partial class UndecidedGatePipeline;

/// <summary>A static gate that returns <c>default(GateVerdict)</c>, as one that returns before deciding does.</summary>
public static class UndecidedGate
{
    /// <summary>The gate's name.</summary>
    public const string GateName = "Undecided";

    /// <summary>Decides nothing.</summary>
    public static GateVerdict Check(in TradeIntent intent) => default;
}
