using System;
using RiskSdk.Monitoring;

namespace RiskSdk.AspNetCore;

/// <summary>What <c>MapRiskSdk</c> maps and over which context.</summary>
public sealed class RiskEndpointOptions
{
    /// <summary>
    /// The context to show and control; null resolves it from the app's services at the first request (not while mapping, so an account is created when the host runs): the <see cref="RiskContext"/>
    /// registered by <c>AddRiskSdk</c> (RiskSdk.Hosting), or, with <see cref="Account"/>, that account's keyed one.
    /// </summary>
    public RiskContext? Context { get; set; }

    /// <summary>The RiskSdk.Hosting account whose context to resolve (a keyed <see cref="RiskContext"/>); null for the default account.</summary>
    public string? Account { get; set; }

    /// <summary>
    /// The authorization policy a caller must satisfy to halt, reduce-only or resume. The control endpoints are mapped
    /// only when this is set, or when <see cref="AllowLoopbackControlWithoutAuthorization"/> is true.
    /// </summary>
    public string? ControlPolicy { get; set; }

    /// <summary>
    /// Development only: maps the control endpoints without authorization, answering only callers on this machine
    /// (a loopback address, not forwarded by a proxy, addressed to localhost or a loopback address and, when the
    /// request carries an <c>Origin</c>, sent from such a page, so a site re-pointed at 127.0.0.1 cannot use it);
    /// every other caller gets 403. Ignored when
    /// <see cref="ControlPolicy"/> is set.
    /// </summary>
    public bool AllowLoopbackControlWithoutAuthorization { get; set; }

    /// <summary>How many of the latest decisions each status includes; default 20, at most <see cref="RiskMonitor.MaxRecentDecisions"/>.</summary>
    public int RecentDecisions { get; set; } = 20;

    /// <summary>How often the status stream looks for a change; default <see cref="RiskMonitor.ClockResolution"/>.</summary>
    public TimeSpan StreamCheckInterval { get; set; } = RiskMonitor.ClockResolution;

    /// <summary>True when the control endpoints are mapped.</summary>
    internal bool ControlMapped => ControlPolicy is not null || AllowLoopbackControlWithoutAuthorization;
}
