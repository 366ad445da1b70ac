using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>Reads the account-wide total an in-memory book keeps, by what it admits: the total is exact when one more reservation fits under a cap of the total + 1 and none under the total.</summary>
internal static class AccountTotalProbe
{
    /// <summary>Asserts the total the book keeps is <paramref name="held"/>, leaving the book as it was.</summary>
    /// <param name="book">The book.</param>
    /// <param name="held">The open plus pending positions it holds over every scope.</param>
    public static void AssertHeld(InMemoryPositionBook book, int held)
    {
        Assert.Equal(ReserveStatus.AtTotalCapacity, book.TryReserve("PROBE", int.MaxValue, held).Status);
        var probe = book.TryReserve("PROBE", int.MaxValue, held + 1);
        Assert.Equal(ReserveStatus.Reserved, probe.Status);
        Assert.Equal(held, probe.AccountTotal);
        Assert.True(probe.Reservation.Release());
    }
}
