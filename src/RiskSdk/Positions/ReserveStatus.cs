namespace RiskSdk.Positions;

/// <summary>How an attempt to take a position slot ended.</summary>
public enum ReserveStatus
{
    /// <summary>A slot was taken; the outcome carries the reservation.</summary>
    Reserved = 0,

    /// <summary>Open plus pending positions already reached the cap.</summary>
    AtCapacity = 1,

    /// <summary>The book could not be reached or did not answer in time (a remote ledger). Fail closed.</summary>
    Unavailable = 2,

    /// <summary>The scope had room, but open plus pending positions across every scope reached the account-wide cap.</summary>
    AtTotalCapacity = 3,
}
