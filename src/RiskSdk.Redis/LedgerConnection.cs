using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace RiskSdk.Redis;

/// <summary>
/// Runs the ledger's commands within the operation budget and turns every failure into "no answer": a Redis error,
/// a lost connection or a late answer never escapes as an exception. Tracks whether the ledger is answering so the
/// first success after a failure is logged once.
/// </summary>
internal sealed class LedgerConnection
{
    private readonly IDatabase _database;
    private readonly TimeSpan _budget;
    private readonly ILogger _logger;
    private long _failuresSinceSuccess;

    /// <summary>Creates a runner over one database.</summary>
    /// <param name="database">The database holding the ledger.</param>
    /// <param name="budget">How long one operation may take.</param>
    /// <param name="logger">Where failures are logged.</param>
    public LedgerConnection(IDatabase database, TimeSpan budget, ILogger logger)
    {
        _database = database;
        _budget = budget;
        _logger = logger;
    }

    /// <summary>Runs a script and waits for its answer within the budget.</summary>
    /// <param name="operation">The operation's name, for logs.</param>
    /// <param name="scope">The scope, for logs.</param>
    /// <param name="script">The Lua script.</param>
    /// <param name="keys">Its keys.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="lateAnswer">Called with the answer when it arrives after the budget ran out (the caller was already told there was none).</param>
    /// <returns>The script's array result, or null when the ledger did not answer in time or failed.</returns>
    public RedisResult[]? Evaluate(string operation, string scope, string script, RedisKey[] keys, RedisValue[] arguments, Action<RedisResult[]>? lateAnswer = null)
    {
        var answer = Await(operation, scope, static (database, state) => database.ScriptEvaluateAsync(state.script, state.keys, state.arguments), (script, keys, arguments), lateAnswer is null ? null : result => lateAnswer((RedisResult[])result!));
        return answer is null ? null : (RedisResult[]?)answer;
    }

    /// <summary>Reads the members of a set within the budget.</summary>
    /// <param name="operation">The operation's name, for logs.</param>
    /// <param name="key">The set.</param>
    /// <returns>The members, or null when the ledger did not answer in time or failed.</returns>
    public RedisValue[]? SetMembers(string operation, RedisKey key) =>
        Await(operation, key.ToString(), static (database, key) => database.SetMembersAsync(key), key, lateAnswer: null);

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
            RedisLedgerLog.OperationFailed(_logger, exception, "give back", string.Empty);
        }
    }

    private T? Await<T, TState>(string operation, string scope, Func<IDatabase, TState, Task<T>> start, TState state, Action<T>? lateAnswer)
        where T : class
    {
        try
        {
            var task = start(_database, state);
            if (!task.Wait(_budget))
            {
                Observe(task);
                if (lateAnswer is not null)
                {
                    task.ContinueWith(static (finished, callback) => ((Action<T>)callback!)(finished.Result), lateAnswer, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                }

                Interlocked.Increment(ref _failuresSinceSuccess);
                RedisLedgerLog.OperationTimedOut(_logger, operation, scope, _budget.TotalMilliseconds);
                return null;
            }

            var result = task.Result;
            if (Interlocked.Read(ref _failuresSinceSuccess) > 0 && Interlocked.Exchange(ref _failuresSinceSuccess, 0) is var failures and > 0)
            {
                RedisLedgerLog.LedgerRestored(_logger, failures);
            }

            return result;
        }
        catch (Exception exception) when (IsLedgerFailure(exception))
        {
            Interlocked.Increment(ref _failuresSinceSuccess);
            RedisLedgerLog.OperationFailed(_logger, exception is AggregateException { InnerException: { } inner } ? inner : exception, operation, scope);
            return null;
        }
    }

    private static bool IsLedgerFailure(Exception exception) =>
        exception is AggregateException or RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException;

    private static void Observe(Task task) =>
        task.ContinueWith(static finished => _ = finished.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
