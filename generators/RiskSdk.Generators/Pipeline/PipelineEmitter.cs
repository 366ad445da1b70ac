using System.Linq;

namespace RiskSdk.Generators.Pipeline;

/// <summary>
/// Writes one pipeline class from its <see cref="PipelineModel"/>: a field per gate of its concrete type, a
/// constructor, <c>Evaluate</c> as straight-line direct calls with the same fault handling as the runtime's
/// hand-assembled <c>RiskPipeline</c>, and <c>Explain</c>. The output depends on the model alone. Locals are written with
/// their types, never <c>var</c>, and parameter names as literals, never <c>nameof</c>: a user type named <c>var</c> or a
/// member named <c>nameof</c> in scope would otherwise capture them.
/// </summary>
internal static class PipelineEmitter
{
    private const string Context = "global::RiskSdk.RiskContext";
    private const string Intent = "global::RiskSdk.TradeIntent";
    private const string Verdict = "global::RiskSdk.Gates.GateVerdict";
    private const string Decision = "global::RiskSdk.RiskDecision";
    private const string PipelineContract = "global::RiskSdk.IRiskPipeline";
    private const string AdmittingGate = "global::RiskSdk.Gates.IAdmittingGate";
    private const string Clock = "global::RiskSdk.Gates.DecisionClock";
    private const string Slot = "global::RiskSdk.Gates.AdmissionSlot";
    private const string Receipt = "global::RiskSdk.Gates.AdmissionReceipt";
    private const string Reservation = "global::RiskSdk.Reservation";
    private const string Exception = "global::System.Exception";
    private const string ArgumentNull = "global::System.ArgumentNullException";
    private const string Decisions = "global::RiskSdk.Generated.PipelineDecisions";
    private const string IntentGateName = "global::RiskSdk.Gates.IntentGate.GateName";
    private const string Stopwatch = "global::System.Diagnostics.Stopwatch";
    private const string NoInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

    /// <summary>
    /// A refusal's verdict handed on in its parts (gate, reason, figures, detail): each goes in a register, where the
    /// verdict itself (40 bytes) would be copied through a stack temporary that every decision zeroes, the approvals
    /// included (docs/benchmarks.md, section 1).
    /// </summary>
    private const string VerdictParts = "verdict.Gate, verdict.Reason, verdict.Observed, verdict.Limit, verdict.Detail";

    /// <summary>
    /// The last statement of a method whose catch blocks jump to it: the decision a gate's exception makes, built
    /// outside the handler, so it is written straight into the method's result instead of a temporary of the frame.
    /// </summary>
    private const string FaultedExit = "return " + Decisions + ".Fault(_context, in intent, faultGate, fault);";

    public static string Emit(PipelineModel model)
    {
        var writer = new SourceWriter().FileHeader()
            .Line("// An [Obsolete] gate, or its constructor or Check, warns where the app lists it, not again in here.")
            .Line("#pragma warning disable CS0612, CS0618")
            .Line();
        if (model.Namespace is not null)
        {
            writer.OpenBlock("namespace " + model.Namespace);
        }

        foreach (var container in model.ContainingTypes)
        {
            writer.OpenBlock(container);
        }

        if (!model.IsDocumented)
        {
            writer.Line("/// <summary>")
                .Line("/// The gate pipeline " + GateList(model) + ", generated from its <c>[GatePipeline]</c> attribute.")
                .Line("/// </summary>");
        }

        writer.OpenBlock("partial " + model.Keyword + " " + model.ClassName + " : " + PipelineContract);
        WriteFields(writer, model);
        writer.Line();
        WriteConstructor(writer, model);
        writer.Line();
        writer.Line("/// <summary>The context the pipeline decides over: settings, position book, kill switch, clock, logger and metrics.</summary>")
            .Line(GeneratedCodeInfo.Attribute)
            .Line("public " + Context + " Context => _context;")
            .Line();
        WriteEvaluate(writer, model);
        writer.Line();
        WriteExplain(writer, model);
        writer.CloseBlock();

        foreach (var _ in model.ContainingTypes)
        {
            writer.CloseBlock();
        }

        if (model.Namespace is not null)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    private static string GateList(PipelineModel model) =>
        string.Join(", ", model.Gates.Select(g => Reference(g.TypeName)));

    /// <summary>A documentation reference to a type; a constructed generic type is written as code, since a cref cannot name one.</summary>
    private static string Reference(string typeName) =>
        typeName.IndexOf('<') < 0
            ? "<see cref=\"" + typeName + "\"/>"
            : "<c>" + typeName.Replace("<", "&lt;").Replace(">", "&gt;") + "</c>";

    private static void WriteFields(SourceWriter writer, PipelineModel model)
    {
        writer.Line(GeneratedCodeInfo.Attribute).Line("private readonly " + Context + " _context;");
        if (!AdmitsInSteps(model))
        {
            writer.Line(GeneratedCodeInfo.Attribute).Line("private readonly " + AdmittingGate + "[] _admitting;");
        }

        foreach (var gate in model.Gates.Where(g => g.Creation != GateCreation.Static))
        {
            // A struct gate's field is not readonly, so a check that changes the gate's state keeps the change.
            writer.Line(GeneratedCodeInfo.Attribute)
                .Line("private " + (gate.IsValueType ? string.Empty : "readonly ") + gate.TypeName + " " + gate.FieldName + ";");
        }
    }

    private static void WriteConstructor(SourceWriter writer, PipelineModel model)
    {
        var supplied = model.Gates.Where(g => g.Creation == GateCreation.Supplied).ToList();
        writer.Line("/// <summary>Creates the pipeline over <paramref name=\"context\"/>, building the gates it can build from the context.</summary>")
            .Line("/// <param name=\"context\">The shared context: settings, position book, kill switch, clock, logger and metrics.</param>");
        foreach (var gate in supplied)
        {
            writer.Line("/// <param name=\"" + gate.ParameterName.TrimStart('@') + "\">The " + Reference(gate.TypeName) + " gate, built by the app: its constructor needs more than the context gives.</param>");
        }

        writer.Line("/// <exception cref=\"" + ArgumentNull + "\">The context" + (supplied.Count > 0 ? " or a gate" : string.Empty) + " is null.</exception>")
            .Line(GeneratedCodeInfo.Attribute)
            .OpenBlock(model.ConstructorAccessibility + " " + model.ConstructorName + "(" + string.Join(", ", new[] { Context + " context" }.Concat(supplied.Select(g => g.TypeName + " " + g.ParameterName))) + ")")
            .Line("_context = context ?? throw new " + ArgumentNull + "(\"context\");");
        foreach (var gate in model.Gates)
        {
            switch (gate.Creation)
            {
                case GateCreation.Created:
                    writer.Line(gate.FieldName + " = new " + gate.TypeName + "(" + string.Join(", ", gate.ConstructorArguments) + ");");
                    break;
                case GateCreation.Supplied when gate.IsValueType:
                    writer.Line(gate.FieldName + " = " + gate.ParameterName + ";");
                    break;
                case GateCreation.Supplied:
                    // The parameter's name as a literal: nameof(x) would bind to a member named nameof, or to a gate parameter named so.
                    writer.Line(gate.FieldName + " = " + gate.ParameterName + " ?? throw new " + ArgumentNull + "(" + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(gate.ParameterName.TrimStart('@'), quote: true) + ");");
                    break;
            }
        }

        if (!AdmitsInSteps(model))
        {
            // The gates that take state at admission, in declared order: the reserving gate takes and undoes them together.
            var admitting = model.Gates.Where(g => g.IsAdmitting).Select(g => g.FieldName).ToList();
            writer.Line("_admitting = " + (admitting.Count == 0
                ? "global::System.Array.Empty<" + AdmittingGate + ">();"
                : "new " + AdmittingGate + "[] { " + string.Join(", ", admitting) + " };"));
        }

        writer.CloseBlock();
    }

    private static void WriteEvaluate(SourceWriter writer, PipelineModel model)
    {
        var reserving = model.Gates.Single(g => g.Role == GateRole.Reserving);
        var checks = model.Gates.Where(g => g.Role != GateRole.Reserving).ToList();
        writer.Line("/// <summary>")
            .Line("/// Decides one trade: the intent check first (exchange name, model outputs, declared exchanges, verified exits),")
            .Line("/// then each check in declared order, the first rejection wins, then the reserving gate admits, taking the slot")
            .Line("/// and then each admitting gate's state; a refusal or exception undoes everything taken. A gate that throws")
            .Line("/// refuses the trade with <see cref=\"global::RiskSdk.RejectionReason.GateFault\"/>. Reads the clock at most once.")
            .Line("/// Allocates nothing.")
            .Line("/// </summary>")
            .Line("/// <param name=\"intent\">The trade.</param>")
            .Line("/// <returns>Approved with its reservation (commit it on fill, release it otherwise), or rejected with the reason, gate and figures.</returns>")
            .Line(GeneratedCodeInfo.Attribute)
            .Line("[global::RiskSdk.PositionLimitCheck]")
            .OpenBlock("public " + Decision + " Evaluate(in " + Intent + " intent)")
            .Line("// The duration histogram reads the clock only while something listens to it.")
            .OpenBlock("if (!_context.Metrics.MeasuresDuration)")
            .Line("return Decide(in intent, accepted: false);")
            .CloseBlock()
            .Line()
            .Line("return EvaluateMeasured(in intent);")
            .CloseBlock()
            .Line()
            .Line("/// <summary>")
            .Line("/// <see cref=\"Evaluate\"/> while a listener records <c>risksdk.decision.duration</c>: the decision timed. Out of line, so")
            .Line("/// the copy of the decision it holds is not part of the frame of every caller of <see cref=\"Evaluate\"/>.")
            .Line("/// </summary>")
            .Line("/// <param name=\"intent\">The trade.</param>")
            .Line("/// <returns>The decision.</returns>")
            .Line(GeneratedCodeInfo.Attribute)
            .Line(NoInlining)
            .OpenBlock("private " + Decision + " EvaluateMeasured(in " + Intent + " intent)")
            .Line("long started = " + Stopwatch + ".GetTimestamp();")
            .Line(Decision + " decision = Decide(in intent, accepted: false);")
            .Line("_context.Metrics.RecordDuration(started, in decision);")
            .Line("return decision;")
            .CloseBlock()
            .Line()
            .Line("/// <summary>")
            .Line("/// Decides in one frame: the intent check's common case (unless <paramref name=\"accepted\"/>), then the declared gates")
            .Line("/// in order on the intent with its exchange canonical. Any other intent goes to <see cref=\"DecideScreened\"/>, which")
            .Line("/// runs the whole check, and makes any copy, out of this frame.")
            .Line("/// </summary>")
            .Line("/// <param name=\"intent\">The trade.</param>")
            .Line("/// <param name=\"accepted\">True when the intent check accepted <paramref name=\"intent\"/> already, its exchange canonical.</param>")
            .Line("/// <returns>The decision.</returns>")
            .Line(GeneratedCodeInfo.Attribute)
            .OpenBlock("private " + Decision + " Decide(in " + Intent + " intent, bool accepted)");
        if (checks.Count > 0)
        {
            writer.Line(Verdict + " verdict;");
        }

        writer.Line(Exception + " fault;")
            .Line("string faultGate;")
            .OpenBlock("if (!accepted)")
            .Line("bool asGiven;")
            .OpenBlock("try")
            .Line("asGiven = " + Decisions + ".AcceptsAsGiven(_context, in intent);")
            .CloseBlock();
        CatchFault(writer, IntentGateName)
            .Line()
            .Line("// Anything but the common intent (a name to make canonical, an exit to verify, a refusal) is checked out of line.")
            .OpenBlock("if (!asGiven)")
            .Line("return DecideScreened(in intent);")
            .CloseBlock()
            .CloseBlock()
            .Line();
        // One reading of the clock per decision, on first use, shared by the timed gates, the book and the admission.
        writer.Line(Clock + " clock = new " + Clock + "(_context.Time);");
        foreach (var gate in checks)
        {
            var call = gate.IsTimed ? Decisions + ".Check(" + Receiver(gate) + ", in intent, ref clock)" : CheckCall(gate);
            writer.OpenBlock("try")
                .Line("verdict = " + call + ";")
                .CloseBlock();
            CatchFault(writer, gate.NameExpression)
                .Line()
                .OpenBlock("if (!verdict.IsPassed)")
                .Line("goto refused;")
                .CloseBlock()
                .Line();
        }

        if (reserving.AdmitsInSteps)
        {
            writer.Line("return AdmitAccepted(in intent, ref clock);");
        }
        else
        {
            // Through the role interface (constrained: no boxing, and a sealed gate's own method is called directly), so a
            // gate implementing it explicitly works too. Inside its own try: a reserving gate's Admit that throws refuses
            // the trade with GateFault like any other gate, instead of escaping Evaluate.
            writer.OpenBlock("try")
                .Line("return " + Decisions + ".Admit(" + Receiver(reserving) + ", in intent, ref clock, _admitting);")
                .CloseBlock();
            CatchFault(writer, reserving.NameExpression);
        }

        if (checks.Count > 0)
        {
            // One exit for every refusal, its verdict passed in its parts: the verdict local's address is never taken, so
            // it stays in registers and a passing gate costs only its own test, and the refusal is emitted once, not once
            // per gate (docs/benchmarks.md, section 1).
            writer.Line()
                .Line("refused:")
                .Line("return " + Decisions + ".Reject(_context, in intent, " + VerdictParts + ");");
        }

        writer.Line()
            .Line("faulted:")
            .Line(FaultedExit)
            .CloseBlock()
            .Line()
            .Line("/// <summary>")
            .Line("/// The whole intent check, for an intent off its common case: refused (logged and counted under the exchange it")
            .Line("/// names, or <c>(invalid)</c>), or accepted and decided, on a copy carrying the canonical name when the app spelled it")
            .Line("/// otherwise. Out of line, so neither the check's verdict nor the copy is part of <see cref=\"Decide\"/>'s frame.")
            .Line("/// </summary>")
            .Line("/// <param name=\"intent\">The trade as the app built it.</param>")
            .Line("/// <returns>The decision.</returns>")
            .Line(GeneratedCodeInfo.Attribute)
            .Line(NoInlining)
            .OpenBlock("private " + Decision + " DecideScreened(in " + Intent + " intent)")
            .Line(Verdict + " verdict;")
            .Line("string exchange;")
            .OpenBlock("try")
            .Line("verdict = " + Decisions + ".Accept(_context, in intent, out exchange);")
            .CloseBlock()
            .OpenBlock("catch (" + Exception + " exception)")
            .Line("return " + Decisions + ".Fault(_context, in intent, " + IntentGateName + ", exception);")
            .CloseBlock()
            .Line()
            .OpenBlock("if (verdict.IsPassed && global::System.Object.ReferenceEquals(exchange, intent.Exchange))")
            .Line("return Decide(in intent, accepted: true);")
            .CloseBlock()
            .Line()
            .Line("// The gates decide on the canonical name, and a refusal is logged and counted under it (or \"(invalid)\").")
            .Line(Intent + " respelled = intent with { Exchange = exchange };")
            .OpenBlock("if (verdict.IsPassed)")
            .Line("return Decide(in respelled, accepted: true);")
            .CloseBlock()
            .Line()
            .Line("return " + Decisions + ".Reject(_context, in respelled, " + VerdictParts + ");")
            .CloseBlock();
        if (reserving.AdmitsInSteps)
        {
            writer.Line();
            WriteStagedAdmission(writer, model, reserving);
        }
    }

    /// <summary>True when the pipeline writes its admission out step by step (its reserving gate is an <c>IStagedReservingGate</c>).</summary>
    private static bool AdmitsInSteps(PipelineModel model) => model.Gates.Any(g => g.Role == GateRole.Reserving && g.AdmitsInSteps);

    /// <summary>
    /// Writes the admission of a staged reserving gate: the slot, then each admitting gate's take as a direct call in
    /// declared order, then each gate told it stands and the approval announced; a refusal or an exception gives back
    /// everything taken in reverse order. A step counter names the gate that threw and says how much to give back, so
    /// the whole admission is two protected regions whatever the number of gates.
    /// </summary>
    private static void WriteStagedAdmission(SourceWriter writer, PipelineModel model, GateModel reserving)
    {
        var admitting = model.Gates.Where(g => g.IsAdmitting).ToList();
        var receipts = admitting.Select((_, i) => "receipt" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // The slot is taken in a small frame of its own: a refusal at the cap, the most frequent refusal of a busy
        // exchange, never pays for zeroing the frame that holds the admitting gates' receipts and verdicts.
        writer.Line("/// <summary>")
            .Line("/// Admits an intent every check passed, step by step: " + Reference(reserving.TypeName) + " takes the slot, then")
            .Line("/// <see cref=\"AdmitReserved\"/> each admitting gate its state. A gate that throws refuses the trade with")
            .Line("/// <see cref=\"global::RiskSdk.RejectionReason.GateFault\"/>, naming the gate, everything taken given back.")
            .Line("/// </summary>")
            .Line("/// <param name=\"intent\">The accepted trade.</param>")
            .Line("/// <param name=\"clock\">The decision's clock.</param>")
            .Line("/// <returns>The decision.</returns>")
            .Line(GeneratedCodeInfo.Attribute)
            .OpenBlock("private " + Decision + " AdmitAccepted(in " + Intent + " intent, ref " + Clock + " clock)")
            .Line(Verdict + " verdict;")
            .Line(Slot + " slot;")
            .Line(Reservation + " reservation;")
            .Line(Exception + " fault;")
            .Line("string faultGate;")
            .OpenBlock("try")
            .Line("verdict = " + Decisions + ".Reserve(" + Receiver(reserving) + ", in intent, ref clock, out slot, out reservation);")
            .CloseBlock();
        CatchFault(writer, reserving.NameExpression)
            .Line()
            .OpenBlock("if (!verdict.IsPassed)")
            .Line("return " + Decisions + ".Reject(_context, in intent, " + VerdictParts + ");")
            .CloseBlock()
            .Line()
            .Line("return AdmitReserved(in intent, ref clock, in slot, reservation);")
            .Line()
            .Line("faulted:")
            .Line(FaultedExit)
            .CloseBlock()
            .Line()
            .Line("/// <summary>")
            .Line("/// The admission once the slot is held: each admitting gate takes its state in declared order; once all hold, each")
            .Line("/// is told so and the approval is announced. A refusal gives back everything taken, in reverse order, the slot")
            .Line("/// included; so does an exception, which refuses the trade with <see cref=\"global::RiskSdk.RejectionReason.GateFault\"/>")
            .Line("/// naming the gate that threw.")
            .Line("/// </summary>")
            .Line("/// <param name=\"intent\">The accepted trade.</param>")
            .Line("/// <param name=\"clock\">The decision's clock.</param>")
            .Line("/// <param name=\"slot\">The slot taken.</param>")
            .Line("/// <param name=\"reservation\">The reservation holding it.</param>")
            .Line("/// <returns>The decision.</returns>")
            .Line(GeneratedCodeInfo.Attribute)
            .OpenBlock("private " + Decision + " AdmitReserved(in " + Intent + " intent, ref " + Clock + " clock, in " + Slot + " slot, " + Reservation + " reservation)");
        if (admitting.Count > 0)
        {
            writer.Line(Verdict + " verdict;");
        }

        writer.Line(Exception + " fault;");

        // Both the refusal's exit and the fault's give back everything taken, with the same call.
        var giveBack = "GiveBackAdmission(in intent, step, in reservation" + string.Concat(receipts.Select(r => ", in " + r)) + ");";
        foreach (var receipt in receipts)
        {
            writer.Line(Receipt + " " + receipt + " = default;");
        }

        // Steps 0..n-1 take the admitting gates' state, n..2n-1 tell them it stands, 2n announces the approval: a
        // gate's state is given back when the step counter has gone past its take.
        writer.Line("int step = 0;")
            .OpenBlock("try");
        var stepNumber = 0;
        for (var i = 0; i < admitting.Count; i++)
        {
            writer.Line("verdict = " + Decisions + ".TryTake(" + admitting[i].FieldName + ", in intent, in slot, ref clock, out " + receipts[i] + ");")
                .OpenBlock("if (!verdict.IsPassed)")
                .Line("goto refused;")
                .CloseBlock()
                .Line()
                .Line("step = " + Number(++stepNumber) + ";");
        }

        for (var i = 0; i < admitting.Count; i++)
        {
            writer.Line(Decisions + ".Admitted(" + admitting[i].FieldName + ", in intent, in " + receipts[i] + ");")
                .Line("step = " + Number(++stepNumber) + ";");
        }

        writer.Line(Decisions + ".Admitted(" + Receiver(reserving) + ", in intent, in slot, in reservation);")
            .CloseBlock()
            .OpenBlock("catch (" + Exception + " exception)")
            .Line("fault = exception;")
            .Line("goto faulted;")
            .CloseBlock()
            .Line()
            .Line("return " + Decisions + ".Approve(in intent, reservation, in slot, " + reserving.NameExpression + ");");
        if (admitting.Count > 0)
        {
            writer.Line()
                .Line("refused:")
                .Line(giveBack)
                .Line("return " + Decisions + ".Reject(_context, in intent, " + VerdictParts + ");");
        }

        writer.Line()
            .Line("faulted:")
            .Line(giveBack)
            .Line("return " + Decisions + ".Fault(_context, in intent, " + StepName(admitting, reserving) + ", fault);");

        writer.CloseBlock()
            .Line()
            .Line("/// <summary>Gives back, in reverse order, the state of each admitting gate whose take the step counter has gone past, then the slot.</summary>")
            .Line("/// <param name=\"intent\">The trade that was being admitted.</param>")
            .Line("/// <param name=\"step\">How far the admission got.</param>")
            .Line("/// <param name=\"reservation\">The slot's reservation.</param>");
        for (var i = 0; i < admitting.Count; i++)
        {
            writer.Line("/// <param name=\"" + receipts[i] + "\">What " + Reference(admitting[i].TypeName) + " took.</param>");
        }

        writer.Line(GeneratedCodeInfo.Attribute)
            .OpenBlock("private void GiveBackAdmission(in " + Intent + " intent, int step, in " + Reservation + " reservation" + string.Concat(receipts.Select(r => ", in " + Receipt + " " + r)) + ")");
        for (var i = admitting.Count - 1; i >= 0; i--)
        {
            writer.OpenBlock("if (step > " + Number(i) + ")")
                .Line(Decisions + ".Undo(_context, " + admitting[i].FieldName + ", in intent, in " + receipts[i] + ");")
                .CloseBlock()
                .Line();
        }

        writer.Line(Decisions + ".Release(_context, in intent, in reservation, " + reserving.NameExpression + ");")
            .CloseBlock();
    }

    /// <summary>
    /// A catch block that keeps the exception and the name of the gate that threw and leaves for the method's
    /// <c>faulted:</c> exit (<see cref="FaultedExit"/>). A decision returned from inside the handler would be built in a
    /// temporary of the frame and copied out; every decision zeroes that temporary, the approvals included.
    /// </summary>
    private static SourceWriter CatchFault(SourceWriter writer, string gateName) =>
        writer.OpenBlock("catch (" + Exception + " exception)")
            .Line("fault = exception;")
            .Line("faultGate = " + gateName + ";")
            .Line("goto faulted;")
            .CloseBlock();

    /// <summary>The gate a step counter names: step i and n + i belong to the i-th admitting gate, the last step to the reserving gate.</summary>
    private static string StepName(System.Collections.Generic.List<GateModel> admitting, GateModel reserving)
    {
        if (admitting.Count == 0)
        {
            return reserving.NameExpression;
        }

        var arms = admitting.Select((g, i) => Number(i) + " or " + Number(admitting.Count + i) + " => " + g.NameExpression);
        return "step switch { " + string.Join(", ", arms) + ", _ => " + reserving.NameExpression + " }";
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteExplain(SourceWriter writer, PipelineModel model)
    {
        writer.Line("/// <summary>")
            .Line("/// Runs the intent check, then every gate, the position limit included, without reserving anything, and returns")
            .Line("/// all verdicts in order. The gates see the intent with its exchange canonical.")
            .Line("/// </summary>")
            .Line("/// <param name=\"intent\">The trade.</param>")
            .Line("/// <returns>The intent check's verdict, then one verdict per gate; a gate that throws gives a <see cref=\"global::RiskSdk.RejectionReason.GateFault\"/> verdict.</returns>")
            .Line(GeneratedCodeInfo.Attribute)
            .OpenBlock("public global::System.Collections.Generic.IReadOnlyList<" + Verdict + "> Explain(in " + Intent + " intent)")
            .Line(Verdict + "[] verdicts = new " + Verdict + "[" + (model.Gates.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "];")
            .Line(Intent + " accepted = intent;")
            .OpenBlock("try")
            .Line("verdicts[0] = " + Decisions + ".Screen(_context, in intent, out accepted);")
            .CloseBlock()
            .OpenBlock("catch (" + Exception + " exception)")
            .Line("verdicts[0] = " + Verdict + ".Fault(" + IntentGateName + ", exception);")
            .CloseBlock()
            .Line();
        for (var i = 0; i < model.Gates.Count; i++)
        {
            var gate = model.Gates[i];
            var slot = "verdicts[" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            writer.OpenBlock("try")
                .Line(slot + " = " + CheckCall(gate, "accepted") + ";")
                .CloseBlock()
                .OpenBlock("catch (" + Exception + " exception)")
                .Line(slot + " = " + Verdict + ".Fault(" + gate.NameExpression + ", exception);")
                .CloseBlock()
                .Line();
        }

        writer.Line("return verdicts;").CloseBlock();
    }

    /// <summary>The argument that hands a gate to a role-interface helper: a class by value, a struct by reference to its field, so its state changes stay.</summary>
    private static string Receiver(GateModel gate) => (gate.IsValueType ? "ref " : string.Empty) + gate.FieldName;

    private static string CheckCall(GateModel gate, string intent = "intent") =>
        (gate.Creation == GateCreation.Static || gate.CheckIsStatic ? gate.TypeName : gate.FieldName) + ".Check(in " + intent + ")";
}
