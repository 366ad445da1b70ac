using System;
using Microsoft.Extensions.Logging;
using RiskSdk.Configuration;
using RiskSdk.Positions;

namespace RiskSdk.Hosting.Accounts;

/// <summary>
/// One account's running state: its context (settings, book, switch, cooldowns) and how the host runs it. A singleton
/// per account name; the host's lifetime, reconciliation and health check read it, and disposing it disposes the
/// context and the book it created.
/// </summary>
internal abstract class RiskAccount : IDisposable
{
    protected RiskAccount(string name, RiskHostingOptions options, RiskContext context, RiskLedgerKind ledger, ILogger logger)
    {
        Name = name;
        Options = options;
        Context = context;
        Ledger = ledger;
        Logger = logger;
    }

    /// <summary>The account's name; empty for the default account.</summary>
    public string Name { get; }

    /// <summary>The name as logs show it.</summary>
    public string DisplayName => Display(Name);

    /// <summary>How the host runs the account.</summary>
    public RiskHostingOptions Options { get; }

    /// <summary>The account's context; every pipeline of the account decides over it.</summary>
    public RiskContext Context { get; }

    /// <summary>Which kind of ledger the book is (a book from <see cref="RiskHostingOptions.LedgerFactory"/> counts as the settings say).</summary>
    public RiskLedgerKind Ledger { get; }

    /// <summary>The host integration's logger.</summary>
    public ILogger Logger { get; }

    /// <summary>The account's position book.</summary>
    public IPositionBook Book => Context.Book;

    /// <summary>An account name as logs show it: "default" for the default account.</summary>
    public static string Display(string name) => name.Length == 0 ? "default" : name;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Context.Dispose();
            (Context.Book as IDisposable)?.Dispose();
        }
    }
}
