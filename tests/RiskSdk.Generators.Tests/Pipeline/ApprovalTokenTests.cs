using System;
using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>The token an approved decision of a generated pipeline turns into: single use, tied to its reservation, not forgeable.</summary>
public sealed class ApprovalTokenTests : IDisposable
{
    private readonly RiskContext _context = new(new RiskSettings(), timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 45, 0, TimeSpan.Zero)));

    private static TradeIntent Signal(double confidence) =>
        new() { Exchange = "NSE", Confidence = confidence, KellyFraction = 0.2, Lots = 2, Delta = 0.5 };

    [Fact]
    public void An_approval_becomes_a_single_use_token_tied_to_its_reservation()
    {
        var decision = new DefaultOrderPipeline(_context).Evaluate(Signal(0.8));
        var token = decision.ToApprovalToken();

        Assert.Equal("NSE", token.Exchange);
        Assert.Equal(decision.Reservation, token.Reservation);
        Assert.False(token.IsSpent);
        token.Spend();
        Assert.True(token.IsSpent);
        Assert.Throws<InvalidOperationException>(token.Spend);
        Assert.True(token.Commit("P1"));
        Assert.Equal(1, _context.Book.GetCounts("NSE").Open);
    }

    [Fact]
    public void A_rejection_cannot_become_a_token()
    {
        var decision = new DefaultOrderPipeline(_context).Evaluate(Signal(0.3));

        var error = Assert.Throws<InvalidOperationException>(() => decision.ToApprovalToken());
        Assert.Contains("MinConfidence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_cannot_be_forged()
    {
        Assert.Empty(typeof(ApprovalToken).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.True(typeof(ApprovalToken).IsSealed);
        Assert.False(typeof(ApprovalToken).IsValueType);
        Assert.Null(default(ApprovalToken));
        Assert.False(default(RiskDecision).IsApproved);
        Assert.Throws<InvalidOperationException>(() => default(RiskDecision).ToApprovalToken());
    }

    public void Dispose() => _context.Dispose();
}
