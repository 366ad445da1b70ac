using System.Collections.Generic;
using System.Threading.Tasks;
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RiskSdk.Gates;
using RiskSdk.Hosting.Tests.Infrastructure;

namespace RiskSdk.Hosting.Tests;

/// <summary>Pipelines registered with AddPipeline are built when the host starts: one that cannot be built fails start, naming it.</summary>
public sealed class PipelineStartTests
{
    [Fact]
    public async Task A_pipeline_whose_gate_throws_in_its_constructor_fails_start_naming_the_pipeline_and_the_cause()
    {
        var builder = TestHosts.Builder();
        builder.Services.AddSingleton<FeedStatus>();
        builder.Services.AddRiskSdk<HostSettings>().AddPipeline<PipelineWithBrokenGate>();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains($"RiskSdk account default: the pipeline {typeof(PipelineWithBrokenGate).FullName} could not be built", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the feed gate cannot reach its feed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pipeline_of_a_named_account_missing_a_dependency_fails_start_naming_the_account()
    {
        var builder = TestHosts.Builder();
        builder.Services.AddRiskSdk<HostSettings>("acct-7").AddPipeline<PipelineWithBrokenGate>(); // FeedStatus not registered
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith($"RiskSdk account acct-7: the pipeline {typeof(PipelineWithBrokenGate).FullName} could not be built", failure.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(FeedStatus), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_singleton_pipeline_capturing_a_scoped_service_fails_start_when_scopes_are_validated()
    {
        // The Development default (ValidateScopes): the captive dependency is reported at start, naming the pipeline,
        // not at the first order.
        var builder = TestHosts.Builder();
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true }));
        builder.Services.AddScoped<FeedStatus>();
        builder.Services.AddRiskSdk<HostSettings>().AddPipeline<PipelineWithBrokenGate>();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith($"RiskSdk account default: the pipeline {typeof(PipelineWithBrokenGate).FullName} could not be built", failure.Message, StringComparison.Ordinal);
        Assert.Contains("scoped", failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_pipeline_that_builds_is_the_one_the_app_resolves_later()
    {
        var built = 0;
        var builder = TestHosts.Builder();
        builder.Services.AddRiskSdk<HostSettings>().AddPipeline((_, context) =>
        {
            built++;
            return RiskPipeline.CreateDefault(context);
        });
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal(1, built);
        Assert.Same(host.Services.GetRequiredService<RiskPipeline>(), host.Services.GetRequiredService<IRiskPipeline>());
        Assert.Equal(1, built);
        await host.StopAsync();
    }

    public sealed class FeedStatus
    {
        public bool Broken { get; init; } = true;
    }

    public sealed class PipelineWithBrokenGate : IRiskPipeline
    {
        private readonly RiskPipeline _inner;

        public PipelineWithBrokenGate(RiskContext context, FeedStatus feed)
        {
            if (feed.Broken)
            {
                throw new InvalidOperationException("the feed gate cannot reach its feed");
            }

            _inner = RiskPipeline.CreateDefault(context);
        }

        public RiskContext Context => _inner.Context;

        public RiskDecision Evaluate(in TradeIntent intent) => _inner.Evaluate(in intent);

        public IReadOnlyList<GateVerdict> Explain(in TradeIntent intent) => _inner.Explain(in intent);
    }
}
