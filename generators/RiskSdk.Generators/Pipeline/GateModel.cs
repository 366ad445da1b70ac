namespace RiskSdk.Generators.Pipeline;

/// <summary>One gate of a pipeline, as plain data.</summary>
/// <param name="TypeName">The gate type, <c>global::</c>-qualified.</param>
/// <param name="NameExpression">The C# expression for the gate's name in fault verdicts: its <c>GateName</c> constant, or its type name as a literal.</param>
/// <param name="FieldName">The field holding the instance (unused for a static gate).</param>
/// <param name="ParameterName">The constructor parameter of a supplied gate, escaped when it is a keyword.</param>
/// <param name="Role">Where the gate runs: a check, or the reserving gate.</param>
/// <param name="IsTimed">True for an <c>ITimedGate</c>: its <c>Check(in intent, ref clock)</c> is called through the interface (constrained, so an explicit implementation is reached and a struct is not boxed).</param>
/// <param name="IsAdmitting">True for an <c>IAdmittingGate</c>: it also takes its state at admission, in declared order.</param>
/// <param name="Creation">How the pipeline gets hold of it.</param>
/// <param name="ConstructorArguments">For a created gate, the arguments taken from the context, in order.</param>
/// <param name="IsValueType">True for a struct gate: its field is not readonly, so a mutating check keeps its state.</param>
/// <param name="AdmitsInSteps">True for a reserving gate that is an <c>IStagedReservingGate</c>: the pipeline writes its admission out (reserve, each admitting gate's take as a direct call, the approval) instead of calling <c>Admit</c> with a list of gates.</param>
/// <param name="CheckIsStatic">True when the gate has an instance (a role interface needs one) but its <c>Check(in TradeIntent)</c> is static: <c>Explain</c> calls it on the type.</param>
internal sealed record GateModel(
    string TypeName,
    string NameExpression,
    string FieldName,
    string ParameterName,
    GateRole Role,
    bool IsTimed,
    bool IsAdmitting,
    GateCreation Creation,
    EquatableArray<string> ConstructorArguments,
    bool IsValueType,
    bool AdmitsInSteps,
    bool CheckIsStatic = false);
