using System;
using Microsoft.Extensions.Logging;

namespace RiskSdk.Hosting;

/// <summary>What <see cref="RiskHostingOptions.SharedLedger"/> is given to open an account's shared ledger.</summary>
/// <param name="Services">The container.</param>
/// <param name="Account">The account's name; empty for the default account.</param>
/// <param name="ConnectionString">The connection string (<c>RISK_LEDGER_CONNECTION</c> or the one given in code); never blank.</param>
/// <param name="Settings">The account's gate settings (the reservation timeout among them).</param>
/// <param name="Time">The host's clock.</param>
/// <param name="Loggers">The host's logger factory.</param>
public sealed record LedgerRequest(IServiceProvider Services, string Account, string ConnectionString, RiskSettings Settings, TimeProvider Time, ILoggerFactory Loggers);
