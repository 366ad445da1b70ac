using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace RiskSdk.Benchmarks.Scopes;

/// <summary>
/// The first wave's copy-on-write scope table alone (no book around it): adding <see cref="Scopes"/> scopes to a new
/// table, the whole operation. A lower bound on what the first wave's book paid to create them. 100,000 scopes is not
/// run: the copies alone would allocate about 100,000^2 x 16 bytes.
/// </summary>
[MemoryDiagnoser]
public class FirstWaveScopeBenchmarks
{
    private string[] _names = null!;

    /// <summary>How many scopes.</summary>
    [Params(1, 1_000)]
    public int Scopes { get; set; }

    /// <summary>Makes the scope names.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _names = new string[Scopes];
        for (var i = 0; i < Scopes; i++)
        {
            _names[i] = string.Create(CultureInfo.InvariantCulture, $"EX{i}");
        }
    }

    /// <summary>Adds every scope to a new first-wave table.</summary>
    /// <returns>How many scopes it holds.</returns>
    [Benchmark(Description = "First-wave copy-on-write table, add all scopes")]
    public int CreateAll()
    {
        var table = new CopyOnWriteScopeTable<object>();
        foreach (var name in _names)
        {
            table.GetOrAdd(name, static _ => new object());
        }

        return table.Count;
    }
}
