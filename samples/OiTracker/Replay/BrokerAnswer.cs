namespace OiTracker.Replay;

/// <summary>How the paper broker answers an entry order.</summary>
internal enum BrokerAnswer
{
    /// <summary>The order filled; the position is open.</summary>
    Filled = 0,

    /// <summary>The broker refused the order (margin, price band); the reservation must be released.</summary>
    Rejected = 1,

    /// <summary>The acknowledgement never came; the reservation is neither committed nor released and must expire.</summary>
    NoAnswer = 2,
}
