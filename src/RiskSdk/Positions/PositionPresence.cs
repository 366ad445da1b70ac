namespace RiskSdk.Positions;

/// <summary>What <see cref="IPositionBook.FindPosition"/> found: whether an exit names a position the book holds open.</summary>
public enum PositionPresence
{
    /// <summary>The book holds no open position with that id in that scope (never opened, closed, or another scope's).</summary>
    NotOpen = 0,

    /// <summary>The position is open in that scope.</summary>
    Open = 1,

    /// <summary>The book could not be read in time (a remote ledger). Fail closed: the exit is not verified.</summary>
    Unavailable = 2,
}
