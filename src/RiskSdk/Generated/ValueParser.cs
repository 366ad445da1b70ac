using System.ComponentModel;
using RiskSdk.Configuration;

namespace RiskSdk.Generated;

/// <summary>Parses the (trimmed, non-empty) text of a variable and checks it against the variable's range.</summary>
/// <typeparam name="T">The setting's type.</typeparam>
/// <param name="text">The text to parse.</param>
/// <param name="variable">The variable, for its range and allowed values.</param>
/// <param name="value">The parsed value.</param>
/// <param name="failure">Why the text was refused, when it was.</param>
/// <returns>True when the value is accepted.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool ValueParser<T>(string text, VariableDescription variable, out T value, out ParseFailure failure);
