using System.Collections.Generic;

namespace RiskSdk.Samples.Tests;

/// <summary>Shared empty inputs.</summary>
internal static class Empty
{
    /// <summary>No environment variables at all: every setting takes its default.</summary>
    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>();
}
