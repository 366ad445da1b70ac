using System.ComponentModel;
using RiskSdk.Configuration;

namespace RiskSdk.Generated;

/// <summary>Why a variable's text was not accepted.</summary>
/// <param name="Kind"><see cref="ProblemKind.Malformed"/> or <see cref="ProblemKind.OutOfRange"/>.</param>
/// <param name="Reason">A phrase that follows the value in a message: <c>is not an integer</c>, <c>is out of range</c>.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct ParseFailure(ProblemKind Kind, string Reason);
