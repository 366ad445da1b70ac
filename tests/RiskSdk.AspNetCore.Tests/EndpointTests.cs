using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RiskSdk.AspNetCore.Tests;

/// <summary>The endpoints through the in-memory test server: JSON, the event stream, the page, and who may control.</summary>
public sealed class EndpointTests
{
    private static readonly RiskSettings Quick = new() { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero };

    [Fact]
    public async Task Status_is_the_snapshot_as_json()
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick, name: "desk-1"));
        var pipeline = RiskPipeline.CreateDefault(app.Context);
        pipeline.Evaluate(Signal("NSE")).Reservation.Commit("P-1");
        pipeline.Evaluate(Signal("NSE", confidence: 0.2));
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/risk/status");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("desk-1", root.GetProperty("context").GetString());
        Assert.Equal("Active", root.GetProperty("trading").GetProperty("state").GetString());
        Assert.True(root.GetProperty("ledgerAnswered").GetBoolean());
        Assert.Equal(2, root.GetProperty("caps").GetProperty("inForceNormal").GetInt32());
        var nse = root.GetProperty("exchanges").EnumerateArray().Single();
        Assert.Equal("NSE", nse.GetProperty("exchange").GetString());
        Assert.Equal(1, nse.GetProperty("open").GetInt32());
        Assert.Equal("P-1", nse.GetProperty("openPositionIds")[0].GetString());
        Assert.Equal(0, nse.GetProperty("cooldownRemaining").GetDouble());
        var decisions = root.GetProperty("recentDecisions");
        Assert.Equal("ConfidenceTooLow", decisions[0].GetProperty("reason").GetString());
        Assert.True(decisions[1].GetProperty("approved").GetBoolean());
    }

    [Fact]
    public async Task The_stream_sends_a_status_event_at_once_and_another_on_each_change()
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick));
        using var client = app.CreateClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.GetAsync("/risk/status/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        var first = await ReadEventAsync(reader, cancel.Token);
        Assert.Equal(0, first.GetProperty("decisionCount").GetInt64());

        // The approval (a pending slot) and its fill are two changes: a loaded machine may let the stream send one
        // event between them, so each step reads events until the one showing it.
        RiskPipeline.CreateDefault(app.Context).Evaluate(Signal("BSE")).Reservation.Commit("B-1");
        var second = await ReadEventAsync(reader, status => status.GetProperty("exchanges").EnumerateArray().Any(exchange => exchange.GetProperty("open").GetInt32() == 1), cancel.Token);
        Assert.Equal(1, second.GetProperty("decisionCount").GetInt64());

        app.Context.Switch.Halt("test", "tester");
        var third = await ReadEventAsync(reader, status => status.GetProperty("trading").GetProperty("state").GetString() == "Halted", cancel.Token);
        Assert.Equal(1, third.GetProperty("decisionCount").GetInt64());
    }

    [Fact]
    public async Task The_page_is_self_contained_under_a_strict_content_security_policy()
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick));
        using var client = app.CreateClient();

        using var page = await client.GetAsync("/risk");
        var html = await page.Content.ReadAsStringAsync();
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/risk/assets/risk.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("http-equiv", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal); // no external resource
        Assert.Contains("data-control=\"false\"", html, StringComparison.Ordinal);
        using var script = await client.GetAsync("/risk/assets/risk.js");
        using var style = await client.GetAsync("/risk/assets/risk.css");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EventSource", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("url(", await style.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_policy_or_the_development_mode_there_is_no_control_endpoint()
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick), remoteAddress: IPAddress.Loopback);
        using var client = app.CreateClient(user: "alice", role: "trader");

        using var response = await client.PostAsJsonAsync("/risk/trading/halt", new { reason = "test" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(TradingState.Active, app.Context.Switch.State);
    }

    [Fact]
    public async Task With_a_policy_only_an_authorised_caller_halts_and_the_call_is_logged_with_who_and_why()
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick), options => options.ControlPolicy = RiskTestApp.ControlPolicy);
        using var anonymous = app.CreateClient();
        using var viewer = app.CreateClient(user: "victor", role: "viewer");
        using var trader = app.CreateClient(user: "alice", role: "trader");

        using var refusedAnonymous = await anonymous.PostAsJsonAsync("/risk/trading/halt", new { reason = "test" });
        using var refusedViewer = await viewer.PostAsJsonAsync("/risk/trading/halt", new { reason = "test" });
        Assert.Equal(HttpStatusCode.Unauthorized, refusedAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedViewer.StatusCode);
        Assert.Equal(TradingState.Active, app.Context.Switch.State);

        using var halted = await trader.PostAsJsonAsync("/risk/trading/halt", new { reason = "NSE feed looks wrong" });
        halted.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await halted.Content.ReadAsStringAsync());

        Assert.True(answer.RootElement.GetProperty("moved").GetBoolean());
        Assert.Equal("Halted", answer.RootElement.GetProperty("trading").GetProperty("state").GetString());
        Assert.Equal(("alice", "NSE feed looks wrong"), (app.Context.Switch.Status.ChangedBy, app.Context.Switch.Status.Reason));
        var log = app.Logs.GetSnapshot().Single(r => r.Id.Id == 1013);
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Equal("Trading control halt by alice: NSE feed looks wrong (moved: True)", log.Message);
        Assert.False(RiskPipeline.CreateDefault(app.Context).Evaluate(Signal("NSE")).IsApproved);

        using var resumed = await trader.PostAsJsonAsync("/risk/trading/resume", new { reason = "feed fixed" });
        resumed.EnsureSuccessStatusCode();
        Assert.Equal(TradingState.Active, app.Context.Switch.State);
    }

    [Fact]
    public async Task A_control_call_needs_a_json_reason()
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick), options => options.ControlPolicy = RiskTestApp.ControlPolicy);
        using var trader = app.CreateClient(user: "alice", role: "trader");

        using var blank = await trader.PostAsJsonAsync("/risk/trading/halt", new { reason = "  " });
        using var form = await trader.PostAsync("/risk/trading/halt", new FormUrlEncodedContent(new[] { KeyValuePair("reason", "x") }));
        using var malformed = await trader.PostAsync("/risk/trading/halt", new StringContent("{reason", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(TradingState.Active, app.Context.Switch.State);
    }

    [Theory]
    [InlineData("line\nforged log line")]
    [InlineData("tab\there")]
    [InlineData("esc \u001b[31mred")]
    [InlineData("bidi \u202Edesrever")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("nul\u0000")]
    public async Task A_reason_with_a_control_or_invisible_character_is_refused_and_nothing_moves(string reason)
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick), options => options.ControlPolicy = RiskTestApp.ControlPolicy);
        using var trader = app.CreateClient(user: "alice", role: "trader");

        using var response = await trader.PostAsJsonAsync("/risk/trading/halt", new { reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("control or invisible formatting character at position", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TradingState.Active, app.Context.Switch.State);
        Assert.DoesNotContain(app.Logs.GetSnapshot(), r => r.Id.Id == 1013);
    }

    [Fact]
    public async Task A_reason_with_markup_is_accepted_as_text_and_answered_as_json()
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick), options => options.ControlPolicy = RiskTestApp.ControlPolicy);
        using var trader = app.CreateClient(user: "alice", role: "trader");
        const string Markup = "<script>alert(1)</script> & \"quotes\" — ünïcode";

        using var response = await trader.PostAsJsonAsync("/risk/trading/halt", new { reason = Markup });

        response.EnsureSuccessStatusCode();
        Assert.Equal(Markup, app.Context.Switch.Status.Reason);
        using var page = await trader.GetAsync("/risk");
        Assert.DoesNotContain("<script>alert", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rebound.example", null, HttpStatusCode.Forbidden)]
    [InlineData("localhost", "http://rebound.example", HttpStatusCode.Forbidden)]
    [InlineData("localhost", "null", HttpStatusCode.Forbidden)]
    [InlineData("localhost:5000", "http://localhost:5000", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5000", HttpStatusCode.OK)]
    [InlineData("[::1]:5000", null, HttpStatusCode.OK)]
    public async Task The_development_mode_refuses_a_page_of_another_site_rebound_to_this_machine(string host, string? origin, HttpStatusCode expected)
    {
        await using var app = await RiskTestApp.StartAsync(
            new RiskContext(Quick),
            options => options.AllowLoopbackControlWithoutAuthorization = true,
            remoteAddress: IPAddress.Loopback);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/risk/trading/halt") { Content = JsonContent.Create(new { reason = "drill" }) };
        request.Headers.Host = host;
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? TradingState.Halted : TradingState.Active, app.Context.Switch.State);
    }

    [Theory]
    [InlineData("X-Real-IP", "203.0.113.9")]
    [InlineData("X-Forwarded-Host", "risk.example.com")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("X-Original-For", "203.0.113.9:5123")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    [InlineData("True-Client-IP", "203.0.113.9")]
    public async Task The_development_mode_refuses_a_call_a_local_proxy_forwarded_whichever_header_it_sets(string header, string value)
    {
        // nginx's usual "proxy_set_header X-Real-IP $remote_addr" passed: every caller of the proxy could halt or resume.
        await using var app = await RiskTestApp.StartAsync(
            new RiskContext(Quick),
            options => options.AllowLoopbackControlWithoutAuthorization = true,
            remoteAddress: IPAddress.Loopback);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);

        using var response = await client.PostAsJsonAsync("/risk/trading/resume", new { reason = "drill" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(app.Logs.GetSnapshot(), r => r.Id.Id == 1013);
    }

    [Theory]
    [InlineData("10.0.0.7", null, HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.1", "203.0.113.9", HttpStatusCode.Forbidden)]
    [InlineData("::1", null, HttpStatusCode.OK)]
    [InlineData("127.0.0.1", null, HttpStatusCode.OK)]
    public async Task The_development_mode_answers_only_callers_on_this_machine(string remote, string? forwardedFor, HttpStatusCode expected)
    {
        await using var app = await RiskTestApp.StartAsync(
            new RiskContext(Quick),
            options => options.AllowLoopbackControlWithoutAuthorization = true,
            remoteAddress: IPAddress.Parse(remote));
        using var client = app.CreateClient();
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.PostAsJsonAsync("/risk/trading/halt", new { reason = "drill" });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? TradingState.Halted : TradingState.Active, app.Context.Switch.State);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("unauthenticated@" + IPAddress.Parse(remote), app.Context.Switch.Status.ChangedBy);
        }
    }

    [Fact]
    public async Task The_context_is_resolved_from_the_services_when_registered()
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick, name: "from-di"), registerContext: true);
        using var client = app.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/risk/status"));

        Assert.Equal("from-di", json.RootElement.GetProperty("context").GetString());
    }

    [Fact]
    public async Task A_named_accounts_context_is_resolved_by_its_key()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddKeyedSingleton("desk-b", new RiskContext(Quick, name: "desk-b"));
        await using var app = builder.Build();
        app.MapRiskSdk("/risk", options => options.Account = "desk-b");
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/risk/status"));

        Assert.Equal("desk-b", json.RootElement.GetProperty("context").GetString());
        var missing = Assert.Throws<InvalidOperationException>(() => app.MapRiskSdk("/other", options => options.Account = "desk-c"));
        Assert.Contains("no RiskContext for the account 'desk-c'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_context_is_not_resolved_while_mapping_but_at_the_first_request()
    {
        // Resolving it while mapping created the account before the host started: its settings bound and its ledger
        // opened before ValidateOnStart could report every options failure together.
        var resolved = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(_ =>
        {
            Interlocked.Increment(ref resolved);
            return new RiskContext(Quick, name: "lazy");
        });
        builder.Services.AddKeyedSingleton("desk-b", (_, _) =>
        {
            Interlocked.Increment(ref resolved);
            return new RiskContext(Quick, name: "desk-b");
        });
        await using var app = builder.Build();
        app.MapRiskSdk("/risk");
        app.MapRiskSdk("/desk-b", options => options.Account = "desk-b");
        await app.StartAsync();
        Assert.Equal(0, resolved);
        using var client = app.GetTestClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/risk/status"));
        using var keyed = JsonDocument.Parse(await client.GetStringAsync("/desk-b/status"));

        Assert.Equal("lazy", json.RootElement.GetProperty("context").GetString());
        Assert.Equal("desk-b", keyed.RootElement.GetProperty("context").GetString());
        Assert.Equal(2, resolved);
    }

    [Fact]
    public async Task The_page_mapped_twice_for_one_context_keeps_every_endpoint_of_the_app_working()
    {
        // Both mappings used to name their endpoints risksdk-default-status, ...: routing then threw
        // "Duplicate endpoint name" on every request, the app's own endpoints included.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(new RiskContext(Quick));
        await using var app = builder.Build();
        app.MapRiskSdk("/risk");
        app.MapRiskSdk("/ops/risk", options => options.AllowLoopbackControlWithoutAuthorization = true);
        app.MapRiskSdk("/other", options => options.Context = new RiskContext(Quick));
        app.MapGet("/orders", () => "orders");
        await app.StartAsync();
        using var client = app.GetTestClient();

        Assert.Equal("orders", await client.GetStringAsync("/orders"));
        foreach (var path in new[] { "/risk/status", "/ops/risk/status", "/other/status", "/risk", "/ops/risk" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var links = app.Services.GetRequiredService<LinkGenerator>();
        Assert.Equal("/risk/status", links.GetPathByName("risksdk-default-status"));
        Assert.Equal("/ops/risk/status", links.GetPathByName("risksdk-default-2-status"));
        Assert.Equal("/other/status", links.GetPathByName("risksdk-default-3-status"));
    }

    [Fact]
    public void Without_a_context_mapping_says_what_is_missing()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapRiskSdk("/risk"));

        Assert.Contains("needs a RiskContext", error.Message, StringComparison.Ordinal);
    }

    private static System.Collections.Generic.KeyValuePair<string, string> KeyValuePair(string key, string value) => new(key, value);

    private static TradeIntent Signal(string exchange, double confidence = 0.8) =>
        new() { Exchange = exchange, Confidence = confidence, KellyFraction = 0.2, Lots = 1, Side = TradeSide.Buy };

    /// <summary>Reads status events until one satisfies <paramref name="shows"/> (the test's token bounds the wait).</summary>
    private static async Task<JsonElement> ReadEventAsync(StreamReader reader, Func<JsonElement, bool> shows, CancellationToken cancellationToken)
    {
        var status = await ReadEventAsync(reader, cancellationToken);
        while (!shows(status))
        {
            status = await ReadEventAsync(reader, cancellationToken);
        }

        return status;
    }

    private static async Task<JsonElement> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? eventName = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                Assert.Equal("status", eventName);
                using var document = JsonDocument.Parse(line["data: ".Length..]);
                return document.RootElement.Clone();
            }
        }

        throw new EndOfStreamException("The stream ended before an event.");
    }
}
