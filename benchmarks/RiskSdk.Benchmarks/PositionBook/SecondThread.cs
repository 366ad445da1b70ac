using System;
using System.Threading;

namespace RiskSdk.Benchmarks.PositionBook;

/// <summary>
/// A dedicated thread that runs one piece of work each time it is asked, so a benchmark can run the same loop on two
/// threads at once without starting a thread (or allocating) per invocation.
/// </summary>
public sealed class SecondThread : IDisposable
{
    private readonly Thread _thread;
    private readonly SemaphoreSlim _start = new(0);
    private readonly SemaphoreSlim _done = new(0);
    private Action? _work;
    private volatile bool _stopping;

    /// <summary>Starts the thread; it waits for work.</summary>
    public SecondThread()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "RiskSdk.Benchmarks second thread" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="theirs"/> on the second thread and <paramref name="mine"/> on this one, and returns when both are done.</summary>
    /// <param name="mine">The calling thread's share.</param>
    /// <param name="theirs">The second thread's share.</param>
    public void RunBoth(Action mine, Action theirs)
    {
        ArgumentNullException.ThrowIfNull(mine);
        _work = theirs ?? throw new ArgumentNullException(nameof(theirs));
        _start.Release();
        mine();
        _done.Wait();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping = true;
        _start.Release();
        _thread.Join();
        _start.Dispose();
        _done.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            _start.Wait();
            if (_stopping)
            {
                return;
            }

            _work!();
            _done.Release();
        }
    }
}
