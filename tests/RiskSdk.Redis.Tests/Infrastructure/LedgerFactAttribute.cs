using System;
using Xunit;
using Xunit.Sdk;

namespace RiskSdk.Redis.Tests.Infrastructure;

/// <summary>
/// A fact that is skipped, with the reason, when its test class is marked <see cref="RequiresRedisServerAttribute"/>
/// and no redis-server is installed. Lets one behavioural suite run against the in-memory book everywhere and the
/// Redis book wherever Redis is available (CI installs it).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("RiskSdk.Redis.Tests.Infrastructure.LedgerFactDiscoverer", "RiskSdk.Redis.Tests")]
public sealed class LedgerFactAttribute : FactAttribute
{
}

/// <summary>Marks a test class whose facts need a local redis-server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresRedisServerAttribute : Attribute
{
}
