using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>The in-memory book's held reservations: all of them are this process's.</summary>
public sealed class HeldReservationsTests
{
    [Fact]
    public void Releasing_held_reservations_frees_their_slots_keeps_open_positions_and_ignores_late_fills()
    {
        var book = new InMemoryPositionBook();
        var filled = book.TryReserve("NSE", 5).Reservation;
        Assert.True(filled.Commit("P1"));
        var inFlight = book.TryReserve("NSE", 5).Reservation;
        book.TryReserve("BSE", 5);

        Assert.Equal(2, book.CountHeld());
        Assert.Equal(2, book.ReleaseHeld());

        Assert.Equal(0, book.CountHeld());
        Assert.Equal(new ScopeCounts(1, 0), book.GetCounts("NSE"));
        Assert.Equal(new ScopeCounts(0, 0), book.GetCounts("BSE"));
        Assert.False(inFlight.Commit("P2"));
        Assert.True(book.IsFlushed);
    }
}
