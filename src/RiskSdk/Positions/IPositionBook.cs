using System.Collections.Generic;
using RiskSdk.Gates;

namespace RiskSdk.Positions;

/// <summary>
/// The one source of truth for open positions, scoped per exchange. The in-process implementation is
/// <see cref="InMemoryPositionBook"/>; a shared ledger (for example on Redis) implements the same contract so
/// several processes can share one set of caps.
/// </summary>
/// <remarks>
/// <para>
/// Every member is thread-safe. Scopes follow the <see cref="ExchangeName"/> rule: <c>"nse"</c> and <c>" NSE"</c>
/// are the scope <c>NSE</c>, and the book reports scopes by their canonical names. A scope name the rule refuses,
/// or a null or blank position id, is an <see cref="System.ArgumentException"/> thrown before anything changes;
/// reads given such a name answer as for a scope never seen.
/// </para>
/// <para>
/// Fills and closes are idempotent: a duplicate or unknown one is a counted, logged no-op, never an exception.
/// Implementations never throw for an unreachable backing store: writes answer <see cref="ReserveStatus.Unavailable"/>
/// and reads say <c>Unavailable</c> (<see cref="ScopeCounts.Unavailable"/>, <see cref="BookNameCollection.Unavailable"/>,
/// <see cref="PositionPresence.Unavailable"/>) rather than zero (fail closed). Reservation handles are minted by
/// the book's own <see cref="ReservationIssuer"/>; a handle from any other issuer is ignored.
/// </para>
/// </remarks>
public interface IPositionBook
{
    /// <summary>
    /// Checks the cap and takes a slot in one atomic step: when open plus pending positions in
    /// <paramref name="scope"/> are below <paramref name="cap"/>, a pending reservation is added. Two callers
    /// that see one free slot never both succeed.
    /// </summary>
    /// <param name="scope">The scope, usually the exchange.</param>
    /// <param name="cap">The most open plus pending positions allowed in the scope for this attempt.</param>
    /// <returns>The reservation, or why none was taken, with the counts seen.</returns>
    [PositionLimitCheck]
    ReserveOutcome TryReserve(string scope, int cap) => TryReserve(scope, cap, int.MaxValue);

    /// <summary>
    /// Checks both caps and takes a slot in one atomic step: when open plus pending positions are below
    /// <paramref name="cap"/> in <paramref name="scope"/> and below <paramref name="totalCap"/> across every scope,
    /// a pending reservation is added. Two callers that see one free slot, in one scope or across the account,
    /// never both succeed.
    /// </summary>
    /// <param name="scope">The scope, usually the exchange.</param>
    /// <param name="cap">The most open plus pending positions allowed in the scope for this attempt.</param>
    /// <param name="totalCap">The most open plus pending positions allowed across every scope; <see cref="int.MaxValue"/> for none.</param>
    /// <returns>The reservation, or why none was taken (<see cref="ReserveStatus.AtTotalCapacity"/> for the account-wide cap), with the counts seen.</returns>
    [PositionLimitCheck]
    ReserveOutcome TryReserve(string scope, int cap, int totalCap);

    /// <summary>
    /// <see cref="TryReserve(string, int, int)"/> within a decision: a book that keeps time on the decision's clock takes
    /// its reading (read once per decision, shared with the gates) for the reservation's expiry. A book that keeps its
    /// own time (a shared ledger on its server's clock) ignores it; that is what this default does.
    /// </summary>
    /// <param name="scope">The scope, usually the exchange.</param>
    /// <param name="cap">The most open plus pending positions allowed in the scope for this attempt.</param>
    /// <param name="totalCap">The most open plus pending positions allowed across every scope; <see cref="int.MaxValue"/> for none.</param>
    /// <param name="clock">The decision's clock.</param>
    /// <returns>The reservation, or why none was taken, with the counts seen.</returns>
    [PositionLimitCheck]
    ReserveOutcome TryReserve(string scope, int cap, int totalCap, ref DecisionClock clock) => TryReserve(scope, cap, totalCap);

    /// <summary>Turns a pending reservation into the open position <paramref name="positionId"/>.</summary>
    /// <param name="reservation">The reservation.</param>
    /// <param name="positionId">The broker's id of the position.</param>
    /// <returns>True when a position was recorded; false for a duplicate (the reservation already ended, or the id is already open) or a handle this book did not issue.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="positionId"/> is null or blank.</exception>
    bool Commit(in Reservation reservation, string positionId);

    /// <summary>Gives a pending reservation's slot back.</summary>
    /// <param name="reservation">The reservation.</param>
    /// <returns>True when the slot was given back; false when the reservation had already ended or this book did not issue it.</returns>
    bool Release(in Reservation reservation);

    /// <summary>Closes an open position, freeing its slot.</summary>
    /// <param name="scope">The scope of the position.</param>
    /// <param name="positionId">The position's id.</param>
    /// <returns>True when the position was open; false for an unknown or already closed id.</returns>
    /// <exception cref="System.ArgumentException">The scope is not a valid name, or <paramref name="positionId"/> is null or blank.</exception>
    bool Close(string scope, string positionId);

    /// <summary>
    /// Marks where <paramref name="scope"/>'s history stands, to be taken <em>before</em> the broker is asked for its open
    /// positions and given to <see cref="Reconcile"/> with the answer: fills and closes recorded after the mark are newer
    /// than the answer can show, and the reconcile keeps them.
    /// </summary>
    /// <param name="scope">The scope.</param>
    /// <returns>The mark; <see cref="ReconcileMark.Unavailable"/> when the book could not be read.</returns>
    /// <exception cref="System.ArgumentException">The scope is not a valid name.</exception>
    ReconcileMark MarkForReconcile(string scope);

    /// <summary>
    /// Makes the book's open positions in the mark's scope agree with those the broker reported after
    /// <paramref name="mark"/> was taken: a reported id not open is added, and an open position not reported is removed,
    /// except what the book recorded after the mark (a position opened after it stays open, one closed after it stays
    /// closed: the broker's answer may predate either). Pending reservations are kept. Atomic with every fill and close.
    /// </summary>
    /// <param name="mark">Taken from this book with <see cref="MarkForReconcile"/> before the broker was asked.</param>
    /// <param name="brokerOpenPositionIds">The ids the broker reports open in that scope.</param>
    /// <returns>What changed; <see cref="ReconcileReport.Unavailable"/> when the book could not be written or the mark is unavailable (nothing changed).</returns>
    /// <exception cref="System.ArgumentException">The mark has no valid scope or is ahead of the scope's history (not taken from this book), or an id is null or blank (nothing is changed).</exception>
    ReconcileReport Reconcile(in ReconcileMark mark, IEnumerable<string> brokerOpenPositionIds);

    /// <summary>Whether the book holds the position <paramref name="positionId"/> open in <paramref name="scope"/>: how an exit is verified.</summary>
    /// <param name="scope">The scope the exit is for.</param>
    /// <param name="positionId">The position the exit says it reduces.</param>
    /// <returns><see cref="PositionPresence.Open"/>, <see cref="PositionPresence.NotOpen"/>, or <see cref="PositionPresence.Unavailable"/> when the book could not be read. Never throws.</returns>
    PositionPresence FindPosition(string scope, string positionId);

    /// <summary>Open and pending counts of one scope, after giving back expired reservations.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>The counts; zero for a scope never seen; <see cref="ScopeCounts.Unavailable"/> when the book could not be read. Never throws.</returns>
    ScopeCounts GetCounts(string scope);

    /// <summary>Open and pending counts summed over every scope.</summary>
    /// <returns>The totals; <see cref="ScopeCounts.Unavailable"/> when the book could not be read. Never throws.</returns>
    ScopeCounts GetTotalCounts();

    /// <summary>The ids of the open positions of one scope.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>A snapshot, in no particular order; <see cref="BookNameCollection.Unavailable"/> when the book could not be read. Never throws.</returns>
    BookNameCollection GetOpenPositions(string scope);

    /// <summary>The ids of the pending reservations (orders in flight) of one scope, for an operator's view.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>A snapshot, in no particular order; null when this book cannot list them (the default).</returns>
    IReadOnlyCollection<long>? GetPendingReservations(string scope) => null;

    /// <summary>Every scope the book has seen, by canonical name; <see cref="BookNameCollection.Unavailable"/> when the book could not be read. Never throws.</summary>
    BookNameCollection Scopes { get; }

    /// <summary>Reservations that were given back because they were neither committed nor released in time.</summary>
    long ExpiredReservations { get; }

    /// <summary>Duplicate or unknown fills, releases and closes that were ignored.</summary>
    long IgnoredOperations { get; }
}
