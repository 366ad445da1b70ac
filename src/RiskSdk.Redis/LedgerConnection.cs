using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace RiskSdk.Redis;

/// <summary>
/// Runs the ledger's commands within the operation budget and turns every failure into "no answer": a Redis error,
/// a lost connection or a late answer never escapes as an exception. Each caller waits on its own command, never on
/// another caller, so any number of threads each answer within the budget.
/// </summary>
/// <remarks>
/// The ledger is known not to answer, and a command is not even sent, while the client reports the connection down
/// or while a command sent earlier is still unanswered past its budget: Redis answers the commands of one
/// connection in order, so nothing sent after an overdue command can be answered before it. A frozen server
/// therefore costs the first caller the budget and every caller after it nothing.
/// Failures are logged as an outage: the first with its exception, then a summary at most every
/// <see cref="SummaryInterval"/>, then one line when the ledger answers again.
/// </remarks>
internal sealed class LedgerConnection
{
    /// <summary>The least time between two summaries of failures during one outage.</summary>
    public static readonly TimeSpan SummaryInterval = TimeSpan.FromSeconds(10);

    private readonly IConnectionMultiplexer _multiplexer;
    private readonly IDatabase _database;
    private readonly TimeSpan _budget;
    private readonly ILogger _logger;
    private readonly object _outageLock = new();
    private int _overdue;
    private long _failuresSinceSuccess;
    private long _failuresSinceSummary;
    private long _lastSummary;
    private readonly string? _password;
    private int _reportedFailures;

    /// <summary>Creates a runner over one database.</summary>
    /// <param name="multiplexer">The connection.</param>
    /// <param name="database">The database holding the ledger.</param>
    /// <param name="budget">How long one operation may take.</param>
    /// <param name="logger">Where failures are logged.</param>
    public LedgerConnection(IConnectionMultiplexer multiplexer, int database, TimeSpan budget, ILogger logger)
    {
        _multiplexer = multiplexer;
        _database = multiplexer.GetDatabase(database);
        _budget = budget;
        _logger = logger;
        _password = PasswordOf(multiplexer);
        multiplexer.ConnectionFailed += OnConnectionFailed;
    }

    /// <summary>Stops listening to the connection's failures (the book is disposed; the connection may live on).</summary>
    public void Detach() => _multiplexer.ConnectionFailed -= OnConnectionFailed;

    /// <summary>
    /// Says why the connection failed (refused, authentication, a server that does not speak Redis, ...), once per kind
    /// of failure until the ledger answers again: "not answering" alone would leave a wrong password looking like an
    /// outage. The message never holds the password.
    /// </summary>
    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs failure)
    {
        var bit = 1 << Math.Clamp((int)failure.FailureType, 0, 30);
        int reported;
        do
        {
            reported = Volatile.Read(ref _reportedFailures);
            if ((reported & bit) != 0)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _reportedFailures, reported | bit, reported) != reported);

        var message = failure.Exception?.Message ?? string.Empty;
        if (!string.IsNullOrEmpty(_password))
        {
            message = message.Replace(_password, "***", StringComparison.Ordinal);
        }

        RedisLedgerLog.ConnectionFailed(_logger, failure.FailureType.ToString(), failure.EndPoint?.ToString() ?? "?", message);
    }

    /// <summary>
    /// Says why the first connection did not come up, from the client's connect log (its password is masked there):
    /// the client raises no failure event for a connection that was never established.
    /// </summary>
    /// <param name="connectLog">What the client wrote while connecting.</param>
    public void ReportFirstConnectionFailed(string connectLog)
    {
        const string Marker = "Connection failed: ";
        // Every distinct failure the client saw (the interactive connection's AuthenticationFailure and the subscription's
        // UnableToConnect, say), each with the server's own words when the log gives them on the next line.
        var failures = new List<string>();
        var lines = connectLog.Split('\n');
        for (var i = 0; i < lines.Length && failures.Count < 4; i++)
        {
            var at = lines[i].IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var failure = lines[i][(at + Marker.Length)..].Trim();
            if (i + 1 < lines.Length && lines[i + 1].IndexOf("> ", StringComparison.Ordinal) is var detail and >= 0)
            {
                failure += " " + lines[i + 1][(detail + 2)..].Trim();
            }

            if (!failures.Contains(failure))
            {
                failures.Add(failure);
            }
        }

        var reason = failures.Count > 0
            ? string.Join(" | ", failures)
            : "no connection was established (nothing answered at the address, or it did not answer as Redis)";
        if (!string.IsNullOrEmpty(_password))
        {
            reason = reason.Replace(_password, "***", StringComparison.Ordinal);
        }

        var endpoints = string.Join(", ", (IEnumerable<System.Net.EndPoint>)_multiplexer.GetEndPoints());
        RedisLedgerLog.ConnectionFailed(_logger, "at start", endpoints, reason);
    }

    private static string? PasswordOf(IConnectionMultiplexer multiplexer)
    {
        try
        {
            return ConfigurationOptions.Parse(multiplexer.Configuration).Password;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// False while the connection is known down or a command is overdue: an operation started now cannot be answered
    /// in time, so callers refuse at once.
    /// </summary>
    public bool IsAnswering => Volatile.Read(ref _overdue) == 0 && _multiplexer.IsConnected;

    /// <summary>Runs a script and waits for its answer within the budget.</summary>
    /// <param name="operation">The operation's name, for logs.</param>
    /// <param name="scope">The scope, for logs.</param>
    /// <param name="script">The Lua script.</param>
    /// <param name="keys">Its keys.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="lateAnswer">Called with the answer when it arrives after the budget ran out (the caller was already told there was none).</param>
    /// <returns>The script's array result, or null when the ledger did not answer in time, failed, or is known not to answer.</returns>
    public RedisResult[]? Evaluate(string operation, string scope, string script, RedisKey[] keys, RedisValue[] arguments, Action<RedisResult[]>? lateAnswer = null)
    {
        var answer = Await(operation, scope, static (database, state) => database.ScriptEvaluateAsync(state.script, state.keys, state.arguments), (script, keys, arguments), lateAnswer is null ? null : result => lateAnswer((RedisResult[])result!));
        return answer is null ? null : (RedisResult[]?)answer;
    }

    /// <summary>Reads the members of a set within the budget.</summary>
    /// <param name="operation">The operation's name, for logs.</param>
    /// <param name="key">The set.</param>
    /// <returns>The members, or null when the ledger did not answer in time, failed, or is known not to answer.</returns>
    public RedisValue[]? SetMembers(string operation, RedisKey key) =>
        Await(operation, key.ToString(), static (database, key) => database.SetMembersAsync(key), key, lateAnswer: null);

    /// <summary>Reads the members of a sorted set, lowest score first, within the budget.</summary>
    /// <param name="operation">The operation's name, for logs.</param>
    /// <param name="key">The sorted set.</param>
    /// <returns>The members, or null when the ledger did not answer in time, failed, or is known not to answer.</returns>
    public RedisValue[]? SortedSetMembers(string operation, RedisKey key) =>
        Await(operation, key.ToString(), static (database, key) => database.SortedSetRangeByRankAsync(key), key, lateAnswer: null);

    /// <summary>Reads fields of a hash within the budget.</summary>
    /// <param name="operation">The operation's name, for logs.</param>
    /// <param name="key">The hash.</param>
    /// <param name="fields">The fields, in the order their values are returned.</param>
    /// <returns>The values (null for an absent field), or null when the ledger did not answer in time, failed, or is known not to answer.</returns>
    public RedisValue[]? HashGet(string operation, RedisKey key, RedisValue[] fields) =>
        Await(operation, key.ToString(), static (database, state) => database.HashGetAsync(state.key, state.fields), (key, fields), lateAnswer: null);

    /// <summary>Runs a script without waiting (best effort, for giving back a slot nobody will use).</summary>
    /// <param name="script">The Lua script.</param>
    /// <param name="keys">Its keys.</param>
    /// <param name="arguments">Its arguments.</param>
    public void FireAndForget(string script, RedisKey[] keys, RedisValue[] arguments)
    {
        try
        {
            Observe(_database.ScriptEvaluateAsync(script, keys, arguments));
        }
        catch (Exception exception) when (IsLedgerFailure(exception))
        {
            Failed(exception, "give back", string.Empty);
        }
    }

    private T? Await<T, TState>(string operation, string scope, Func<IDatabase, TState, Task<T>> start, TState state, Action<T>? lateAnswer)
        where T : class
    {
        if (!IsAnswering)
        {
            Failed(exception: null, operation, scope);
            return null;
        }

        try
        {
            var task = start(_database, state);
            if (!task.Wait(_budget))
            {
                // The late answer is handled before the command stops counting as overdue, so nothing sent after it
                // (a replay of the same operation, say) runs before its answer is known.
                Interlocked.Increment(ref _overdue);
                task.ContinueWith(
                    (finished, callback) =>
                    {
                        try
                        {
                            if (finished.IsCompletedSuccessfully)
                            {
                                ((Action<T>?)callback)?.Invoke(finished.Result);
                            }
                            else
                            {
                                _ = finished.Exception;
                            }
                        }
                        finally
                        {
                            Interlocked.Decrement(ref _overdue);
                        }
                    },
                    lateAnswer,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);

                TimedOut(operation, scope);
                return null;
            }

            var result = task.Result;
            Succeeded();
            return result;
        }
        catch (Exception exception) when (IsLedgerFailure(exception))
        {
            Failed(exception is AggregateException { InnerException: { } inner } ? inner : exception, operation, scope);
            return null;
        }
    }

    private void Succeeded()
    {
        if (Interlocked.Read(ref _failuresSinceSuccess) > 0 && Interlocked.Exchange(ref _failuresSinceSuccess, 0) is var failures and > 0)
        {
            Interlocked.Exchange(ref _failuresSinceSummary, 0);
            RedisLedgerLog.LedgerRestored(_logger, failures);
        }

        // The ledger answers: the next connection failure of any kind is news again (also after a blip no operation saw).
        if (Volatile.Read(ref _reportedFailures) != 0)
        {
            Volatile.Write(ref _reportedFailures, 0);
        }
    }

    private void TimedOut(string operation, string scope)
    {
        if (Interlocked.Increment(ref _failuresSinceSuccess) == 1)
        {
            Volatile.Write(ref _lastSummary, Stopwatch.GetTimestamp());
            RedisLedgerLog.OperationTimedOut(_logger, operation, scope, _budget.TotalMilliseconds);
            return;
        }

        Summarise();
    }

    private void Failed(Exception? exception, string operation, string scope)
    {
        if (Interlocked.Increment(ref _failuresSinceSuccess) == 1)
        {
            Volatile.Write(ref _lastSummary, Stopwatch.GetTimestamp());
            if (exception is null)
            {
                RedisLedgerLog.LedgerNotAnswering(_logger, operation, scope);
            }
            else
            {
                RedisLedgerLog.OperationFailed(_logger, exception, operation, scope);
            }

            return;
        }

        Summarise();
    }

    /// <summary>Counts a failure during an outage and logs how many there were, at most once per <see cref="SummaryInterval"/>.</summary>
    private void Summarise()
    {
        Interlocked.Increment(ref _failuresSinceSummary);
        var last = Volatile.Read(ref _lastSummary);
        if (Stopwatch.GetElapsedTime(last) < SummaryInterval)
        {
            return;
        }

        lock (_outageLock)
        {
            if (Volatile.Read(ref _lastSummary) != last)
            {
                return;
            }

            Volatile.Write(ref _lastSummary, Stopwatch.GetTimestamp());
            RedisLedgerLog.OutageContinues(_logger, Interlocked.Exchange(ref _failuresSinceSummary, 0), Interlocked.Read(ref _failuresSinceSuccess), _multiplexer.IsConnected);
        }
    }

    private static bool IsLedgerFailure(Exception exception) =>
        exception is AggregateException or RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException;

    private static void Observe(Task task) =>
        task.ContinueWith(static finished => _ = finished.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
