using System;

namespace OiTracker.Replay;

/// <summary>
/// A tiny seeded random generator (SplitMix64) whose sequence is fixed by its algorithm, not by the .NET version, so
/// a seed gives the same tape and the same broker behaviour everywhere, for ever.
/// </summary>
internal sealed class SplitMix64
{
    private ulong _state;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">The seed.</param>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>A generator seeded from a seed and a text (e.g. an order id): the same pair always gives the same draws.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="text">The text mixed in.</param>
    /// <returns>The generator.</returns>
    public static SplitMix64 For(ulong seed, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return new SplitMix64(hash);
    }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>The bits.</returns>
    public ulong NextBits()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform number in [0, 1).</summary>
    /// <returns>The number.</returns>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform number in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="low">The lowest value.</param>
    /// <param name="high">The bound, excluded.</param>
    /// <returns>The number.</returns>
    public double Between(double low, double high) => low + (NextDouble() * (high - low));

    /// <summary>A uniform whole number in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    /// <param name="low">The lowest value.</param>
    /// <param name="high">The highest value, included.</param>
    /// <returns>The number.</returns>
    public int Inclusive(int low, int high) => low + (int)(NextBits() % (ulong)(high - low + 1));

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    /// <param name="probability">From 0 to 1.</param>
    /// <returns>The draw.</returns>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A normally distributed number (Box-Muller).</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="deviation">The standard deviation.</param>
    /// <returns>The number.</returns>
    public double Normal(double mean, double deviation)
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return mean + (deviation * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v));
    }
}
