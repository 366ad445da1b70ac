using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RiskSdk.Monitoring;

namespace RiskSdk.AspNetCore;

/// <summary>
/// Halt, reduce-only and resume. Each call needs a JSON body with a reason (so a cross-site form cannot post one),
/// is logged with who and why, and answers the switch's status after the call.
/// </summary>
internal sealed class ControlEndpoints(ContextSource context, ILogger logger, bool requireLoopback)
{
    public Task HaltAsync(HttpContext http) => MoveAsync(http, "halt", static (s, reason, who) => s.Halt(reason, who));

    public Task ReduceOnlyAsync(HttpContext http) => MoveAsync(http, "reduce-only", static (s, reason, who) => s.ReduceOnly(reason, who));

    public Task ResumeAsync(HttpContext http) => MoveAsync(http, "resume", static (s, reason, who) => s.Resume(reason, who));

    private async Task MoveAsync(HttpContext http, string action, Func<TradingSwitch, string, string, bool> move)
    {
        if (requireLoopback && !IsLocalCaller(http))
        {
            await Results.Problem(
                "Trading control is in loopback-only development mode: only callers on this machine, not forwarded by a proxy, may use it.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        if (!http.Request.HasJsonContentType())
        {
            await Results.Problem("Send the reason as JSON: {\"reason\": \"...\"} with Content-Type: application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType)
                .ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        TradingControlRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(http.Request.Body, RiskAspNetCoreJsonContext.Default.TradingControlRequest, http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            await Results.Problem("The body is not valid JSON: " + exception.Message, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > TradingControlRequest.MaxReasonLength)
        {
            await Results.Problem(
                $"A reason is required, from 1 to {TradingControlRequest.MaxReasonLength} characters: {{\"reason\": \"...\"}}.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var who = Caller(http);
        var moved = move(context.Value.Switch, reason, who);
        RiskLog.ControlCalled(logger, action, who, reason, moved);
        await http.Response.WriteAsJsonAsync(new TradingControlResult(moved, context.Value.Switch.Status), RiskAspNetCoreJsonContext.Default.TradingControlResult, cancellationToken: http.RequestAborted)
            .ConfigureAwait(false);
    }

    /// <summary>The authenticated user's name; in loopback mode, where nobody is authenticated, the caller's address.</summary>
    private static string Caller(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name
        : "unauthenticated@" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>A loopback address that no proxy forwarded: a proxy on the same machine would make every caller look local.</summary>
    private static bool IsLocalCaller(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For")
        && !http.Request.Headers.ContainsKey("Forwarded");
}
