using System;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>A context on a fake clock with the default pipeline, and intents that pass every gate unless told otherwise.</summary>
internal sealed class TestRig : IDisposable
{
    public TestRig(RiskSettings? settings = null, IPositionBook? book = null)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 45, 0, TimeSpan.Zero));
        Context = new RiskContext(settings ?? new RiskSettings(), book, Clock);
        Pipeline = RiskPipeline.CreateDefault(Context);
    }

    public FakeTimeProvider Clock { get; }

    public RiskContext Context { get; }

    public RiskPipeline Pipeline { get; }

    public IPositionBook Book => Context.Book;

    public static TradeIntent Signal(string exchange = "NSE", double confidence = 0.80, double kelly = 0.20, int lots = 2, double delta = 0.5, MarketRegime regime = MarketRegime.Normal, string? reduces = null) =>
        new() { Exchange = exchange, Confidence = confidence, KellyFraction = kelly, Lots = lots, Delta = delta, Regime = regime, ReducesPosition = reduces, Side = TradeSide.Buy };

    public RiskDecision Evaluate(in TradeIntent intent) => Pipeline.Evaluate(in intent);

    /// <summary>Evaluates, and on approval fills the order as <paramref name="positionId"/>.</summary>
    public RiskDecision EvaluateAndFill(in TradeIntent intent, string positionId)
    {
        var decision = Pipeline.Evaluate(in intent);
        if (decision.IsApproved)
        {
            Assert.True(decision.Reservation.Commit(positionId));
        }

        return decision;
    }

    /// <summary>Puts an open position in the book directly (as a fill outside the pipeline would), so an exit can name it.</summary>
    public void Open(string positionId, string exchange = "NSE") =>
        Assert.True(Book.TryReserve(exchange, int.MaxValue).Reservation.Commit(positionId));

    public void Advance(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    public void Dispose() => Context.Dispose();
}
