using System.Collections.Generic;

namespace RiskSdk.Configuration;

/// <summary>
/// What a generated <c>[AutoExecSettings]</c> class offers a host that does not know the class: binding, the gate
/// settings it describes and where open positions are counted. The configuration generator implements it; a host
/// (<c>RiskSdk.Hosting</c>'s <c>AddRiskSdk&lt;TSettings&gt;()</c>) binds any such class through it.
/// </summary>
/// <typeparam name="TSelf">The generated settings class.</typeparam>
public interface IAutoExecSettings<TSelf>
    where TSelf : class, IAutoExecSettings<TSelf>
{
    /// <summary>
    /// Binds a new instance from <paramref name="variables"/>, exactly as the generated static <c>Bind</c> does; the
    /// instance it is called on is not read (any instance, such as <c>new TSelf()</c>, reaches the generated code).
    /// </summary>
    /// <param name="variables">Where the variables are read from.</param>
    /// <returns>The settings, or every problem found.</returns>
    ConfigurationResult<TSelf> BindVariables(IVariableLookup variables);

    /// <summary>Every variable the class reads, in binding order.</summary>
    IReadOnlyList<VariableDescription> DescribedVariables { get; }

    /// <summary>The prefix every variable of the class starts with, for example <c>OI_TRACKER_</c>.</summary>
    string Prefix { get; }

    /// <summary>The value in force and the source of every variable; empty unless the instance was bound.</summary>
    IReadOnlyList<BoundVariable> BoundVariables { get; }

    /// <summary>Where open positions are counted (<c>RISK_LEDGER</c>).</summary>
    RiskLedgerKind Ledger { get; }

    /// <summary>The Redis connection string of the shared ledger (<c>RISK_LEDGER_CONNECTION</c>, a secret); null when unset.</summary>
    string? LedgerConnection { get; }

    /// <summary>The gate settings these variables describe.</summary>
    /// <returns>The gate settings.</returns>
    RiskSettings ToRiskSettings();
}
