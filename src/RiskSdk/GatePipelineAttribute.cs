using System;
using RiskSdk.Gates;
using RiskSdk.Positions;

namespace RiskSdk;

/// <summary>
/// Marks a <c>partial</c> class as a gate pipeline. The RiskSdk source generator writes its constructor, an
/// <c>Evaluate(in TradeIntent)</c> method that calls the listed gates in order as straight-line direct calls (first
/// rejection wins, the reserving <see cref="PositionLimitGate"/> last), and an <c>Explain(in TradeIntent)</c> method
/// that returns every gate's verdict without reserving.
/// </summary>
/// <remarks>
/// <para>
/// A gate is any class or struct with a method <c>GateVerdict Check(in TradeIntent intent)</c>, instance or static;
/// no base class or interface is needed. The generated constructor creates an instance gate through an accessible
/// constructor whose parameters it can fill from the <see cref="RiskContext"/> (<see cref="RiskContext"/>,
/// <see cref="RiskSettings"/>, <see cref="IPositionBook"/>, <see cref="TimeProvider"/>,
/// <c>Microsoft.Extensions.Logging.ILogger</c>, or none at all); any other gate is taken as a parameter of the
/// generated constructor, so the app builds it.
/// </para>
/// <para>
/// A gate's name in fault verdicts is its <c>public const string GateName</c> when it declares one, otherwise its
/// type name. The order is the order of the arguments; the generator reports a malformed pipeline at compile time
/// (RISKGEN101 to RISKGEN107).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// [GatePipeline]                       // the standard nine gates, see StandardGates
/// public partial class TradingPipeline;
///
/// [GatePipeline(
///     typeof(KillSwitchGate), typeof(MinimumConfidenceGate), typeof(MaximumLotsGate),
///     typeof(CooldownGate), typeof(NoTradeAfterOpenGate), typeof(PositionLimitGate))]
/// public partial class CustomPipeline;
///
/// var pipeline = new TradingPipeline(new RiskContext(settings.ToRiskSettings()));
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GatePipelineAttribute : Attribute
{
    /// <summary>Declares the gates of the pipeline, in the order they run; none means the <see cref="StandardGates"/>.</summary>
    /// <param name="gates">The gate types; the <see cref="PositionLimitGate"/> must be among them, last. Empty: the standard nine gates.</param>
    public GatePipelineAttribute(params Type[] gates) => Gates = gates ?? Array.Empty<Type>();

    /// <summary>The gate types, in the order they run.</summary>
    public Type[] Gates { get; }
}
