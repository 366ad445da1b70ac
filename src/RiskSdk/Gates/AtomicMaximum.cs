using System.Threading;

namespace RiskSdk.Gates;

/// <summary>Raises a shared value to a new maximum atomically: racing writers leave the largest, and it never moves back.</summary>
internal static class AtomicMaximum
{
    /// <summary>Sets <paramref name="target"/> to <paramref name="value"/> unless it already holds as much or more.</summary>
    /// <param name="target">The shared value.</param>
    /// <param name="value">The candidate.</param>
    public static void Raise(ref long target, long value)
    {
        var seen = Volatile.Read(ref target);
        while (seen < value && Interlocked.CompareExchange(ref target, value, seen) is var actual && actual != seen)
        {
            seen = actual;
        }
    }
}
