using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskSdk.Hosting.Tests.Infrastructure;

namespace RiskSdk.Hosting.Tests;

/// <summary>RiskSdk.Hosting and RiskSdk.AspNetCore wired together the way a minimal API does it.</summary>
public sealed class WebWiringTests
{
    [Fact]
    public async Task Invalid_settings_with_the_status_page_mapped_fail_start_with_every_options_failure_not_while_mapping()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "two";
        builder.Services.AddRiskSdk<HostSettings>();
        builder.Services.AddOptions<BrokerOptions>().Validate(options => options.Endpoint is not null, "BrokerOptions.Endpoint is required.").ValidateOnStart();
        await using var app = builder.Build();

        app.MapRiskSdk("/risk"); // used to throw here, with the RiskSdk problem alone
        var failure = await Assert.ThrowsAsync<AggregateException>(() => app.StartAsync());

        var messages = failure.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(messages, m => m.StartsWith("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS='two'", StringComparison.Ordinal));
        Assert.Contains("BrokerOptions.Endpoint is required.", messages);
    }

    private sealed class BrokerOptions
    {
        public string? Endpoint { get; set; }
    }
}
