using System;
using System.Diagnostics;
using System.Threading;

namespace OiTracker.Replay;

/// <summary>
/// Replays virtual time at <see cref="Speed"/> times real time (<c>serve</c>: 360, a trading hour in ten seconds).
/// Waits are measured against a real-time schedule, so the many short gaps of a busy minute do not add up to drift.
/// </summary>
internal sealed class ReplayPace
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);
    private readonly CancellationToken _cancellation;
    private readonly Stopwatch _real = Stopwatch.StartNew();
    private TimeSpan _virtual;

    /// <summary>Creates a pace.</summary>
    /// <param name="speed">Virtual seconds per real second; more than 0.</param>
    /// <param name="cancellation">Stops a wait (the replay ends with <see cref="OperationCanceledException"/>).</param>
    public ReplayPace(double speed, CancellationToken cancellation)
    {
        if (!(speed > 0 && double.IsFinite(speed)))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed must be a positive number.");
        }

        Speed = speed;
        _cancellation = cancellation;
    }

    /// <summary>Virtual seconds per real second.</summary>
    public double Speed { get; }

    /// <summary>Waits until <paramref name="gap"/> more virtual time has passed at the pace's speed.</summary>
    /// <param name="gap">The virtual time the clock is about to move by.</param>
    public void Wait(TimeSpan gap)
    {
        _virtual += gap;

        // In seconds as a double: at a very slow speed the real time due passes what a TimeSpan or one WaitOne can hold
        // (WaitOne takes at most int.MaxValue ms), so the wait is taken in bounded steps until it is due or cancelled.
        var due = _virtual.TotalSeconds / Speed;
        for (var ahead = due - _real.Elapsed.TotalSeconds; ahead > 0.001; ahead = due - _real.Elapsed.TotalSeconds)
        {
            if (_cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(Math.Min(ahead, LongestWait.TotalSeconds))))
            {
                break;
            }
        }

        _cancellation.ThrowIfCancellationRequested();
    }
}
