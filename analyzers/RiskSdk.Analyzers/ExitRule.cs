using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>
/// When a call to an order-placement method closes exposure rather than opening it, and so needs no position-limit
/// check: always (<c>[OrderPlacement(ReducesExposure = true)]</c>, <c>reduces-exposure</c>), or when an argument is
/// a given constant (<c>ExitWhen = "reduceOnly"</c>: the bool argument is <c>true</c>; <c>ExitWhen = "side=Sell"</c>:
/// the argument is the enum member, string or number <c>Sell</c>). An argument that is not a constant is not an exit.
/// </summary>
internal static class ExitRule
{
    /// <summary>The rule of an exit-only method.</summary>
    public const string Always = "*";

    /// <summary>The rule declared on an <c>[OrderPlacement]</c> attribute, or null.</summary>
    public static string? Of(AttributeData? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        string? rule = null;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "ReducesExposure" && argument.Value.Value is true)
            {
                return Always;
            }

            if (argument.Key == "ExitWhen" && argument.Value.Value is string exitWhen && exitWhen.Trim().Length > 0)
            {
                rule = exitWhen;
            }
        }

        return rule;
    }

    /// <summary>True when <paramref name="invocation"/> meets <paramref name="rule"/>.</summary>
    public static bool Holds(string rule, IInvocationOperation invocation)
    {
        if (rule == Always)
        {
            return true;
        }

        var equals = rule.IndexOf('=');
        var parameter = (equals < 0 ? rule : rule.Substring(0, equals)).Trim();
        var expected = equals < 0 ? "true" : rule.Substring(equals + 1).Trim().TrimStart('=').Trim();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameter)
            {
                return Matches(argument.Value, expected);
            }
        }

        return false;
    }

    private static bool Matches(IOperation value, string expected)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } field })
        {
            return field.Name == expected || (field.ContainingType.Name + "." + field.Name) == expected;
        }

        return value.ConstantValue is { HasValue: true, Value: { } constant }
            && string.Equals(System.Convert.ToString(constant, System.Globalization.CultureInfo.InvariantCulture), expected, constant is bool ? System.StringComparison.OrdinalIgnoreCase : System.StringComparison.Ordinal);
    }
}
