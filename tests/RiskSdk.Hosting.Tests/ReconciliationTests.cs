using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Threading;
using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RiskSdk.Hosting.Tests.Infrastructure;
using RiskSdk.Positions;

namespace RiskSdk.Hosting.Tests;

/// <summary>The broker's open positions reconciled into the book at start and on the interval; a failing broker changes nothing.</summary>
public sealed class ReconciliationTests
{
    private static async Task<IHost> StartAsync(FakeBroker broker, TimeSpan? timeout = null)
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?> { ["OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS"] = "0" });
        builder.Services.AddSingleton(broker);
        builder.Services.AddRiskSdk<HostSettings>()
            .Configure(options =>
            {
                options.ReconciledExchanges.Add("NSE");
                options.ReconciledExchanges.Add("BSE");
                options.ReconciliationInterval = TimeSpan.FromMinutes(1);
                options.ReconciliationTimeout = timeout ?? TimeSpan.FromSeconds(10);
            })
            .AddBrokerReconciliation<FakeBroker>();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task At_start_and_on_each_interval_the_book_takes_the_brokers_open_positions()
    {
        var broker = new FakeBroker();
        broker.Open["NSE"] = new[] { "N1", "N2" };
        broker.Open["BSE"] = Array.Empty<string>();
        using var host = await StartAsync(broker);
        var book = host.Services.GetRequiredService<IPositionBook>();

        await WaitForAnswersAppliedAsync(host, broker, 2);
        Assert.Equal(new[] { "N1", "N2" }, Sorted(book.GetOpenPositions("NSE")));

        broker.Open["NSE"] = new[] { "N2", "N3" };
        host.Clock().Advance(TimeSpan.FromMinutes(1));
        await WaitForAnswersAppliedAsync(host, broker, 4);

        Assert.Equal(new[] { "N2", "N3" }, Sorted(book.GetOpenPositions("NSE")));
        Assert.Contains(host.Logs(1311), r => r.Message.Contains("reconciled NSE with the broker, 1 positions added, 1 removed", StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_broker_answer_with_an_invalid_position_id_changes_nothing_for_that_exchange_and_the_host_keeps_running(string? id)
    {
        var broker = new FakeBroker();
        broker.Open["BSE"] = new[] { "B1" };
        broker.Open["NSE"] = new[] { "N1", id! };
        using var host = await StartAsync(broker);
        var book = host.Services.GetRequiredService<IPositionBook>();

        await WaitForAnswersAppliedAsync(host, broker, 2);

        // It used to escape the background service, which stopped the whole host (BackgroundServiceExceptionBehavior.StopHost).
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Equal(new[] { "B1" }, Sorted(book.GetOpenPositions("BSE")));
        Assert.Empty(book.GetOpenPositions("NSE"));
        Assert.Contains(host.Logs(1309), r => r.Message.Contains("reconciling NSE with the broker failed; nothing changed", StringComparison.Ordinal));

        // The next run still happens.
        broker.Open["NSE"] = new[] { "N1" };
        host.Clock().Advance(TimeSpan.FromMinutes(1));
        await WaitForAnswersAppliedAsync(host, broker, 4);
        Assert.Equal(new[] { "N1" }, Sorted(book.GetOpenPositions("NSE")));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_fill_recorded_while_the_broker_answers_is_kept_though_the_answer_predates_it()
    {
        var broker = new FakeBroker();
        broker.Open["NSE"] = new[] { "N1" };
        using var host = await StartAsync(broker);
        var book = host.Services.GetRequiredService<IPositionBook>();
        await WaitForAnswersAppliedAsync(host, broker, 2);

        // The broker's list was read before N2 filled; the fill reaches the book before the answer is applied.
        broker.WhileAnswering = exchange =>
        {
            if (exchange == "NSE")
            {
                Assert.True(book.TryReserve("NSE", 5).Reservation.Commit("N2"));
            }
        };
        host.Clock().Advance(TimeSpan.FromMinutes(1));
        await WaitForAnswersAppliedAsync(host, broker, 4);

        Assert.Equal(new[] { "N1", "N2" }, Sorted(book.GetOpenPositions("NSE")));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_reconcile_whose_mark_predates_a_freed_scope_says_so_and_changes_nothing()
    {
        var broker = new FakeBroker();
        broker.Open["NSE"] = new[] { "N1" };
        using var host = await StartAsync(broker);
        var context = host.Services.GetRequiredService<RiskContext>();
        await WaitForAnswersAppliedAsync(host, broker, 2);

        // While the broker answers (still listing N1), N1 closes, the idle scope is freed and N2 fills in its fresh state.
        broker.WhileAnswering = exchange =>
        {
            if (exchange == "NSE")
            {
                broker.WhileAnswering = null;
                Assert.True(context.Book.Close("NSE", "N1"));
                Assert.True(context.ReclaimIdleExchanges().Scopes >= 1);
                Assert.True(context.Book.TryReserve("NSE", 5).Reservation.Commit("N2"));
            }
        };
        host.Clock().Advance(TimeSpan.FromMinutes(1));
        await WaitForAnswersAppliedAsync(host, broker, 4);

        Assert.Equal(new[] { "N2" }, context.Book.GetOpenPositions("NSE"));
        var stale = Assert.Single(host.Logs(1313));
        Assert.Contains("NSE was not reconciled this run: the book freed an idle exchange while the broker answered", stale.Message, StringComparison.Ordinal);
        Assert.Empty(host.Logs(1312));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_broker_that_throws_changes_nothing_for_that_exchange_and_the_others_go_on()
    {
        var broker = new FakeBroker();
        broker.Open["NSE"] = new[] { "N1" };
        broker.Open["BSE"] = new[] { "B1" };
        using var host = await StartAsync(broker);
        var book = host.Services.GetRequiredService<IPositionBook>();
        await WaitForAnswersAppliedAsync(host, broker, 2);

        broker.Failing["BSE"] = true;
        broker.Open["NSE"] = Array.Empty<string>();
        broker.Open["BSE"] = Array.Empty<string>();
        host.Clock().Advance(TimeSpan.FromMinutes(1));
        await WaitForAnswersAppliedAsync(host, broker, 4);

        Assert.Empty(book.GetOpenPositions("NSE"));
        Assert.Equal(new[] { "B1" }, book.GetOpenPositions("BSE"));
        var failure = Assert.Single(host.Logs(1309));
        Assert.IsType<InvalidOperationException>(failure.Exception);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_broker_that_does_not_answer_in_time_changes_nothing_and_is_logged()
    {
        var broker = new FakeBroker();
        broker.Open["NSE"] = new[] { "N1" };
        broker.Open["BSE"] = new[] { "B1" };
        broker.Hanging["NSE"] = true;
        using var host = await StartAsync(broker, TimeSpan.FromSeconds(5));
        var book = host.Services.GetRequiredService<IPositionBook>();
        book.Reconcile(book.MarkForReconcile("NSE"), new[] { "KEEP" });

        // NSE's call is under way (its timeout runs on the host's clock from before the call): only then move the clock.
        await broker.WaitForStartedAsync(2);
        host.Clock().Advance(TimeSpan.FromSeconds(5));
        await WaitForAnswersAppliedAsync(host, broker, 2);
        await TestHosts.WaitForAsync(() => host.Logs(1310).Count == 1);

        Assert.Equal(new[] { "KEEP" }, book.GetOpenPositions("NSE"));
        Assert.Equal(new[] { "B1" }, book.GetOpenPositions("BSE"));
        await host.StopAsync();
    }

    private static string[] Sorted(IReadOnlyCollection<string> ids)
    {
        var sorted = new List<string>(ids);
        sorted.Sort(StringComparer.Ordinal);
        return sorted.ToArray();
    }

    /// <summary>
    /// Waits until the broker has answered <paramref name="calls"/> times and the reconciliation has dealt with each
    /// answer: every call ends in one of the events 1309-1313 (failed, timed out, reconciled, ledger silent, stale),
    /// written after the answer was applied.
    /// </summary>
    private static async Task WaitForAnswersAppliedAsync(IHost host, FakeBroker broker, int calls)
    {
        await broker.WaitForCallsAsync(calls);
        await TestHosts.WaitForAsync(() => Enumerable.Range(1309, 5).Sum(id => host.Logs(id).Count) >= calls);
    }

    /// <summary>A broker whose answers the test sets; counts the calls that started and those that finished.</summary>
    public sealed class FakeBroker : IBrokerPositions
    {
        private int _started;
        private int _calls;

        public ConcurrentDictionary<string, IReadOnlyCollection<string>> Open { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, bool> Failing { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, bool> Hanging { get; } = new(StringComparer.Ordinal);

        /// <summary>Runs after the answer is read and before it is returned, as a fill arriving meanwhile would.</summary>
        public Action<string>? WhileAnswering { get; set; }

        public async Task<IReadOnlyCollection<string>> GetOpenPositionIdsAsync(string exchange, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            try
            {
                if (Hanging.ContainsKey(exchange))
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                if (Failing.ContainsKey(exchange))
                {
                    throw new InvalidOperationException("The broker's session expired.");
                }

                var answer = Open.TryGetValue(exchange, out var open) ? open : Array.Empty<string>();
                WhileAnswering?.Invoke(exchange);
                return answer;
            }
            finally
            {
                Interlocked.Increment(ref _calls);
            }
        }

        public Task WaitForCallsAsync(int calls) => TestHosts.WaitForAsync(() => Volatile.Read(ref _calls) >= calls);

        public Task WaitForStartedAsync(int calls) => TestHosts.WaitForAsync(() => Volatile.Read(ref _started) >= calls);
    }
}
