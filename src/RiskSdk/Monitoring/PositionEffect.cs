namespace RiskSdk.Monitoring;

/// <summary>Whether an order opens exposure or only reduces it.</summary>
public enum PositionEffect
{
    /// <summary>An entry: it would open a position and counts against the caps.</summary>
    Entry = 0,

    /// <summary>An exit (<see cref="TradeIntent.ReducesExposure"/>): it takes no slot and passes the kill switch.</summary>
    Exit = 1,
}
