using System;

namespace RiskSdk.Redis.Tests.Infrastructure;

/// <summary>One redis-server per test class; each test isolates itself with its own key prefix.</summary>
public sealed class RedisServerFixture : IDisposable
{
    private readonly Lazy<RedisServer> _server = new(() => new RedisServer());

    /// <summary>The server, started on first use (never when redis-server is missing: those tests are skipped).</summary>
    public RedisServer Server => _server.Value;

    /// <summary>A key prefix no other test uses.</summary>
    /// <returns>The prefix.</returns>
    public static string UniquePrefix() => "test:" + Guid.NewGuid().ToString("N") + ":";

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_server.IsValueCreated)
        {
            _server.Value.Dispose();
        }
    }
}
