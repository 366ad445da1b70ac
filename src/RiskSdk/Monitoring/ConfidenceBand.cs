namespace RiskSdk.Monitoring;

/// <summary>Which open-position cap a signal's confidence selects.</summary>
public enum ConfidenceBand
{
    /// <summary>Below <see cref="RiskSettings.HighConfidenceThreshold"/>: the normal cap applies.</summary>
    Normal = 0,

    /// <summary>At or above <see cref="RiskSettings.HighConfidenceThreshold"/>: the high-confidence cap applies.</summary>
    High = 1,
}
