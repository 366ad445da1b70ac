namespace OiTracker.Tape;

/// <summary>Why the model exited a position.</summary>
internal enum ExitReason
{
    /// <summary>Not an exit row.</summary>
    None = 0,

    /// <summary>The profit target was reached.</summary>
    Target = 1,

    /// <summary>The stop loss was hit.</summary>
    Stop = 2,

    /// <summary>The holding time ran out, or the session's square-off.</summary>
    Time = 3,
}
