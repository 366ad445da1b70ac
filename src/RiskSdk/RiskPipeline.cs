using System;
using System.Collections.Generic;
using RiskSdk.Gates;

namespace RiskSdk;

/// <summary>
/// A pipeline assembled by hand: the checks run in order, the first rejection wins, and the reserving gate admits
/// last, taking the slot and then each admitting gate's state only when every check has passed. The source generator emits the same shape as
/// straight-line static calls; this class is the reference it is tested against.
/// </summary>
public sealed class RiskPipeline : IRiskPipeline
{
    private readonly RiskContext _context;
    private readonly IRiskGate[] _checks;
    private readonly ITimedGate?[] _timed;
    private readonly IAdmittingGate[] _admitting;
    private readonly IReservingGate _positionLimit;

    /// <summary>Assembles a pipeline. Each gate's role comes from the interfaces it implements.</summary>
    /// <param name="context">The shared context.</param>
    /// <param name="checks">The checks, in the order they run. An <see cref="ITimedGate"/> gets the decision's clock; an <see cref="IAdmittingGate"/> also takes its state at admission, in this order.</param>
    /// <param name="positionLimit">The reserving gate, run last.</param>
    public RiskPipeline(RiskContext context, IEnumerable<IRiskGate> checks, IReservingGate positionLimit)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _positionLimit = positionLimit ?? throw new ArgumentNullException(nameof(positionLimit));
        _checks = new List<IRiskGate>(checks ?? throw new ArgumentNullException(nameof(checks))).ToArray();
        _timed = new ITimedGate?[_checks.Length];
        var admitting = new List<IAdmittingGate>();
        for (var i = 0; i < _checks.Length; i++)
        {
            switch (_checks[i])
            {
                case null:
                    throw new ArgumentException("A gate is null.", nameof(checks));
                case IntentGate:
                    throw new ArgumentException("The intent check runs first in every pipeline on its own; do not list it among the gates.", nameof(checks));
                case IReservingGate:
                    throw new ArgumentException("A reserving gate takes the slot; pass it as positionLimit so it runs last.", nameof(checks));
            }

            _timed[i] = _checks[i] as ITimedGate;
            if (_checks[i] is IAdmittingGate admittingGate)
            {
                admitting.Add(admittingGate);
            }
        }

        _admitting = admitting.ToArray();
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
    /// first gate that refused. A gate that throws, the reserving gate's <c>Admit</c> included, refuses the trade with
    /// <see cref="RejectionReason.GateFault"/>.
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
        string exchange;
        try
        {
            screened = _context.Intake.Accept(in intent, out exchange);
        }
        catch (Exception exception)
        {
            return _context.Fault(in intent, IntentGate.GateName, exception);
        }

        if (!screened.IsPassed)
        {
            return _context.Reject(intent with { Exchange = exchange }, in screened);
        }

        // The gates decide on the canonical name; the intent is copied only when the app spelled it otherwise.
        if (ReferenceEquals(exchange, intent.Exchange))
        {
            return EvaluateAccepted(in intent);
        }

        var accepted = intent with { Exchange = exchange };
        return EvaluateAccepted(in accepted);
    }

    /// <summary>Runs the declared gates on an intent the <see cref="RiskContext.Intake"/> accepted (its exchange canonical).</summary>
    private RiskDecision EvaluateAccepted(in TradeIntent intent)
    {
        // The clock is read once, by the first gate that needs the time, and the reading is shared by the rest.
        var clock = new DecisionClock(_context.Time);
        for (var i = 0; i < _checks.Length; i++)
        {
            GateVerdict verdict;
            try
            {
                verdict = _timed[i] is { } timed ? timed.Check(in intent, ref clock) : _checks[i].Check(in intent);
            }
            catch (Exception exception)
            {
                return _context.Fault(in intent, SafeName(_checks[i]), exception);
            }

            if (!verdict.IsPassed)
            {
                return _context.Reject(in intent, in verdict);
            }
        }

        try
        {
            return _positionLimit.Admit(in intent, ref clock, _admitting);
        }
        catch (Exception exception)
        {
            // A custom reserving gate's Admit that throws refuses like any other gate instead of escaping Evaluate.
            return _context.Fault(in intent, SafeName(_positionLimit), exception);
        }
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
