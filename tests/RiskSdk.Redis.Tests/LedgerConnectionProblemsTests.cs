using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RiskSdk.Positions;
using RiskSdk.Redis.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit;

namespace RiskSdk.Redis.Tests;

/// <summary>
/// A careless operator's RISK_LEDGER_CONNECTION: every mistake refused at start with every problem named and no
/// password quoted; a server that refuses us (NOAUTH) or is not Redis at all fails closed and says why.
/// </summary>
[RequiresRedisServer]
public sealed class LedgerConnectionProblemsTests : IClassFixture<RedisServerFixture>
{
    private const string Secret = "hunter2";
    private readonly RedisServerFixture _fixture;

    /// <summary>Creates the tests over the class's server.</summary>
    /// <param name="fixture">The server.</param>
    public LedgerConnectionProblemsTests(RedisServerFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("localhost:abc", "'localhost:abc' is not host:port")]
    [InlineData("localhost:70000", "'localhost:70000' is not host:port")]
    [InlineData(":6379", "':6379' names no host")]
    [InlineData("redis://:hunter2@localhost:6379", "part 1 is a URI")]
    [InlineData("user:hunter2@localhost:6379", "part 1 holds '@'")]
    [InlineData("password=hunter2", "names no Redis server")]
    [InlineData(",,,", "names no Redis server")]
    [InlineData("localhost:6379,ssl=maybe,password=hunter2", "'ssl' requires a boolean value; the value 'maybe' is not recognised")]
    [InlineData("localhost:6379,foo=bar", "'foo' is not a known option")]
    [InlineData("localhost:6379,password=", "password is empty")]
    [InlineData("localhost:6379,user=,password=hunter2", "user is empty")]
    [InlineData("localhost:6379,password=hun,ter2", "part 3 is a host after an option (a password that holds ',' cannot be written")]
    [InlineData("localhost:6379,password=hun,ter=2", "part 3 is not a known option (a password that holds ','")]
    public void A_malformed_connection_string_is_refused_naming_the_problem_without_the_password(string connection, string expected)
    {
        var problem = Assert.Throws<ArgumentException>(() => RedisPositionBook.Connect(connection));

        Assert.Contains("RISK_LEDGER_CONNECTION", problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ter2", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ter=", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("risk: ")]
    [InlineData(" risk:")]
    [InlineData("risk:\n")]
    [InlineData("   ")]
    public void A_key_prefix_with_stray_white_space_is_refused_because_it_would_share_caps_with_nobody(string prefix)
    {
        var problems = new RedisPositionBookOptions { KeyPrefix = prefix }.Validate();

        Assert.Contains(problems, static p => p.StartsWith("KeyPrefix", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => RedisPositionBook.Connect("127.0.0.1:1", new RedisPositionBookOptions { KeyPrefix = prefix }));
    }

    [Fact]
    public void An_owner_id_with_spaces_or_colons_is_fine_but_one_with_a_line_break_is_refused()
    {
        Assert.Empty(new RedisPositionBookOptions { OwnerId = "bot 7:nse-writer" }.Validate());

        var problem = Assert.Single(new RedisPositionBookOptions { OwnerId = "bot-7\nERROR fake line" }.Validate());

        Assert.Contains("OwnerId", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", problem, StringComparison.Ordinal);
    }

    [LedgerFact]
    public void Every_problem_of_the_connection_string_is_listed_at_once()
    {
        var problem = Assert.Throws<ArgumentException>(() => RedisPositionBook.Connect("localhost:abc,ssl=maybe,foo=bar"));

        Assert.Contains("'localhost:abc' is not host:port", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'maybe'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'foo' is not a known option", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:{0},password=a=b")]
    [InlineData("127.0.0.1:{0}, abortConnect=false ,ssl=false")]
    [InlineData(" 127.0.0.1:{0} ,connectTimeout=2000")]
    public void A_well_formed_connection_string_connects(string pattern)
    {
        var connection = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, _fixture.Server.Port);

        using var book = RedisPositionBook.Connect(connection, new RedisPositionBookOptions { KeyPrefix = RedisServerFixture.UniquePrefix(), OperationTimeout = TimeSpan.FromSeconds(5) });

        Assert.True(Answered.First(() => book.TryReserve("NSE", 1), static r => r.Status == ReserveStatus.Unavailable).IsReserved);
    }

    [LedgerFact]
    public void A_redis_that_wants_a_password_refuses_entries_and_says_authentication_failed()
    {
        using var server = new RedisServer();
        using (var admin = ConnectionMultiplexer.Connect(server.ConnectionString + ",allowAdmin=true"))
        {
            admin.GetServer(admin.GetEndPoints()[0]).Execute("CONFIG", "SET", "requirepass", Secret);
        }

        var log = new ListLogger();
        using var book = RedisPositionBook.Connect(server.ConnectionString + ",password=wrong-" + Secret, new RedisPositionBookOptions { KeyPrefix = RedisServerFixture.UniquePrefix() }, log);

        Assert.Equal(ReserveStatus.Unavailable, book.TryReserve("NSE", 2).Status);
        var failure = log.WaitFor(1114, "AuthenticationFailure");
        Assert.Contains("NOAUTH", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, string.Join("\n", log.Lines), StringComparison.Ordinal);
    }

    [LedgerFact]
    public void A_server_that_is_not_redis_refuses_entries_and_says_the_connection_failed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var http = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), stop.Token);
            }
        });
        var log = new ListLogger();

        using (var book = RedisPositionBook.Connect("127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port, new RedisPositionBookOptions { OperationTimeout = TimeSpan.FromMilliseconds(300) }, log))
        {
            Assert.Equal(ReserveStatus.Unavailable, book.TryReserve("NSE", 2).Status);
            Assert.Contains("127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port, log.WaitFor(1114), StringComparison.Ordinal);
            Assert.True(book.GetCounts("NSE").Unavailable);
        }

        stop.Cancel();
    }

    private sealed class ListLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string[] Lines => _lines.ToArray();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue($"{eventId.Id} {formatter(state, exception)} {exception?.Message}");

        public string WaitFor(int eventId, string containing = "")
        {
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                if (Lines.FirstOrDefault(line => line.StartsWith(eventId + " ", StringComparison.Ordinal) && line.Contains(containing, StringComparison.Ordinal)) is { } line)
                {
                    return line;
                }

                Thread.Sleep(50);
            }

            Assert.Fail($"event {eventId} was not logged within 20 s; logged: {string.Join(" | ", Lines)}");
            return string.Empty;
        }
    }
}
