using System;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RiskSdk.Benchmarks.Decision;
using RiskSdk.Positions;

namespace RiskSdk.Benchmarks.Scopes;

/// <summary>
/// Many exchange scopes: creating them (a new <see cref="InMemoryPositionBook"/>, one reservation taken and released
/// in each of <see cref="Scopes"/> scopes: the whole operation, not per scope), and one approved decision of the
/// generated nine-gate pipeline (released in the benchmark) on one exchange while the book, the cooldown clock and
/// the order-rate limiter each hold <see cref="Scopes"/> exchanges.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ScopeBenchmarks : IDisposable
{
    private const string Create = "Create all scopes (book, reserve + release each)";
    private const string Decide = "Decision on one exchange of many (approved)";

    private string[] _names = null!;
    private DecisionRig _rig = null!;
    private TradeIntent _intent;

    /// <summary>How many scopes.</summary>
    [Params(1, 1_000, 100_000)]
    public int Scopes { get; set; }

    /// <summary>Makes the scope names, and a rig whose every table holds every exchange (one approved, released decision on each).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _names = new string[Scopes];
        for (var i = 0; i < Scopes; i++)
        {
            _names[i] = string.Create(CultureInfo.InvariantCulture, $"EX{i}");
        }

        _rig = new DecisionRig();
        foreach (var name in _names)
        {
            var decision = _rig.Generated.Evaluate(DecisionSetup.Passing with { Exchange = name });
            if (!decision.IsApproved || !decision.Reservation.Release())
            {
                throw new InvalidOperationException("A new exchange was refused: " + decision.Message);
            }
        }

        _intent = DecisionSetup.Passing with { Exchange = _names[Scopes / 2] };
        if (_rig.Context.Book.Scopes.Count != Scopes || !DecideOnOne() || CreateAll() != Scopes)
        {
            throw new InvalidOperationException("The setup does not hold the scopes it should.");
        }
    }

    /// <summary>Disposes the rig.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _rig?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A new book; one reservation taken and released in each scope.</summary>
    /// <returns>How many scopes the book holds.</returns>
    [Benchmark(Description = "InMemoryPositionBook"), BenchmarkCategory(Create)]
    public int CreateAll()
    {
        var book = new InMemoryPositionBook();
        foreach (var name in _names)
        {
            book.TryReserve(name, cap: 2).Reservation.Release();
        }

        return book.Scopes.Count;
    }

    /// <summary>One approved decision on one exchange among all, released.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Generated pipeline ([GatePipeline])"), BenchmarkCategory(Decide)]
    public bool DecideOnOne()
    {
        var decision = _rig.Generated.Evaluate(in _intent);
        decision.Reservation.Release();
        return decision.IsApproved;
    }
}
