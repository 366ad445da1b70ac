using System;
using RiskSdk;

namespace OiTracker.Replay;

/// <summary>The runtime's hand-assembled pipeline with every built-in gate, as an <see cref="IPreTradeCheck"/>.</summary>
internal sealed class HandAssembledPipeline : IPreTradeCheck
{
    private readonly RiskPipeline _pipeline;

    /// <summary>Assembles <see cref="RiskPipeline.CreateDefault"/> over a context.</summary>
    /// <param name="context">The risk context.</param>
    public HandAssembledPipeline(RiskContext context) => _pipeline = RiskPipeline.CreateDefault(context ?? throw new ArgumentNullException(nameof(context)));

    /// <inheritdoc/>
    [PositionLimitCheck]
    public RiskDecision Evaluate(in TradeIntent intent) => _pipeline.Evaluate(in intent);
}
