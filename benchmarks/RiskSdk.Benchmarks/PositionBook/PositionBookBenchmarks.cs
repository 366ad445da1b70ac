using System;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RiskSdk.Positions;

namespace RiskSdk.Benchmarks.PositionBook;

/// <summary>
/// <see cref="InMemoryPositionBook"/> on one thread (the baseline) and on two threads at once, both on one scope
/// (they share its lock) and on separate scopes. Each invocation runs <see cref="Cycles"/> cycles in total, split
/// evenly between the threads, so the figures are wall-clock time per cycle: two threads that never wait on each
/// other would halve it. Two cycles: reserve then release (an order that did not fill), and reserve, commit, close
/// (a position's whole life). The cap is never reached.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class PositionBookBenchmarks : IDisposable
{
    /// <summary>The book under test (for checks after a run).</summary>
    public InMemoryPositionBook Book => _book;

    /// <summary>Cycles per invocation, over all threads.</summary>
    public const int Cycles = 40_000;

    private const string ReserveRelease = "Reserve + Release";
    private const string ReserveCommitClose = "Reserve + Commit + Close";
    private const int Half = Cycles / 2;

    private InMemoryPositionBook _book = null!;
    private SecondThread _second = null!;
    private string[] _idsA = null!;
    private string[] _idsB = null!;
    private Action _releaseNseAllA = null!;
    private Action _releaseNseHalfA = null!;
    private Action _releaseNseHalfB = null!;
    private Action _releaseBseHalfB = null!;
    private Action _commitNseAllA = null!;
    private Action _commitNseHalfA = null!;
    private Action _commitNseHalfB = null!;
    private Action _commitBseHalfB = null!;

    /// <summary>Creates the book, the second thread, the position ids and the loops (so an invocation allocates nothing of its own).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _book = new InMemoryPositionBook(TimeSpan.FromMinutes(5));
        _second = new SecondThread();
        _idsA = MakeIds("A", Cycles);
        _idsB = MakeIds("B", Cycles);
        _releaseNseAllA = () => ReserveReleaseLoop("NSE", Cycles);
        _releaseNseHalfA = () => ReserveReleaseLoop("NSE", Half);
        _releaseNseHalfB = () => ReserveReleaseLoop("NSE", Half);
        _releaseBseHalfB = () => ReserveReleaseLoop("BSE", Half);
        _commitNseAllA = () => ReserveCommitCloseLoop("NSE", _idsA, Cycles);
        _commitNseHalfA = () => ReserveCommitCloseLoop("NSE", _idsA, Half);
        _commitNseHalfB = () => ReserveCommitCloseLoop("NSE", _idsB, Half);
        _commitBseHalfB = () => ReserveCommitCloseLoop("BSE", _idsB, Half);
        _commitNseAllA();
        _releaseNseAllA();
        var counts = _book.GetTotalCounts();
        if (counts.Total != 0 || _book.IgnoredOperations != 0)
        {
            throw new InvalidOperationException($"The loops leave {counts.Open} open and {counts.Pending} pending positions, and {_book.IgnoredOperations} ignored operations.");
        }
    }

    /// <summary>Stops the second thread.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _second?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>One thread, one scope.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Cycles, Description = "1 thread"), BenchmarkCategory(ReserveRelease)]
    public void ReserveReleaseOneThread() => _releaseNseAllA();

    /// <summary>Two threads on one scope.</summary>
    [Benchmark(OperationsPerInvoke = Cycles, Description = "2 threads, one scope"), BenchmarkCategory(ReserveRelease)]
    public void ReserveReleaseTwoThreadsOneScope() => _second.RunBoth(_releaseNseHalfA, _releaseNseHalfB);

    /// <summary>Two threads on separate scopes.</summary>
    [Benchmark(OperationsPerInvoke = Cycles, Description = "2 threads, separate scopes"), BenchmarkCategory(ReserveRelease)]
    public void ReserveReleaseTwoThreadsSeparateScopes() => _second.RunBoth(_releaseNseHalfA, _releaseBseHalfB);

    /// <summary>One thread, one scope.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Cycles, Description = "1 thread"), BenchmarkCategory(ReserveCommitClose)]
    public void ReserveCommitCloseOneThread() => _commitNseAllA();

    /// <summary>Two threads on one scope.</summary>
    [Benchmark(OperationsPerInvoke = Cycles, Description = "2 threads, one scope"), BenchmarkCategory(ReserveCommitClose)]
    public void ReserveCommitCloseTwoThreadsOneScope() => _second.RunBoth(_commitNseHalfA, _commitNseHalfB);

    /// <summary>Two threads on separate scopes.</summary>
    [Benchmark(OperationsPerInvoke = Cycles, Description = "2 threads, separate scopes"), BenchmarkCategory(ReserveCommitClose)]
    public void ReserveCommitCloseTwoThreadsSeparateScopes() => _second.RunBoth(_commitNseHalfA, _commitBseHalfB);

    private static string[] MakeIds(string thread, int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = string.Create(CultureInfo.InvariantCulture, $"{thread}-{i}");
        }

        return ids;
    }

    private void ReserveReleaseLoop(string scope, int cycles)
    {
        for (var i = 0; i < cycles; i++)
        {
            var outcome = _book.TryReserve(scope, int.MaxValue);
            _book.Release(outcome.Reservation);
        }
    }

    private void ReserveCommitCloseLoop(string scope, string[] ids, int cycles)
    {
        for (var i = 0; i < cycles; i++)
        {
            var outcome = _book.TryReserve(scope, int.MaxValue);
            _book.Commit(outcome.Reservation, ids[i]);
            _book.Close(scope, ids[i]);
        }
    }
}
