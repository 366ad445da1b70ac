using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace RiskSdk.Positions;

/// <summary>
/// The rule every position book applies to the position id of a fill, a close or a broker's list: null, empty and
/// blank ids are refused with an <see cref="ArgumentException"/> before anything changes (a null id once became an open
/// position that could never be closed). Books of your own call <see cref="Require"/> so they refuse the same way.
/// </summary>
public static class PositionId
{
    /// <summary>Refuses a missing position id.</summary>
    /// <param name="positionId">The id given to the book.</param>
    /// <param name="parameterName">The parameter it came in (for a broker's list, the list's); by default the argument's expression.</param>
    /// <returns>The id, unchanged.</returns>
    /// <exception cref="ArgumentNullException">The id is null.</exception>
    /// <exception cref="ArgumentException">The id is empty or only white space.</exception>
    public static string Require([NotNull] string? positionId, [CallerArgumentExpression(nameof(positionId))] string? parameterName = null)
    {
        if (positionId is null)
        {
            throw new ArgumentNullException(parameterName, "A position id is required; null was given.");
        }

        if (string.IsNullOrWhiteSpace(positionId))
        {
            throw new ArgumentException("A position id must not be empty or blank.", parameterName);
        }

        return positionId;
    }

    /// <summary>
    /// Refuses a broker's list of open position ids that is null or holds a missing id, before anything changes, and
    /// returns the distinct ids: what every book's <see cref="IPositionBook.Reconcile"/> compares against.
    /// </summary>
    /// <param name="positionIds">The ids the broker reports open.</param>
    /// <param name="parameterName">The list's parameter; by default the argument's expression.</param>
    /// <returns>The distinct ids, compared ordinally.</returns>
    /// <exception cref="ArgumentNullException">The list or an id in it is null.</exception>
    /// <exception cref="ArgumentException">An id is empty or only white space.</exception>
    public static HashSet<string> RequireAll([NotNull] IEnumerable<string>? positionIds, [CallerArgumentExpression(nameof(positionIds))] string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(positionIds, parameterName);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in positionIds)
        {
            distinct.Add(Require(id, parameterName));
        }

        return distinct;
    }
}
