using System;
using System.Collections;
using System.Collections.Generic;

namespace RiskSdk.Positions;

/// <summary>
/// A snapshot of names read from a position book (the scopes it knows, or one scope's open position ids), and
/// whether the book could be read at all. A read that could not reach its ledger is empty and says
/// <see cref="Unavailable"/>: an empty list never stands for "could not tell".
/// </summary>
public sealed class BookNameCollection : IReadOnlyCollection<string>
{
    private readonly string[] _items;

    /// <summary>Creates a listing of what a book read.</summary>
    /// <param name="items">The names, copied.</param>
    public BookNameCollection(IEnumerable<string> items)
        : this(new List<string>(items ?? throw new ArgumentNullException(nameof(items))).ToArray(), unavailable: false)
    {
    }

    private BookNameCollection(string[] items, bool unavailable)
    {
        _items = items;
        Unavailable = unavailable;
    }

    /// <summary>An empty listing from a book that answered.</summary>
    public static BookNameCollection Empty { get; } = new(Array.Empty<string>(), unavailable: false);

    /// <summary>The listing of a read that could not reach the ledger: empty, and <see cref="Unavailable"/>.</summary>
    public static BookNameCollection NotRead { get; } = new(Array.Empty<string>(), unavailable: true);

    /// <summary>True when the book could not be read; the listing is then empty and must not be taken as "none".</summary>
    public bool Unavailable { get; }

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_items).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => Unavailable ? "(unavailable)" : string.Join(", ", _items);
}
