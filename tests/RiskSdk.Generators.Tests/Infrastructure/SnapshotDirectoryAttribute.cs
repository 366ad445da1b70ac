using System;

namespace RiskSdk.Generators.Tests.Infrastructure;

/// <summary>Carries the source directory of the committed snapshots into the test assembly (set by the project file).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class SnapshotDirectoryAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}
