using System;
using System.Collections.Generic;
using RiskSdk.Gates;

namespace RiskSdk;

/// <summary>
/// A pipeline assembled by hand: the checks run in order, the first rejection wins, and the position-limit gate
/// admits last, taking the slot only when every check has passed. The source generator emits the same shape as
/// straight-line static calls; this class is the reference it is tested against.
/// </summary>
public sealed class RiskPipeline : IRiskPipeline
{
    private readonly RiskContext _context;
    private readonly IRiskGate[] _checks;
    private readonly PositionLimitGate _positionLimit;
    private readonly CooldownGate? _cooldown;
    private readonly OrderRateGate? _orderRate;

    /// <summary>Assembles a pipeline.</summary>
    /// <param name="context">The shared context.</param>
    /// <param name="checks">The pure checks, in the order they run. A <see cref="CooldownGate"/> or <see cref="OrderRateGate"/> among them is also applied atomically at admission.</param>
    /// <param name="positionLimit">The reserving gate, run last.</param>
    public RiskPipeline(RiskContext context, IEnumerable<IRiskGate> checks, PositionLimitGate positionLimit)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _positionLimit = positionLimit ?? throw new ArgumentNullException(nameof(positionLimit));
        _checks = new List<IRiskGate>(checks ?? throw new ArgumentNullException(nameof(checks))).ToArray();
        foreach (var gate in _checks)
        {
            switch (gate)
            {
                case null:
                    throw new ArgumentException("A gate is null.", nameof(checks));
                case IntentGate:
                    throw new ArgumentException("The intent check runs first in every pipeline on its own; do not list it among the gates.", nameof(checks));
                case PositionLimitGate:
                    throw new ArgumentException("The position-limit gate reserves a slot; pass it as positionLimit so it runs last.", nameof(checks));
                case CooldownGate cooldown:
                    _cooldown = cooldown;
                    break;
                case OrderRateGate orderRate:
                    _orderRate = orderRate;
                    break;
            }
        }
    }

    /// <inheritdoc/>
    public RiskContext Context => _context;

    /// <summary>
    /// The <see cref="StandardGates"/>, the same set a generated <c>[GatePipeline]</c> without arguments runs.
    /// </summary>
    /// <param name="context">The shared context.</param>
    /// <returns>The pipeline.</returns>
    public static RiskPipeline CreateDefault(RiskContext context) => new(
        context ?? throw new ArgumentNullException(nameof(context)),
        StandardGates.CreateChecks(context),
        new PositionLimitGate(context));

    /// <summary>
    /// Decides one trade: approved with a reservation (commit it on fill, release it otherwise), or rejected by the
    /// first gate that refused. A gate that throws refuses the trade with <see cref="RejectionReason.GateFault"/>.
    /// </summary>
    /// <param name="intent">The trade.</param>
    /// <returns>The decision.</returns>
    [PositionLimitCheck]
    public RiskDecision Evaluate(in TradeIntent intent)
    {
        if (!_context.Metrics.MeasuresDuration)
        {
            return Decide(in intent);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var decision = Decide(in intent);
        _context.Metrics.RecordDuration(started, in decision);
        return decision;
    }

    private RiskDecision Decide(in TradeIntent intent)
    {
        GateVerdict screened;
        TradeIntent accepted;
        try
        {
            screened = _context.Intake.Screen(in intent, out accepted);
        }
        catch (Exception exception)
        {
            return _context.Fault(in intent, IntentGate.GateName, exception);
        }

        return screened.IsPassed ? EvaluateAccepted(in accepted) : _context.Reject(in accepted, in screened);
    }

    /// <summary>Runs the declared gates on an intent the <see cref="RiskContext.Intake"/> accepted (its exchange canonical).</summary>
    private RiskDecision EvaluateAccepted(in TradeIntent intent)
    {
        // The clock is read once, by the first gate that needs the time, and the reading is shared by the rest.
        var timestamp = PositionLimitGate.NotRead;
        foreach (var gate in _checks)
        {
            GateVerdict verdict;
            try
            {
                verdict = Check(gate, in intent, ref timestamp);
            }
            catch (Exception exception)
            {
                return _context.Fault(in intent, SafeName(gate), exception);
            }

            if (!verdict.IsPassed)
            {
                return _context.Reject(in intent, in verdict);
            }
        }

        // Not read only when the pipeline has neither a cooldown nor an order-rate gate, so nothing stamps it.
        return _positionLimit.Admit(in intent, _cooldown, _orderRate, timestamp);
    }

    /// <summary>
    /// Runs the intent check, then every gate, the position limit included, without reserving anything, and returns
    /// all verdicts in order. The gates see the intent with its exchange canonical.
    /// </summary>
    /// <param name="intent">The trade.</param>
    /// <returns>The <see cref="IntentGate"/>'s verdict, then one verdict per gate; a gate that throws gives a <see cref="RejectionReason.GateFault"/> verdict.</returns>
    public IReadOnlyList<GateVerdict> Explain(in TradeIntent intent)
    {
        var verdicts = new GateVerdict[_checks.Length + 2];
        var accepted = intent;
        try
        {
            verdicts[0] = _context.Intake.Screen(in intent, out accepted);
        }
        catch (Exception exception)
        {
            verdicts[0] = GateVerdict.Fault(IntentGate.GateName, exception);
        }

        for (var i = 1; i < verdicts.Length; i++)
        {
            IRiskGate gate = i <= _checks.Length ? _checks[i - 1] : _positionLimit;
            try
            {
                verdicts[i] = gate.Check(in accepted);
            }
            catch (Exception exception)
            {
                verdicts[i] = GateVerdict.Fault(SafeName(gate), exception);
            }
        }

        return verdicts;
    }

    private GateVerdict Check(IRiskGate gate, in TradeIntent intent, ref long timestamp)
    {
        if (ReferenceEquals(gate, _orderRate))
        {
            return _orderRate.Check(in intent, Now(ref timestamp));
        }

        if (ReferenceEquals(gate, _cooldown))
        {
            return _cooldown.Check(in intent, Now(ref timestamp));
        }

        return gate.Check(in intent);
    }

    private long Now(ref long timestamp) => timestamp != PositionLimitGate.NotRead ? timestamp : timestamp = _context.Time.GetTimestamp();

    private static string SafeName(IRiskGate gate)
    {
        try
        {
            return gate.Name ?? gate.GetType().Name;
        }
        catch (Exception)
        {
            return gate.GetType().Name;
        }
    }
}
