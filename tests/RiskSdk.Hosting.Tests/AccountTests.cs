using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RiskSdk.Gates;
using RiskSdk.Hosting.Tests.Infrastructure;
using RiskSdk.Positions;

namespace RiskSdk.Hosting.Tests;

/// <summary>Named accounts, and pipelines built from the container.</summary>
public sealed class AccountTests
{
    [Fact]
    public async Task Named_accounts_have_their_own_settings_book_switch_and_name_resolved_by_key()
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?>
        {
            ["Accounts:acct-42:OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "1",
            ["Accounts:acct-42:OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF"] = "1",
            ["Accounts:acct-42:OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS"] = "0",
            ["Accounts:acct-42:OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS"] = "0",
            ["Accounts:acct-7:OI_TRACKER:AUTO_EXEC_MAX_OPEN_POSITIONS"] = "2",
            ["Accounts:acct-7:OI_TRACKER:ML_SIGNAL_COOLDOWN_SECONDS"] = "0",
        });
        foreach (var account in new[] { "acct-42", "acct-7" })
        {
            var section = builder.Configuration.GetSection("Accounts:" + account);
            builder.Services.AddRiskSdk<HostSettings>(account)
                .Configure(options => options.Configuration = section)
                .AddPipeline((_, context) => RiskPipeline.CreateDefault(context));
        }

        using var host = builder.Build();
        await host.StartAsync();
        var first = host.Services.GetRequiredKeyedService<RiskPipeline>("acct-42");
        var second = host.Services.GetRequiredKeyedService<RiskPipeline>("acct-7");

        Assert.NotSame(first.Context, second.Context);
        Assert.Same(second, host.Services.GetRequiredKeyedService<IRiskPipeline>("acct-7"));
        Assert.Same(first.Context, host.Services.GetRequiredKeyedService<RiskContext>("acct-42"));
        Assert.Same(second.Context.Book, host.Services.GetRequiredKeyedService<IPositionBook>("acct-7"));
        Assert.Equal("acct-42", first.Context.Name);
        Assert.Equal("acct-7", second.Context.Name);
        Assert.Equal(1, first.Context.Settings.MaxOpenPositions);
        Assert.Equal(2, second.Context.Settings.MaxOpenPositions);

        Assert.True(first.Evaluate(TestHosts.Signal()).Reservation.Commit("A1"));
        Assert.Equal(RejectionReason.PositionLimitReached, first.Evaluate(TestHosts.Signal()).Reason);
        Assert.True(second.Evaluate(TestHosts.Signal()).Reservation.Commit("B1"));
        Assert.Equal(new[] { "A1" }, first.Context.Book.GetOpenPositions("NSE"));
        Assert.Equal(new[] { "B1" }, second.Context.Book.GetOpenPositions("NSE"));

        first.Context.Switch.Halt("operator");
        Assert.Equal(TradingState.Active, second.Context.Switch.State);
        Assert.Null(host.Services.GetService<RiskContext>());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_generated_pipeline_gets_its_context_and_its_own_gates_from_the_container()
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?> { ["OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS"] = "0" });
        builder.Services.AddSingleton<DeskHours>();
        builder.Services.AddSingleton<DeskHoursGate>();
        builder.Services.AddRiskSdk<HostSettings>().AddPipeline<DeskPipeline>();
        using var host = builder.Build();
        await host.StartAsync();

        var pipeline = host.Services.GetRequiredService<DeskPipeline>();
        Assert.Same(host.Services.GetRequiredService<RiskContext>(), pipeline.Context);
        Assert.Same(pipeline, host.Services.GetRequiredService<IRiskPipeline>());
        Assert.True(pipeline.Evaluate(TestHosts.Signal()).IsApproved);

        host.Services.GetRequiredService<DeskHours>().Open = false;
        var refused = pipeline.Evaluate(TestHosts.Signal());
        Assert.Equal(DeskHoursGate.GateName, refused.Gate);
        await host.StopAsync();
    }
}

/// <summary>Whether the desk trades now; a service of the app that a gate of its own reads.</summary>
public sealed class DeskHours
{
    public bool Open { get; set; } = true;
}

/// <summary>A gate the pipeline generator cannot build from the context: it needs the app's <see cref="DeskHours"/>.</summary>
public sealed class DeskHoursGate
{
    public const string GateName = "DeskHours";

    private readonly DeskHours _hours;

    public DeskHoursGate(DeskHours hours) => _hours = hours;

    public GateVerdict Check(in TradeIntent intent) =>
        _hours.Open || intent.ReducesExposure
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.CustomGate, 0, 0, "the desk is closed");
}

/// <summary>A generated pipeline with a gate of the app's own.</summary>
[GatePipeline(typeof(KillSwitchGate), typeof(DeskHoursGate), typeof(CooldownGate), typeof(PositionLimitGate))]
public sealed partial class DeskPipeline;
