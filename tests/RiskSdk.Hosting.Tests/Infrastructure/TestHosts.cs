using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace RiskSdk.Hosting.Tests.Infrastructure;

/// <summary>Hosts built the way an app builds them, isolated from the machine's environment and files.</summary>
internal static class TestHosts
{
    public static HostApplicationBuilder Builder(IReadOnlyDictionary<string, string?>? configuration = null, string? json = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        if (json is not null)
        {
            builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }

        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Services.AddFakeLogging();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero)));
        return builder;
    }

    /// <summary>Changes configuration values and raises the reload, as a changed appsettings.json does.</summary>
    public static void Reload(this IHost host, params (string Key, string? Value)[] values)
    {
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        foreach (var (key, value) in values)
        {
            configuration[key] = value;
        }

        configuration.Reload();
    }

    public static FakeTimeProvider Clock(this IHost host) => (FakeTimeProvider)host.Services.GetRequiredService<TimeProvider>();

    public static IReadOnlyList<FakeLogRecord> Logs(this IHost host, int eventId) =>
        host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot().Where(record => record.Id.Id == eventId).ToList();

    /// <summary>Waits (up to 10 s of real time) for work the host does on its own threads.</summary>
    public static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 10 s.");
            await Task.Delay(10);
        }
    }

    public static TradeIntent Signal(string exchange = "NSE", double confidence = 0.80) =>
        new() { Exchange = exchange, Confidence = confidence, KellyFraction = 0.2, Lots = 1, Delta = 0.1, Side = TradeSide.Buy };
}
