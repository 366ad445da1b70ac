using System.Collections.Generic;
using System.Globalization;
using System;
using Microsoft.Extensions.Options;

namespace RiskSdk.Hosting;

/// <summary>Checks <see cref="RiskHostingOptions"/> at start: every duration positive (the idle-exchange sweep may also be off).</summary>
internal sealed class RiskHostingOptionsValidator : IValidateOptions<RiskHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, RiskHostingOptions options)
    {
        // Named by account and type: an app with several accounts, or other options, must see which one is wrong.
        var account = "RiskSdk account " + Accounts.RiskAccount.Display(name ?? string.Empty) + ": " + nameof(RiskHostingOptions) + ".";
        var problems = new List<string>();
        RequirePositive(problems, account + nameof(options.ShutdownDrainTimeout), options.ShutdownDrainTimeout);
        RequirePositive(problems, account + nameof(options.ReconciliationInterval), options.ReconciliationInterval);
        RequirePositive(problems, account + nameof(options.ReconciliationTimeout), options.ReconciliationTimeout);
        if (options.IdleExchangeSweepInterval < TimeSpan.Zero)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{account}{nameof(options.IdleExchangeSweepInterval)} must be positive, or zero or null to turn the sweep off (was {options.IdleExchangeSweepInterval.Value.TotalSeconds} s)."));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void RequirePositive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be positive (was {value.TotalSeconds} s)."));
        }
    }
}
