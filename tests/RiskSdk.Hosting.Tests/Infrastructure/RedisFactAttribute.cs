using RiskSdk.Redis.Tests.Infrastructure;

namespace RiskSdk.Hosting.Tests.Infrastructure;

/// <summary>A fact that needs a local redis-server; skipped with the reason when none is installed (CI installs it).</summary>
internal sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
