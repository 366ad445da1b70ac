using System;
using System.Threading;

namespace RiskSdk.Monitoring;

/// <summary>
/// The wall time stamped on decision records: the context clock's <see cref="TimeProvider.GetUtcNow"/>, read by a
/// timer every <see cref="RiskMonitor.ClockResolution"/> rather than by each decision, so recording a decision
/// reads no clock (a refusal by a pure gate still reads none) and the decision's own reading stays its only one.
/// </summary>
internal sealed class DecisionTimeSource : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private long _utcTicks;

    public DecisionTimeSource(TimeProvider time, TimeSpan resolution)
    {
        _time = time;
        _utcTicks = time.GetUtcNow().UtcTicks;
        _timer = time.CreateTimer(static state => ((DecisionTimeSource)state!).Tick(), this, resolution, resolution);
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

    public void Dispose() => _timer.Dispose();

    private void Tick()
    {
        try
        {
            Refresh();
        }
        catch (Exception)
        {
            // A clock that throws keeps the last reading; a timer callback must never take the process down.
        }
    }
}
