using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>
/// One meter per name and version, scoped to this factory, as the DI container's factory does: a context built with
/// it reports through instruments of its own, which a listener can pick out by <see cref="Meter.Scope"/>.
/// </summary>
public sealed class ScopedMeterFactory : IMeterFactory
{
    private readonly ConcurrentDictionary<string, Meter> _meters = new();

    /// <inheritdoc/>
    public Meter Create(MeterOptions options)
    {
        System.ArgumentNullException.ThrowIfNull(options);
        return _meters.GetOrAdd(options.Name + "/" + options.Version, _ => new Meter(new MeterOptions(options.Name) { Version = options.Version, Scope = this }));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var meter in _meters.Values)
        {
            meter.Dispose();
        }
    }
}
