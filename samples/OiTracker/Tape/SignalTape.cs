using System.Collections.Generic;

namespace OiTracker.Tape;

/// <summary>A tape as read: its events in time order and the rows that were skipped.</summary>
/// <param name="Name">Where it came from (a file name), for the report.</param>
/// <param name="Events">The readable rows, in file order (which is time order).</param>
/// <param name="Problems">The rows skipped, with their line numbers.</param>
internal sealed record SignalTape(string Name, IReadOnlyList<TapeEvent> Events, IReadOnlyList<TapeProblem> Problems);
