using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using RiskSdk.Monitoring;
using RiskSdk.Testing;

namespace RiskSdk.AspNetCore.Tests;

/// <summary>
/// The live page in a real browser, served by Kestrel on 127.0.0.1 under its own Content-Security-Policy: the
/// numbers it shows are the snapshot's, the bar turns at the cap, halting from the page stops the next approval,
/// and a ledger that does not answer shows as unknown. Any console error (a CSP violation among them) fails.
/// </summary>
public sealed class StatusPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly RiskSettings Quick = new() { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero };

    [BrowserFact]
    public async Task The_page_shows_the_snapshot_and_the_bar_turns_at_the_cap()
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick with { SessionDrawdownStop = 25_000 }, name: "paper-desk"), kestrel: true);
        var pipeline = RiskPipeline.CreateDefault(app.Context);
        pipeline.Evaluate(Signal("NSE")).Reservation.Commit("NSE-1");
        pipeline.Evaluate(Signal("NSE", confidence: 0.97)).Reservation.Commit("NSE-2");
        pipeline.Evaluate(Signal("NSE"));                              // refused at the cap of 2
        pipeline.Evaluate(Signal("BSE")).Reservation.Commit("BSE-1");
        pipeline.Evaluate(Signal("BSE", confidence: 0.4));             // refused: confidence
        var (page, errors) = await OpenAsync(app);

        await page.WaitForSelectorAsync("body[data-decisions='5']");
        var snapshot = app.Context.Monitor.GetSnapshot();
        foreach (var exchange in snapshot.Exchanges)
        {
            var card = page.Locator($"[data-exchange='{exchange.Exchange}']");
            Assert.Equal(exchange.Open.ToString(), await card.Locator(".open").TextContentAsync());
            Assert.Equal(exchange.Pending.ToString(), await card.Locator(".pending").TextContentAsync());
            Assert.Equal(snapshot.Caps.InForceNormal.ToString(), await card.Locator(".cap").TextContentAsync());
            Assert.Equal(snapshot.Caps.InForceHighConfidence.ToString(), await card.Locator(".cap-high").TextContentAsync());
        }

        Assert.Equal(new[] { "BSE", "NSE" }, await page.Locator("[data-exchange]").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.exchange)"));
        Assert.Contains("at-cap", await BarClassAsync(page, "NSE"), StringComparison.Ordinal);
        Assert.DoesNotContain("cap", await BarClassAsync(page, "BSE"), StringComparison.Ordinal);
        Assert.Equal("Active", await page.TextContentAsync("#trading-state"));
        Assert.Equal("ledger answered", await page.TextContentAsync("#ledger"));
        var rows = await page.Locator("#decisions tbody tr").AllAsync();
        Assert.Equal(snapshot.RecentDecisions.Count, rows.Count);
        Assert.Equal("ConfidenceTooLow", await rows[0].Locator(".outcome").TextContentAsync());
        Assert.Equal(snapshot.RecentDecisions[0].Message, await rows[0].Locator(".why").TextContentAsync());
        Assert.Equal("PositionLimitReached", await rows[2].Locator(".outcome").TextContentAsync());
        await SaveScreenshotAsync(page);

        pipeline.Evaluate(Signal("BSE"));                              // held as pending: BSE reaches its cap
        await page.WaitForSelectorAsync("[data-exchange='BSE'] .bar.at-cap");
        Assert.Equal("1", await page.Locator("[data-exchange='BSE'] .pending").TextContentAsync());
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Halting_from_the_page_as_an_authorised_caller_stops_the_next_approval()
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick), options => options.ControlPolicy = RiskTestApp.ControlPolicy, kestrel: true);
        var pipeline = RiskPipeline.CreateDefault(app.Context);
        pipeline.Evaluate(Signal("NSE")).Reservation.Commit("NSE-1");
        var (page, errors) = await OpenAsync(app, new Dictionary<string, string> { ["X-Test-User"] = "alice", ["X-Test-Role"] = "trader" });
        await page.WaitForSelectorAsync("body[data-decisions='1']");

        await page.FillAsync("#reason", "spread blew out");
        await page.ClickAsync("#halt");
        await page.WaitForSelectorAsync("#trading-state.state-halted");

        // The badge follows the status stream, the result line the POST's answer: either can come first.
        await page.WaitForFunctionAsync("() => document.getElementById('control-result').textContent.startsWith('halt')");

        Assert.Equal(new TradingStatus(TradingState.Halted, "spread blew out", "alice", app.Context.Switch.Status.ChangedAt), app.Context.Switch.Status);
        Assert.Contains("halt: done, now Halted", await page.TextContentAsync("#control-result"), StringComparison.Ordinal);
        var next = pipeline.Evaluate(Signal("NSE"));
        Assert.Equal(RejectionReason.TradingHalted, next.Reason);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Control_buttons_are_absent_when_control_is_not_mapped()
    {
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick), kestrel: true);
        var (page, _) = await OpenAsync(app);
        await page.WaitForSelectorAsync("body[data-decisions='0']");

        Assert.False(await page.IsVisibleAsync("#halt"));
    }

    [BrowserFact]
    public async Task A_ledger_that_does_not_answer_shows_its_counts_and_the_shared_trading_state_as_unknown_not_as_zero_or_active()
    {
        var book = new SwitchableBook();
        await using var app = await RiskTestApp.StartAsync(new RiskContext(Quick, book), kestrel: true);
        RiskPipeline.CreateDefault(app.Context).Evaluate(Signal("NSE")).Reservation.Commit("NSE-1");
        var (page, errors) = await OpenAsync(app);
        await page.WaitForSelectorAsync("[data-exchange='NSE'] .open");

        book.Down = true;
        await page.WaitForSelectorAsync("#ledger.ledger-unknown");

        Assert.Equal("ledger unknown", await page.TextContentAsync("#ledger"));
        Assert.Equal("ledger unknown", await page.TextContentAsync("[data-exchange='NSE'] .unknown"));
        await page.WaitForSelectorAsync("#trading-state.state-unknown");
        Assert.Equal("unknown (entries refused)", await page.TextContentAsync("#trading-state"));
        Assert.Equal(0, await page.Locator("[data-exchange='NSE'] .open").CountAsync());
        Assert.Contains("unknown", await BarClassAsync(page, "NSE"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    private static TradeIntent Signal(string exchange, double confidence = 0.8) =>
        new() { Exchange = exchange, Confidence = confidence, KellyFraction = 0.2, Lots = 1, Side = TradeSide.Buy };

    private static Task<string?> BarClassAsync(IPage page, string exchange) => page.Locator($"[data-exchange='{exchange}'] .bar").GetAttributeAsync("class");

    private static async Task SaveScreenshotAsync(IPage page)
    {
        // UPDATE_SCREENSHOTS=1 refreshes the README's picture; otherwise it goes next to the test output.
        var path = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot.Path, "docs", "images", "status-page.png")
            : Path.Combine(AppContext.BaseDirectory, "status-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(RiskTestApp app, Dictionary<string, string>? headers = null)
    {
        var context = await browser.Browser.NewContextAsync(new() { ExtraHTTPHeaders = headers, ViewportSize = new() { Width = 1100, Height = 760 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(app.Address, "/risk").ToString());
        return (page, errors);
    }
}
