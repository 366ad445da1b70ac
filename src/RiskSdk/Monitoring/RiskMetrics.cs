using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace RiskSdk.Monitoring;

/// <summary>
/// The instruments of the <c>RiskSdk</c> meter. Counters are tagged with strings cached per reason, so recording
/// a decision boxes nothing; position gauges are read from the book when a listener collects.
/// </summary>
public sealed class RiskMetrics : IDisposable
{
    /// <summary>The name of the meter every instrument belongs to.</summary>
    public const string MeterName = "RiskSdk";

    private static readonly string[] ReasonNames = Enum.GetNames<RejectionReason>();
    private readonly Meter _meter;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _approvals;

    /// <summary>Creates the instruments for one context.</summary>
    /// <param name="context">The context whose book and settings the gauges read.</param>
    public RiskMetrics(RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _meter = new Meter(MeterName, typeof(RiskMetrics).Assembly.GetName().Version?.ToString());
        _decisions = _meter.CreateCounter<long>("risksdk.decisions", "{decision}", "Pre-trade decisions, by outcome, reason and exchange.");
        _approvals = _meter.CreateCounter<long>("risksdk.approvals", "{decision}", "Approved trades, by exchange and confidence band (high or normal).");
        _meter.CreateObservableGauge("risksdk.positions.open", () => ReadScopes(context, static (c, s) => c.Book.GetCounts(s).Open), "{position}", "Open positions per exchange.");
        _meter.CreateObservableGauge("risksdk.positions.pending", () => ReadScopes(context, static (c, s) => c.Book.GetCounts(s).Pending), "{position}", "Pending reservations (orders in flight) per exchange.");
        _meter.CreateObservableGauge("risksdk.positions.allowed", () => ReadScopes(context, static (c, _) => c.Settings.MaxOpenPositions), "{position}", "The normal-confidence cap per exchange.");
        _meter.CreateObservableCounter("risksdk.reservations.expired", () => context.Book.ExpiredReservations, "{reservation}", "Reservations given back after the timeout.");
    }

    /// <summary>Counts an approval.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="highConfidence">True when the high-confidence cap applied.</param>
    public void RecordApproved(string exchange, bool highConfidence)
    {
        var exchangeTag = new KeyValuePair<string, object?>("exchange", exchange);
        _decisions.Add(1, new KeyValuePair<string, object?>("outcome", "approved"), new KeyValuePair<string, object?>("reason", ReasonNames[0]), exchangeTag);
        _approvals.Add(1, exchangeTag, new KeyValuePair<string, object?>("confidence", highConfidence ? "high" : "normal"));
    }

    /// <summary>Counts a rejection.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="reason">Why.</param>
    public void RecordRejected(string exchange, RejectionReason reason)
    {
        var index = (int)reason;
        var reasonName = index >= 0 && index < ReasonNames.Length ? ReasonNames[index] : "Unknown";
        _decisions.Add(1, new KeyValuePair<string, object?>("outcome", "rejected"), new KeyValuePair<string, object?>("reason", reasonName), new KeyValuePair<string, object?>("exchange", exchange));
    }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<int>> ReadScopes(RiskContext context, Func<RiskContext, string, int> read)
    {
        foreach (var scope in context.Book.Scopes)
        {
            yield return new Measurement<int>(read(context, scope), new KeyValuePair<string, object?>("exchange", scope));
        }
    }
}
