using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderRouter;

namespace RiskSdk.Hosting.Tests;

/// <summary>samples/OrderRouter through WebApplicationFactory: orders decided, placed, capped, closed; health; bad settings.</summary>
public sealed class OrderRouterSampleTests
{
    private static readonly OrderRequest Order = new("NSE", 0.8, 0.2, 1);

    [Fact]
    public async Task Orders_are_placed_up_to_the_cap_from_appsettings_and_a_close_frees_a_slot()
    {
        using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        var first = await (await client.PostAsJsonAsync("/orders", Order)).Content.ReadFromJsonAsync<OrderResult>();
        var second = await client.PostAsJsonAsync("/orders", Order);
        var third = await client.PostAsJsonAsync("/orders", Order);

        Assert.True(first!.Approved);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal(nameof(RejectionReason.PositionLimitReached), (await third.Content.ReadFromJsonAsync<OrderResult>())!.Reason);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/positions/NSE/{first.PositionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/orders", Order)).StatusCode);

        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/risk/status")).StatusCode);
    }

    [Fact]
    public async Task An_environment_variable_overrides_appsettings_and_a_bad_one_stops_start_naming_it()
    {
        using var capped = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseSetting("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "1"));
        using var client = capped.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/orders", Order)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/orders", Order)).StatusCode);

        using var broken = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseSetting("OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE", "high"));
        var failure = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE='high'", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_for_a_lower_case_exchange_stays_counted_after_reconciliation_so_the_cap_holds()
    {
        using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();
        var order = Order with { Exchange = "nse" };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/orders", order)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/orders", order)).StatusCode);

        // The broker kept the exchange as typed ("nse") and answered reconciliation for "NSE" with nothing: the book
        // dropped both open positions and let two more through, over the cap of 2.
        var account = factory.Services.GetRequiredKeyedService<RiskSdk.Hosting.Accounts.RiskAccount>(string.Empty);
        var broker = factory.Services.GetRequiredService<PaperBroker>();
        await RiskSdk.Hosting.Reconciliation.BrokerReconciliation.RunOnceAsync(account, broker, TimeProvider.System, default);

        Assert.Equal(2, account.Book.GetCounts("NSE").Open);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/orders", order)).StatusCode);
    }

    [Fact]
    public async Task Closing_a_position_under_the_wrong_exchange_closes_nothing_at_the_broker_or_in_the_book()
    {
        using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();
        var placed = await (await client.PostAsJsonAsync("/orders", Order)).Content.ReadFromJsonAsync<OrderResult>();

        // The broker closed it whatever the exchange, the book refused: 404, and the book kept a position the broker no longer had.
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/positions/BSE/{placed!.PositionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/positions/nse/{placed.PositionId}")).StatusCode);
    }

    [Fact]
    public async Task A_malformed_order_is_a_400_and_an_unreadable_ledger_a_503_not_a_409_policy_refusal()
    {
        // Every refusal was 409 Conflict: a client could not tell "the policy said no" from "retry, the ledger blinked"
        // or "this order can never pass".
        var book = new RiskSdk.Tests.Shared.SharedStateBook();
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.ConfigureServices(services =>
            services.Configure<RiskSdk.Hosting.RiskHostingOptions>(options => options.LedgerFactory = (_, _) => book)));
        using var client = factory.CreateClient();

        using var malformed = await client.PostAsJsonAsync("/orders", Order with { Confidence = 1.5 });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(nameof(RejectionReason.InvalidIntent), (await malformed.Content.ReadFromJsonAsync<OrderResult>())!.Reason);

        book.Current = false;
        using var unknown = await client.PostAsJsonAsync("/orders", Order);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown.StatusCode);
        Assert.Equal(nameof(RejectionReason.LedgerUnavailable), (await unknown.Content.ReadFromJsonAsync<OrderResult>())!.Reason);

        book.Current = true;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/orders", Order)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/orders", Order with { KellyFraction = 0.01 })).StatusCode);
    }
}
