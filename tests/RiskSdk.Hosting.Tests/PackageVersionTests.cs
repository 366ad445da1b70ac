using System.Diagnostics.Metrics;
using System.Linq;
using System.Reflection;
using System;
using Microsoft.Extensions.DependencyInjection;
using RiskSdk.Monitoring;
using RiskSdk.Redis;

namespace RiskSdk.Hosting.Tests;

/// <summary>RiskSdk and its companion packages are built with the one version of src/Directory.Build.props, which the meter reports.</summary>
public sealed class PackageVersionTests
{
    [Fact]
    public void RiskSdk_and_its_companions_carry_one_version_and_the_meter_reports_it()
    {
        var versions = new[] { typeof(RiskContext), typeof(RiskHostingOptions), typeof(RedisPositionBook), typeof(RiskSdkBuilderRedisExtensions) }
            .Select(type => Version(type.Assembly))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var version = Assert.Single(versions);
        Assert.Equal(version, MeterVersion());
    }

    private static string Version(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    private static string? MeterVersion()
    {
        string? version = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == RiskMetrics.MeterName)
                {
                    version = instrument.Meter.Version;
                }
            },
        };
        listener.Start();
        using var context = new RiskContext(new RiskSettings());
        return version;
    }
}
