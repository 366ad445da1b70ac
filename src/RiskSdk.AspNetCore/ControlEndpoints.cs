using System;
using System.Globalization;
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

        if (requireLoopback && !IsLocalOrigin(http))
        {
            // A page from another site whose name was re-pointed at 127.0.0.1 (DNS rebinding) calls from this machine
            // too, but with its own name in Host, or from another origin.
            await Results.Problem(
                "Trading control is in loopback-only development mode: the request must be addressed to localhost or a loopback address (Host), from a page of this machine (Origin).",
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

        if (FirstUnprintable(reason) is { } position)
        {
            // The reason is logged and shown to every operator: a line break would forge a log line, an invisible
            // or bidirectional-override character would make it read differently from what it says.
            await Results.Problem(
                $"The reason must be plain text on one line: it holds a control or invisible formatting character at position {position + 1}.",
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

    /// <summary>The index of the first control or format (invisible) character, or null when there is none.</summary>
    private static int? FirstUnprintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var category = char.GetUnicodeCategory(text[i]);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The request names this machine in Host and, when it says where it comes from, in Origin.</summary>
    private static bool IsLocalOrigin(HttpContext http)
    {
        if (!IsLoopbackName(http.Request.Host.Host))
        {
            return false;
        }

        var origin = http.Request.Headers.Origin;
        if (origin.Count == 0)
        {
            return true;
        }

        return origin.Count == 1 && Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var uri) && IsLoopbackName(uri.Host);
    }

    private static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>A loopback address that no proxy forwarded: a proxy on the same machine would make every caller look local.</summary>
    private static bool IsLocalCaller(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address)
        && !Forwarded(http.Request.Headers);

    /// <summary>
    /// The headers a proxy sets to say whom it forwards for (nginx's usual configuration sets X-Real-IP alone; ForwardedHeaders
    /// middleware moves X-Forwarded-For to X-Original-For): any of them means the loopback address is the proxy's.
    /// </summary>
    private static readonly string[] ProxyHeaders =
    [
        "X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Original-For",
        "X-Client-IP", "True-Client-IP", "CF-Connecting-IP", "Fastly-Client-IP", "X-Cluster-Client-IP",
    ];

    private static bool Forwarded(IHeaderDictionary headers)
    {
        foreach (var header in ProxyHeaders)
        {
            if (headers.ContainsKey(header))
            {
                return true;
            }
        }

        return false;
    }
}
