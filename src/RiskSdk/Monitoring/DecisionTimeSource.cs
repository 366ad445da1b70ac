using System;
using System.Threading;

namespace RiskSdk.Monitoring;

/// <summary>
/// The wall time stamped on decision records: the context clock's <see cref="TimeProvider.GetUtcNow"/>, read by a
/// timer every <see cref="RiskMonitor.ClockResolution"/> rather than by each decision, so recording a decision
/// reads no clock (a refusal by a pure gate still reads none) and the decision's own reading stays its only one.
/// </summary>
/// <remarks>
/// The timer holds this source only weakly: a context dropped without being disposed stops its timer at the next tick
/// instead of ticking for the life of the process.
/// </remarks>
internal sealed class DecisionTimeSource : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Ticker _ticker;
    private long _utcTicks;

    public DecisionTimeSource(TimeProvider time, TimeSpan resolution)
    {
        _time = time;
        _utcTicks = time.GetUtcNow().UtcTicks;
        _ticker = new Ticker(this);
        _ticker.Timer = time.CreateTimer(static state => ((Ticker)state!).Tick(), _ticker, resolution, resolution);
    }

    /// <summary>The latest reading, in UTC ticks.</summary>
    public long UtcTicks => Volatile.Read(ref _utcTicks);

    /// <summary>Reads the clock now (a snapshot does, so its own time and the latest records agree).</summary>
    /// <returns>The reading.</returns>
    public DateTimeOffset Refresh()
    {
        var now = _time.GetUtcNow();
        Volatile.Write(ref _utcTicks, Math.Max(now.UtcTicks, Volatile.Read(ref _utcTicks)));
        return now;
    }

    public void Dispose() => _ticker.Timer?.Dispose();

    /// <summary>The timer's state: the source, weakly.</summary>
    private sealed class Ticker(DecisionTimeSource source)
    {
        private readonly WeakReference<DecisionTimeSource> _source = new(source);

        public ITimer? Timer { get; set; }

        public void Tick()
        {
            if (!_source.TryGetTarget(out var source))
            {
                Timer?.Dispose();
                return;
            }

            try
            {
                source.Refresh();
            }
            catch (Exception)
            {
                // A clock that throws keeps the last reading; a timer callback must never take the process down.
            }
        }
    }
}
