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
/// optionally, a listener on every instrument of the context's meter. Each watch has its own meter factory
/// (<see cref="MeterFactory"/>; create the watched context with it), so no other rig's instruments are listened to.
/// </summary>
public sealed class OperatorWatch : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly MeterListener _listener = new();
    private Task _stream = Task.CompletedTask;
    private long _measurements;
    private long _snapshots;

    /// <summary>Creates a watch; <see cref="Start"/> it once the context exists.</summary>
    /// <param name="listen">True to listen to every instrument too.</param>
    public OperatorWatch(bool listen) => Listens = listen;

    /// <summary>True when the watch listens to the meter as well as streaming.</summary>
    public bool Listens { get; }

    /// <summary>Starts watching <paramref name="context"/> (created with <see cref="MeterFactory"/>); returns once the stream gave its first snapshot.</summary>
    /// <param name="context">The context.</param>
    public void Start(RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, MeterFactory))
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

    /// <summary>The factory the watched context's meter comes from.</summary>
    public IMeterFactory MeterFactory { get; } = new OwnMeterFactory();

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
        MeterFactory.Dispose();
    }

    /// <summary>One meter per name, scoped to this factory, as the DI container's factory does.</summary>
    private sealed class OwnMeterFactory : IMeterFactory
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Meter> _meters = new();

        public Meter Create(MeterOptions options) =>
            _meters.GetOrAdd(options.Name + "/" + options.Version, _ => new Meter(new MeterOptions(options.Name) { Version = options.Version, Scope = this }));

        public void Dispose()
        {
            foreach (var meter in _meters.Values)
            {
                meter.Dispose();
            }
        }
    }
}
