using System;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RiskSdk.Monitoring;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>
/// What an operator attaches to a context, running while a benchmark decides: a status-page stream
/// (<see cref="RiskMonitor.WatchAsync"/>, each snapshot serialised to JSON as the server-sent event endpoint does) and,
/// optionally, a listener on every instrument of the context's meter. The watched context reports through a
/// <see cref="ScopedMeterFactory"/> of its own, so the listener picks out that context's instruments and no other's.
/// </summary>
public sealed class OperatorWatch : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly MeterListener _listener = new();
    private readonly IMeterFactory _meterFactory;
    private Task _stream = Task.CompletedTask;
    private long _measurements;
    private long _snapshots;

    /// <summary>Creates a watch; <see cref="Start"/> it once the context exists.</summary>
    /// <param name="meterFactory">The factory the watched context's meter comes from (its instruments are the ones listened to).</param>
    /// <param name="listen">True to listen to every instrument too.</param>
    public OperatorWatch(IMeterFactory meterFactory, bool listen)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meterFactory = meterFactory;
        Listens = listen;
    }

    /// <summary>True when the watch listens to the meter as well as streaming.</summary>
    public bool Listens { get; }

    /// <summary>Starts watching <paramref name="context"/> (created with the watch's meter factory); returns once the stream gave its first snapshot.</summary>
    /// <param name="context">The context.</param>
    public void Start(RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _listener.SetMeasurementEventCallback<int>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        if (Listens)
        {
            _listener.Start();
        }

        _stream = Task.Run(async () =>
        {
            try
            {
                await foreach (var snapshot in context.Monitor.WatchAsync(cancellationToken: _stop.Token).ConfigureAwait(false))
                {
                    _ = JsonSerializer.SerializeToUtf8Bytes(snapshot, RiskJsonContext.Default.RiskSnapshot);
                    Interlocked.Increment(ref _snapshots);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        // Measure with the stream live: wait for its first snapshot.
        if (!SpinWait.SpinUntil(() => Snapshots > 0, TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException("The status stream produced no snapshot within 30 s.");
        }
    }

    /// <summary>Snapshots the stream produced so far.</summary>
    public long Snapshots => Interlocked.Read(ref _snapshots);

    /// <summary>Measurements the listener received so far.</summary>
    public long Measurements => Interlocked.Read(ref _measurements);

    /// <summary>Stops the stream and the listener.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _stream.Wait(TimeSpan.FromSeconds(5));
        _listener.Dispose();
        _stop.Dispose();
    }
}
