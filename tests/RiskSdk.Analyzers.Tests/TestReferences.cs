using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace RiskSdk.Analyzers.Tests;

/// <summary>Offline references for every test: the .NET 10 reference assemblies and the real RiskSdk runtime.</summary>
internal static class TestReferences
{
    /// <summary>No package: the references come from <see cref="All"/> instead (see shared/TOOLCHAIN.md).</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static IReadOnlyList<MetadataReference> All { get; } = Basic.Reference.Assemblies.Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(RiskDecision).Assembly.Location))
        .ToArray();
}
