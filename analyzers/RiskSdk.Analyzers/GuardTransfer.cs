using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>
/// The transfer function of the guard analysis: evaluates the operations of one basic block in order, updating the
/// <see cref="FlowState"/> and returning what each value says about the guard. On the reporting pass it records
/// unguarded order placements and the lambdas to analyse on their own.
/// </summary>
internal sealed class GuardTransfer
{
    private readonly RiskSymbols _symbols;
    private readonly ReadLocals _readLocals;
    private readonly FlowFindings? _findings;
    private readonly SemanticModel? _model;

    public GuardTransfer(RiskSymbols symbols, ReadLocals readLocals, FlowState state, FlowFindings? findings, SemanticModel? model)
    {
        _model = model;
        _symbols = symbols;
        _readLocals = readLocals;
        State = state;
        _findings = findings;
    }

    public FlowState State { get; }

    /// <summary>Evaluates one top-level operation of a block; a check whose result is dropped is remembered as ignored.</summary>
    public void Statement(IOperation operation)
    {
        if (operation is IExpressionStatementOperation statement)
        {
            operation = statement.Operation;
        }

        Evaluate(operation);
        var dropped = operation switch
        {
            ISimpleAssignmentOperation { Target: IDiscardOperation } discard => discard.Value,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when !_readLocals.Contains(local.Local) => assignment.Value,
            ISimpleAssignmentOperation => null,
            _ => operation,
        };
        if (dropped is not null && DroppedCheck(dropped) is { } check)
        {
            State.AddIgnored(check);
        }
    }

    /// <summary>Evaluates <paramref name="operation"/> and its children in evaluation order.</summary>
    public GuardFacts Evaluate(IOperation? operation)
    {
        switch (operation)
        {
            case null:
            case INameOfOperation:
                return GuardFacts.None;
            case IFlowAnonymousFunctionOperation lambda:
                _findings?.Lambdas.Add((lambda, false));
                return GuardFacts.None;
            case IInvalidOperation invalid:
                EvaluateChildren(invalid);
                if (_findings is not null && _findings.Unresolved.TryGetValue(invalid.Syntax, out var candidate) && State.Reachable && !State.Guarded)
                {
                    _findings.AddUnguarded(invalid, candidate, State.Ignored);
                }

                return UnboundCheck(invalid);
            case IInvocationOperation invocation:
                return Invocation(invocation);
            case IAwaitOperation awaited:
                return Await(Evaluate(awaited.Operation));
            case IPropertyReferenceOperation { Property.GetMethod: { } getter } checkProperty when _symbols.IsCheck(getter):
                Evaluate(checkProperty.Instance);
                return Check(_symbols.ShapeOf(getter), conditional: false);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Evaluate(not.Operand).Negate();
            case IBinaryOperation binary:
                return Binary(binary);
            case IIsPatternOperation isPattern:
                return Pattern(Evaluate(isPattern.Value), isPattern.Pattern, IsNullable(isPattern.Value.Type), NotNull(isPattern.Value));
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand);
            case ILocalReferenceOperation local:
                return _readLocals.Unstable.Contains(local.Local) ? GuardFacts.None : State.Lookup(local.Local);
            case IFlowCaptureReferenceOperation capture:
                return State.Lookup(capture.Id);
            case IFlowCaptureOperation capture:
                State.Store(capture.Id, Evaluate(capture.Value));
                return GuardFacts.None;
            case ISimpleAssignmentOperation assignment:
                return Assignment(assignment);
            case IDeconstructionAssignmentOperation deconstruction:
                return Deconstruction(deconstruction);
            case ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation:
                EvaluateChildren(operation);
                ForgetAssignedLocals(operation);
                if (WrittenTarget(operation) is IPropertyReferenceOperation { Property.SetMethod: { } compoundSetter } written && _symbols.IsGuardedPlacement(compoundSetter))
                {
                    AccessorPlacement(written, compoundSetter);
                }

                return GuardFacts.None;
            case IPropertyReferenceOperation { Property.GetMethod: { } placementGetter } read when _symbols.IsGuardedPlacement(placementGetter):
                EvaluateChildren(read);
                AccessorPlacement(read, placementGetter);
                return GuardFacts.None;
            case IPropertyReferenceOperation { Instance: { } nullable, Property: { Name: "Value", ContainingType.OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } }:
                // 'd.Value' is the value itself (it throws when there is none).
                return Evaluate(nullable).Only(GuardBits.IfTrue | GuardBits.IfFalse | GuardBits.IfPositive | GuardBits.MemberBits);
            case IPropertyReferenceOperation { Instance: { } task } result when TaskPlumbing.IsResult(result.Property):
                return Await(Evaluate(task));
            case IPropertyReferenceOperation { Instance: { } instance, Property: { Type.SpecialType: SpecialType.System_Boolean } property }:
                return Evaluate(instance).MemberNamed(property.Name);
            case IFieldReferenceOperation { Instance: { } instance, Field: { Type.SpecialType: SpecialType.System_Boolean } field }:
                return Evaluate(instance).MemberNamed(field.Name);
            case IDefaultValueOperation defaultValue:
                return NeverTrue(defaultValue.Type);
            case ILiteralOperation literal:
                return Constant(literal);
            default:
                EvaluateChildren(operation);
                return GuardFacts.None;
        }
    }

    private void EvaluateChildren(IOperation operation)
    {
        foreach (var child in operation.ChildOperations)
        {
            Evaluate(child);
        }
    }

    private GuardFacts Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var flow = _symbols.FlowOf(method);
        var conditional = (flow & CallFlow.Conditional) != 0;
        var guardedBefore = State.Guarded;
        var instance = Evaluate(invocation.Instance);
        var runsNow = _symbols.RunsDelegatesNow(invocation);
        foreach (var argument in invocation.Arguments)
        {
            if (runsNow && DelegateArgument(argument.Value) is { } runNow)
            {
                _findings?.Lambdas.Add((runNow, State.Guarded));
                continue;
            }

            var facts = Evaluate(argument.Value);
            if (argument.Parameter is { } parameter)
            {
                if ((flow & (CallFlow.Conditional | CallFlow.DoesNotReturnIf)) == CallFlow.DoesNotReturnIf && FlowAttributes.DoesNotReturnIf(parameter, out var stopsWhen))
                {
                    State.Guarded |= facts.Has(stopsWhen ? GuardFacts.IfFalse : GuardFacts.IfTrue);
                }

                if (parameter.RefKind is RefKind.Ref or RefKind.Out && argument.Value is ILocalReferenceOperation local)
                {
                    State.Forget(local.Local);
                }
            }
        }

        if (conditional)
        {
            State.Guarded = guardedBefore;
        }

        if (_symbols.IsGuardedPlacement(method) && !_symbols.IsDeclaredExit(invocation))
        {
            Placement(invocation);
        }

        if ((flow & CallFlow.DoesNotReturn) != 0)
        {
            State.Reachable = false;
        }

        if (_symbols.IsCheck(method))
        {
            return Check(_symbols.ShapeOf(method), conditional);
        }

        switch (TaskPlumbing.Of(method))
        {
            case TaskStep.Wrap:
                return instance & GuardFacts.AwaitedFacts;
            case TaskStep.Block:
                return Await(instance);
        }

        // 'd?.IsApproved' reads the member through GetValueOrDefault: a decision's member facts survive it (a null
        // 'bool?' becomes false, so only 'true proves approval' does).
        return method is { Name: "GetValueOrDefault", Parameters.Length: 0, ContainingType.OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
            ? instance.Only(GuardBits.IfTrue | GuardBits.MemberBits)
            : GuardFacts.None;
    }

    /// <summary>
    /// A call that does not bind yet (a misspelt argument while typing, a package still restoring) whose candidates
    /// are all position-limit checks of one shape is read as that check: the code does not compile anyway, and a
    /// RISK001 on the order after it would only say something false about the guard the user is writing.
    /// </summary>
    private GuardFacts UnboundCheck(IInvalidOperation invalid)
    {
        if (invalid.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax syntax
            || (invalid.SemanticModel ?? _model) is not { } model
            || syntax.SyntaxTree != model.SyntaxTree)
        {
            return GuardFacts.None;
        }

        var candidates = model.GetSymbolInfo(syntax).CandidateSymbols;
        CheckShape? shape = null;
        var conditional = false;
        foreach (var candidate in candidates)
        {
            if (candidate is not IMethodSymbol method || !_symbols.IsCheck(method) || _symbols.IsPlacement(method))
            {
                return GuardFacts.None;
            }

            var candidateShape = _symbols.ShapeOf(method);
            if (shape is { } known && (known.Kind != candidateShape.Kind || known.IsAsync != candidateShape.IsAsync || known.Member != candidateShape.Member || known.ApprovedWhenFalse != candidateShape.ApprovedWhenFalse))
            {
                return GuardFacts.None;
            }

            shape = candidateShape;
            conditional |= (_symbols.FlowOf(method) & CallFlow.Conditional) != 0;
        }

        return shape is { } found ? Check(found, conditional) : GuardFacts.None;
    }

    /// <summary>A lambda passed as an argument as it is (possibly converted to a delegate type).</summary>
    private static IFlowAnonymousFunctionOperation? DelegateArgument(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IDelegateCreationOperation creation:
                    value = creation.Target;
                    continue;
                case IFlowAnonymousFunctionOperation lambda:
                    return lambda;
                default:
                    return null;
            }
        }
    }

    private GuardFacts Check(CheckShape shape, bool conditional) => (shape.Kind, shape.IsAsync) switch
    {
        (CheckResultKind.Boolean, false) => shape.ApprovedWhenFalse ? GuardFacts.IfFalse : GuardFacts.IfTrue,
        (CheckResultKind.Boolean, true) => shape.ApprovedWhenFalse ? GuardFacts.IfAwaitedFalse : GuardFacts.IfAwaitedTrue,
        (CheckResultKind.Decision, false) => GuardFacts.IfApproved(shape.Member!),
        (CheckResultKind.Decision, true) => GuardFacts.IfAwaitedApproved(shape.Member!),
        (CheckResultKind.Count, false) => GuardFacts.IfPositive,
        (CheckResultKind.Count, true) => GuardFacts.IfAwaitedPositive,
        (CheckResultKind.Undetermined, _) => GuardFacts.None,
        (_, true) => GuardFacts.IfAwaitedAssert,
        _ => AssertPassed(conditional),
    };

    private GuardFacts AssertPassed(bool conditional)
    {
        State.Guarded |= !conditional;
        return GuardFacts.None;
    }

    private void Placement(IInvocationOperation invocation)
    {
        if (_findings is not null && State.Reachable)
        {
            if (State.Guarded)
            {
                _findings.Guarded.Add(invocation);
            }
            else
            {
                _findings.AddUnguarded(invocation, invocation.TargetMethod, State.Ignored);
            }
        }
    }

    /// <summary>An <c>[OrderPlacement]</c> property or indexer accessor, called by reading or writing it (<c>desk[0] = order</c>).</summary>
    private void AccessorPlacement(IOperation reference, IMethodSymbol accessor)
    {
        if (_findings is not null && State.Reachable && !State.Guarded && !_symbols.IsExitOnly(accessor))
        {
            _findings.AddUnguarded(reference, accessor, State.Ignored);
        }
    }

    private GuardFacts Await(GuardFacts task)
    {
        State.Guarded |= task.Has(GuardBits.IfAwaitedAssert);
        return task.Awaited();
    }

    /// <summary><c>var (allowed, reason) = check();</c>: the element the check's approval member names carries it.</summary>
    private GuardFacts Deconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        var target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
        var source = deconstruction.Value;
        while (source is IConversionOperation conversion)
        {
            source = conversion.Operand;
        }

        // 'var (ok, why) = (limits.CanOpen(order), "x");': each element of a tuple literal goes to its own local.
        if (target is ITupleOperation targets && source is ITupleOperation values && targets.Elements.Length == values.Elements.Length)
        {
            var facts = new GuardFacts[values.Elements.Length];
            for (var i = 0; i < facts.Length; i++)
            {
                facts[i] = Evaluate(values.Elements[i]);
            }

            ForgetAssignedLocals(deconstruction);
            for (var i = 0; i < facts.Length; i++)
            {
                var element = targets.Elements[i] is IDeclarationExpressionOperation declared ? declared.Expression : targets.Elements[i];
                if (element is ILocalReferenceOperation local)
                {
                    State.Store(local.Local, facts[i]);
                }
            }

            return GuardFacts.None;
        }

        var value = Evaluate(deconstruction.Value);
        ForgetAssignedLocals(deconstruction);
        if (target is ITupleOperation tuple && deconstruction.Value.Type is INamedTypeSymbol { IsTupleType: true } type && value.Has(GuardBits.IfApproved))
        {
            for (var i = 0; i < tuple.Elements.Length && i < type.TupleElements.Length; i++)
            {
                var element = tuple.Elements[i] is IDeclarationExpressionOperation declared ? declared.Expression : tuple.Elements[i];
                if (element is ILocalReferenceOperation local)
                {
                    State.Store(local.Local, value.MemberNamed(type.TupleElements[i].Name));
                }
            }
        }

        return GuardFacts.None;
    }

    private GuardFacts Assignment(ISimpleAssignmentOperation assignment)
    {
        var setter = assignment.Target is IPropertyReferenceOperation { Property.SetMethod: { } set } && _symbols.IsGuardedPlacement(set) ? set : null;
        if (setter is not null)
        {
            // Writing the property calls its setter, not its getter: evaluate the receiver and the indexer's arguments only.
            EvaluateChildren(assignment.Target);
        }
        else if (assignment.Target is not ILocalReferenceOperation)
        {
            Evaluate(assignment.Target);
        }

        var facts = Evaluate(assignment.Value);
        if (setter is not null)
        {
            AccessorPlacement(assignment.Target, setter);
        }

        if (assignment.Target is ILocalReferenceOperation local)
        {
            State.Store(local.Local, facts);
        }

        return facts;
    }

    /// <summary>What a compound assignment, <c>??=</c>, <c>++</c>/<c>--</c> or deconstruction writes.</summary>
    private static IOperation? WrittenTarget(IOperation assignment) => assignment switch
    {
        ICompoundAssignmentOperation compound => compound.Target,
        IDeconstructionAssignmentOperation deconstruction => deconstruction.Target,
        ICoalesceAssignmentOperation coalesce => coalesce.Target,
        IIncrementOrDecrementOperation increment => increment.Target,
        _ => null,
    };

    private void ForgetAssignedLocals(IOperation assignment)
    {
        var target = WrittenTarget(assignment);
        foreach (var local in target?.DescendantsAndSelf() ?? [])
        {
            if (local is ILocalReferenceOperation reference)
            {
                State.Forget(reference.Local);
            }
        }
    }

    private GuardFacts Binary(IBinaryOperation binary)
    {
        var left = Evaluate(binary.LeftOperand);
        var right = Evaluate(binary.RightOperand);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.And or BinaryOperatorKind.ConditionalAnd:
                return GuardFactsAlgebra.And(left, right);
            case BinaryOperatorKind.Or or BinaryOperatorKind.ConditionalOr:
                return GuardFactsAlgebra.Or(left, right);
            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                var compared = BooleanConstant(binary.RightOperand) is { } rightConstant ? (left, rightConstant)
                    : BooleanConstant(binary.LeftOperand) is { } leftConstant ? (right, leftConstant)
                    : (GuardFacts.None, true);
                var equalsFacts = compared.Item2 ? compared.Item1.AsBoolean() : compared.Item1.Negate();

                // Lifted (bool?): null makes '==' false and '!=' true, so only one outcome still proves anything.
                equalsFacts &= IsNullable(binary.LeftOperand.Type) || IsNullable(binary.RightOperand.Type) ? GuardFacts.IfTrue : GuardFacts.All;
                return binary.OperatorKind == BinaryOperatorKind.Equals ? equalsFacts : equalsFacts.Negate();
            case BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual:
                return Comparison(binary.OperatorKind, left, IntegerConstant(binary.RightOperand))
                    | Comparison(Mirror(binary.OperatorKind), right, IntegerConstant(binary.LeftOperand));
            default:
                return GuardFacts.None;
        }
    }

    /// <summary>
    /// <c>slots &gt; 0</c>, <c>slots &gt;= 1</c> prove a count check approved when true; <c>slots &lt;= 0</c>,
    /// <c>slots &lt; 1</c> when false.
    /// </summary>
    private static GuardFacts Comparison(BinaryOperatorKind kind, GuardFacts count, long? constant)
    {
        if (!count.Has(GuardBits.IfPositive) || constant is not { } c)
        {
            return GuardFacts.None;
        }

        return kind switch
        {
            BinaryOperatorKind.GreaterThan when c >= 0 => GuardFacts.IfTrue,
            BinaryOperatorKind.GreaterThanOrEqual when c >= 1 => GuardFacts.IfTrue,
            BinaryOperatorKind.LessThanOrEqual when c >= 0 => GuardFacts.IfFalse,
            BinaryOperatorKind.LessThan when c >= 1 => GuardFacts.IfFalse,
            _ => GuardFacts.None,
        };
    }

    /// <summary>The operator with its operands swapped: <c>0 &lt; x</c> is <c>x &gt; 0</c>.</summary>
    private static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => BinaryOperatorKind.GreaterThanOrEqual,
    };

    private static long? IntegerConstant(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation.ConstantValue is { HasValue: true, Value: { } value } && value is int or long or short or byte or sbyte or uint or ushort
            ? System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>
    /// What a pattern's match proves about <paramref name="value"/>. A local the pattern declares (<c>case var d when
    /// d.IsApproved</c>, <c>is Decision d</c>, <c>is { } d</c>) takes the value's facts. A property pattern is the
    /// conjunction of "not null, of the matched type" and its subpatterns: true when any subpattern proves it, false
    /// (<c>is { IsApproved: false }</c>) only when every part does, and the null/type part only for a value that
    /// cannot be null or of another type (<paramref name="notNull"/>).
    /// </summary>
    private GuardFacts Pattern(GuardFacts value, IPatternOperation pattern, bool nullable, bool notNull)
    {
        switch (pattern)
        {
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool constant } }:
                var matches = constant ? value.AsBoolean() : value.Negate();
                return nullable ? matches & GuardFacts.IfTrue : matches;
            case INegatedPatternOperation negated:
                return Pattern(value, negated.Pattern, nullable, notNull).Negate();
            case IBinaryPatternOperation binaryPattern:
                var left = Pattern(value, binaryPattern.LeftPattern, nullable, notNull);
                var right = Pattern(value, binaryPattern.RightPattern, nullable, notNull);
                return binaryPattern.OperatorKind == BinaryOperatorKind.And ? GuardFactsAlgebra.And(left, right) : GuardFactsAlgebra.Or(left, right);
            case IRelationalPatternOperation relational:
                // 'slots is > 0', 'slots is <= 0' on a count of free slots.
                return Comparison(relational.OperatorKind, value, IntegerConstant(relational.Value));
            case IDiscardPatternOperation:
                // '_' always matches.
                return GuardFacts.IfFalse;
            case IDeclarationPatternOperation declaration:
                DeclarePatternLocal(declaration.DeclaredSymbol, value);

                // 'var d' always matches; 'Decision d' does for a value of that type that is never null.
                return declaration.MatchesNull || (notNull && SameType(declaration.MatchedType, declaration.InputType)) ? GuardFacts.IfFalse : GuardFacts.None;
            case IRecursivePatternOperation recursive:
                DeclarePatternLocal(recursive.DeclaredSymbol, value);

                // The "not null and of the matched type" part: its failing is impossible for a value that is never null.
                var tuple = recursive.DeconstructSymbol is null ? recursive.InputType as INamedTypeSymbol : null;
                var positional = tuple is { IsTupleType: true } && tuple.TupleElements.Length == recursive.DeconstructionSubpatterns.Length;
                var facts = notNull && SameType(recursive.MatchedType, recursive.InputType) && (recursive.DeconstructionSubpatterns.IsEmpty || positional)
                    ? GuardFacts.IfFalse
                    : GuardFacts.None;

                // A tuple's positional pattern, '(false, _)', tests its elements by position.
                for (var i = 0; i < recursive.DeconstructionSubpatterns.Length; i++)
                {
                    var element = positional && tuple!.TupleElements[i].Type.SpecialType == SpecialType.System_Boolean ? tuple.TupleElements[i].Name : null;
                    facts = GuardFactsAlgebra.And(facts, Pattern(element is null ? GuardFacts.None : value.MemberNamed(element), recursive.DeconstructionSubpatterns[i], nullable: false, notNull: false));
                }

                foreach (var subpattern in recursive.PropertySubpatterns)
                {
                    var member = subpattern.Member switch
                    {
                        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property: { Type.SpecialType: SpecialType.System_Boolean } property } => property.Name,
                        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation, Field: { Type.SpecialType: SpecialType.System_Boolean } field } => field.Name,
                        _ => null,
                    };
                    facts = GuardFactsAlgebra.And(facts, Pattern(member is null ? GuardFacts.None : value.MemberNamed(member), subpattern.Pattern, nullable: false, notNull: false));
                }

                return facts.AsBoolean();
            default:
                return GuardFacts.None;
        }
    }

    private static bool SameType(ITypeSymbol? matched, ITypeSymbol input) => SymbolEqualityComparer.Default.Equals(matched, input);

    /// <summary>A local declared by a pattern holds the matched value.</summary>
    private void DeclarePatternLocal(ISymbol? declared, GuardFacts value)
    {
        if (declared is ILocalSymbol local)
        {
            State.Store(local, value);
        }
    }

    /// <summary>
    /// True when the matched value is never null: a value type other than <c>Nullable&lt;T&gt;</c>. A reference is not
    /// trusted even where the compiler's nullable analysis says "not null": a value from code without annotations
    /// (a library, a <c>#nullable disable</c> file) says so too, and may be null.
    /// </summary>
    private static bool NotNull(IOperation value) =>
        value.Type is { IsValueType: true } type && !IsNullable(type) && type.TypeKind is not (TypeKind.TypeParameter or TypeKind.Error);

    /// <summary>The value of a constant <c>true</c> or <c>false</c>, also lifted to <c>bool?</c>.</summary>
    private static bool? BooleanConstant(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation.ConstantValue is { HasValue: true, Value: bool value } ? value : null;
    }

    /// <summary>A constant: <c>false</c> is never true (so "true proves approval" holds vacuously), and the reverse.</summary>
    private static GuardFacts Constant(ILiteralOperation literal) => literal.ConstantValue switch
    {
        { HasValue: true, Value: true } => GuardFacts.IfFalse,
        { HasValue: true, Value: false } => GuardFacts.IfTrue,
        { HasValue: true, Value: null } => NeverTrue(literal.Type),
        _ => GuardFacts.None,
    };

    private static bool IsNullable(ITypeSymbol? type) => type is { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    /// <summary><c>default(bool)</c> is never true; <c>default(bool?)</c> is neither true nor false.</summary>
    private static GuardFacts NeverTrue(ITypeSymbol? type) => type switch
    {
        { SpecialType: SpecialType.System_Boolean } => GuardFacts.IfTrue,
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable when nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean => GuardFacts.IfTrue | GuardFacts.IfFalse,
        _ => GuardFacts.None,
    };

    /// <summary>The check a dropped value comes from, unless it is an assert-style check that already guarded.</summary>
    private IInvocationOperation? DroppedCheck(IOperation value)
    {
        var awaited = false;
        while (true)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IAwaitOperation await:
                    awaited = true;
                    value = await.Operation;
                    continue;
                case IInvocationOperation { Instance: { } task } plumbing when TaskPlumbing.Of(plumbing.TargetMethod) != TaskStep.None:
                    awaited |= TaskPlumbing.Of(plumbing.TargetMethod) == TaskStep.Block;
                    value = task;
                    continue;
                case IPropertyReferenceOperation { Instance: { } task } result when TaskPlumbing.IsResult(result.Property):
                    awaited = true;
                    value = task;
                    continue;
                case IInvocationOperation invocation when _symbols.IsCheck(invocation.TargetMethod):
                    var shape = _symbols.ShapeOf(invocation.TargetMethod);
                    return shape.Kind == CheckResultKind.Undetermined || (shape.Kind == CheckResultKind.Assert && (awaited || !shape.IsAsync)) ? null : invocation;
                default:
                    return null;
            }
        }
    }
}
