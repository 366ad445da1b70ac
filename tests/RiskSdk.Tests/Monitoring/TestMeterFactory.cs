using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace RiskSdk.Tests.Monitoring;

/// <summary>An <see cref="IMeterFactory"/> like the DI container's: one meter per name and version, scoped to the factory.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly Dictionary<(string, string?), Meter> _meters = new();

    public Meter Create(MeterOptions options)
    {
        lock (_meters)
        {
            var key = (options.Name, options.Version);
            if (!_meters.TryGetValue(key, out var meter))
            {
                meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
                _meters.Add(key, meter);
            }

            return meter;
        }
    }

    public void Dispose()
    {
        lock (_meters)
        {
            foreach (var meter in _meters.Values)
            {
                meter.Dispose();
            }

            _meters.Clear();
        }
    }
}
