using Xunit;

namespace RiskSdk.Package.Tests;

/// <summary>
/// Every package test shares one <see cref="ConsumerWorkspace"/>: RiskSdk is packed once per run, and the test classes
/// run one after another. Two class fixtures packed the same projects at the same time and raced on their
/// <c>obj/project.assets.json</c> (the whole class then failed with "dotnet pack failed").
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackedRiskSdk : ICollectionFixture<ConsumerWorkspace>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packed RiskSdk";
}
