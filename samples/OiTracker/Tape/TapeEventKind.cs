namespace OiTracker.Tape;

/// <summary>What a tape row records.</summary>
internal enum TapeEventKind
{
    /// <summary>The model produced an entry signal; the auto-executor may open a position for it.</summary>
    Signal = 0,

    /// <summary>The model's exit for an earlier signal (target, stop or time); closes that position if it was opened.</summary>
    Exit = 1,

    /// <summary>An operator pulled the kill switch: no new positions until <see cref="Resume"/>; exits still go through.</summary>
    Halt = 2,

    /// <summary>An operator released the kill switch.</summary>
    Resume = 3,
}
