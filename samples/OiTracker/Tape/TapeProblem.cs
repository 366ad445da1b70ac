namespace OiTracker.Tape;

/// <summary>A tape row that could not be read, and why. The row is skipped; the replay goes on.</summary>
/// <param name="Line">The line number in the file, 1-based.</param>
/// <param name="Message">What was wrong, naming the column and the value.</param>
internal sealed record TapeProblem(int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"line {Line}: {Message}";
}
