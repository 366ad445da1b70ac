using System;
using System.Collections.Generic;
using RiskSdk;

namespace OiTracker.Replay;

/// <summary>
/// A paper broker: entry orders fill after a small virtual latency, a few are rejected and a very few are never
/// acknowledged. Each order's fate is drawn from the broker seed and the signal id, so the gated and the ungated run
/// see the same broker for the same signal. It is the truth about open positions, which the report measures.
/// </summary>
internal sealed class PaperBroker
{
    /// <summary>The share of entry orders rejected.</summary>
    public const double RejectionRate = 0.04;

    /// <summary>The share of entry orders never acknowledged.</summary>
    public const double NoAnswerRate = 0.01;

    private readonly ulong _seed;
    private readonly Dictionary<string, HashSet<string>> _open = new(StringComparer.Ordinal);

    /// <summary>Creates a broker with no positions.</summary>
    /// <param name="seed">Decides every order's fate and latency.</param>
    public PaperBroker(ulong seed) => _seed = seed;

    /// <summary>
    /// Sends the entry order for <paramref name="signalId"/>: how the broker will answer it, and after how long.
    /// Marked <see cref="OrderPlacementAttribute"/>, so the RISK001 analyzer fails the sample's build where it is
    /// called without a position-limit check guarding the call.
    /// </summary>
    /// <param name="signalId">The signal the order is for.</param>
    /// <returns>The answer and its latency (150 to 900 ms).</returns>
    [OrderPlacement]
    public (BrokerAnswer Answer, TimeSpan Latency) PlaceOrder(string signalId)
    {
        var draw = SplitMix64.For(_seed, signalId);
        var latency = TimeSpan.FromMilliseconds(Math.Round(draw.Between(150, 900)));
        var fate = draw.NextDouble();
        var answer = fate < NoAnswerRate ? BrokerAnswer.NoAnswer : fate < NoAnswerRate + RejectionRate ? BrokerAnswer.Rejected : BrokerAnswer.Filled;
        return (answer, latency);
    }

    /// <summary>The latency of an exit order (exits always fill: they are marketable and reduce margin).</summary>
    /// <param name="signalId">The position's signal.</param>
    /// <returns>150 to 900 ms.</returns>
    public TimeSpan ExitLatency(string signalId) => TimeSpan.FromMilliseconds(Math.Round(SplitMix64.For(_seed ^ 0xE817UL, signalId).Between(150, 900)));

    /// <summary>Records a filled entry.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="positionId">The position's id.</param>
    public void Open(string exchange, string positionId) => Positions(exchange).Add(positionId);

    /// <summary>Records a filled exit.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="positionId">The position's id.</param>
    /// <returns>True when the position was open.</returns>
    public bool Close(string exchange, string positionId) => Positions(exchange).Remove(positionId);

    /// <summary>True when the position is open.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="positionId">The position's id.</param>
    /// <returns>Whether it is open.</returns>
    public bool IsOpen(string exchange, string positionId) => Positions(exchange).Contains(positionId);

    /// <summary>Open positions on an exchange.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>The count.</returns>
    public int OpenCount(string exchange) => Positions(exchange).Count;

    /// <summary>The ids of the open positions on an exchange.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyCollection<string> OpenPositions(string exchange) => new List<string>(Positions(exchange));

    private HashSet<string> Positions(string exchange)
    {
        if (!_open.TryGetValue(exchange, out var positions))
        {
            positions = new HashSet<string>(StringComparer.Ordinal);
            _open.Add(exchange, positions);
        }

        return positions;
    }
}
