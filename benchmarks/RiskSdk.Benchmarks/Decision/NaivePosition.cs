namespace RiskSdk.Benchmarks.Decision;

/// <summary>A position the naive risk manager keeps in its dictionary.</summary>
/// <param name="Id">Its id, made from the exchange and a counter.</param>
/// <param name="Exchange">The exchange.</param>
/// <param name="Lots">The lots ordered.</param>
public sealed record NaivePosition(string Id, string Exchange, int Lots);
