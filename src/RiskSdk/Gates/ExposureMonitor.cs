using System.Threading;

namespace RiskSdk.Gates;

/// <summary>
/// The portfolio figures the net-delta and drawdown gates read: current net delta and the session's P&amp;L,
/// reported by the app from its portfolio. The drawdown stop latches until <see cref="ResetSession"/>.
/// </summary>
public sealed class ExposureMonitor
{
    private double _netDelta;
    private double _sessionPnl;
    private int _drawdownLatched;

    /// <summary>The portfolio's current signed net delta.</summary>
    public double NetDelta => Volatile.Read(ref _netDelta);

    /// <summary>The session's realised plus unrealised P&amp;L (negative for a loss).</summary>
    public double SessionPnl => Volatile.Read(ref _sessionPnl);

    /// <summary>True once the drawdown stop was hit in this session.</summary>
    public bool DrawdownLatched => Volatile.Read(ref _drawdownLatched) != 0;

    /// <summary>Sets the portfolio's current net delta.</summary>
    /// <param name="netDelta">The signed net delta.</param>
    public void ReportNetDelta(double netDelta) => Volatile.Write(ref _netDelta, netDelta);

    /// <summary>Sets the session's P&amp;L.</summary>
    /// <param name="sessionPnl">Realised plus unrealised P&amp;L; negative for a loss.</param>
    public void ReportSessionPnl(double sessionPnl) => Volatile.Write(ref _sessionPnl, sessionPnl);

    /// <summary>Latches the drawdown stop (called by the drawdown gate when the stop is hit).</summary>
    public void LatchDrawdown() => Volatile.Write(ref _drawdownLatched, 1);

    /// <summary>Starts a new session: P&amp;L back to zero and the drawdown stop released.</summary>
    public void ResetSession()
    {
        Volatile.Write(ref _sessionPnl, 0);
        Volatile.Write(ref _drawdownLatched, 0);
    }
}
