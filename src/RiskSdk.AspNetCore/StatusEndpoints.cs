using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RiskSdk.Monitoring;

namespace RiskSdk.AspNetCore;

/// <summary>The status as JSON, and as a server-sent event stream of snapshots.</summary>
internal sealed class StatusEndpoints(ContextSource context, RiskEndpointOptions options)
{
    private static readonly byte[] EventPrefix = "event: status\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    public Task GetStatusAsync(HttpContext http)
    {
        var snapshot = context.Value.Monitor.GetSnapshot(options.RecentDecisions);
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(snapshot, RiskJsonContext.Default.RiskSnapshot, cancellationToken: http.RequestAborted);
    }

    public async Task StreamAsync(HttpContext http)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // The stream never ends by itself: end it when the client leaves or the app stops, so shutdown does not wait on it.
        var stopping = http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var aborted = linked.Token;
        try
        {
            await foreach (var snapshot in context.Value.Monitor.WatchAsync(options.StreamCheckInterval, options.RecentDecisions, aborted).ConfigureAwait(false))
            {
                // The JSON has no raw newline (the writer escapes them in strings), so one data line carries it.
                await response.Body.WriteAsync(EventPrefix, aborted).ConfigureAwait(false);
                await response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(snapshot, RiskJsonContext.Default.RiskSnapshot), aborted).ConfigureAwait(false);
                await response.Body.WriteAsync(EventEnd, aborted).ConfigureAwait(false);
                await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
