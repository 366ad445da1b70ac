using System;
using Microsoft.CodeAnalysis;

namespace RiskSdk.Generators;

/// <summary>
/// Keeps a failure on one annotated class from taking the generator, and with it every other class's output, down
/// (CS8785): each class is parsed and emitted on its own, and an unexpected exception becomes a diagnostic on that
/// class. Cancellation still propagates.
/// </summary>
internal static class ClassIsolation
{
    /// <summary>True for an exception that must not be turned into a diagnostic.</summary>
    public static bool MustPropagate(Exception exception) => exception is OperationCanceledException;

    /// <summary>What a failure says: the exception's type and message on one line.</summary>
    public static string Describe(Exception exception) =>
        exception.GetType().Name + ": " + exception.Message.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>Where a failure is reported: the attribute on the class, else the class's name.</summary>
    public static Location? AttributeLocation(AttributeData? attribute, Location? fallback) =>
        attribute?.ApplicationSyntaxReference is { } reference ? Location.Create(reference.SyntaxTree, reference.Span) : fallback;
}
