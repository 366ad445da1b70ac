using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace RiskSdk.Redis.Tests.Infrastructure;

/// <summary>Discovers <see cref="LedgerFactAttribute"/> facts as <see cref="LedgerTestCase"/>s.</summary>
public sealed class LedgerFactDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnostics;

    /// <summary>Called by xunit.</summary>
    /// <param name="diagnosticMessageSink">Where discovery diagnostics go.</param>
    public LedgerFactDiscoverer(IMessageSink diagnosticMessageSink) => _diagnostics = diagnosticMessageSink;

    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new LedgerTestCase(_diagnostics, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

/// <summary>A fact skipped when its class needs Redis and redis-server is missing.</summary>
public sealed class LedgerTestCase : XunitTestCase
{
    /// <summary>Called by the de-serializer.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public LedgerTestCase()
    {
    }

    /// <summary>Creates the test case.</summary>
    /// <param name="diagnosticMessageSink">Where diagnostics go.</param>
    /// <param name="defaultMethodDisplay">How methods are named.</param>
    /// <param name="defaultMethodDisplayOptions">Naming options.</param>
    /// <param name="testMethod">The method.</param>
    public LedgerTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    /// <inheritdoc/>
    protected override string? GetSkipReason(IAttributeInfo factAttribute)
    {
        var needsRedis = TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresRedisServerAttribute)).Any();
        return needsRedis && RedisServer.MissingReason is { } reason ? reason : base.GetSkipReason(factAttribute);
    }
}
