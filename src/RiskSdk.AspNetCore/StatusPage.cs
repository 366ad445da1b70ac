using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace RiskSdk.AspNetCore;

/// <summary>
/// The live page: a small HTML shell whose script and style are served from this assembly's resources, so it needs
/// no CDN or font and runs under a Content-Security-Policy that allows nothing but this origin (sent with it).
/// The script reads the status stream and draws every exchange; it builds the page with text nodes only.
/// </summary>
internal sealed class StatusPage(bool controlMapped)
{
    /// <summary>The policy sent with the page: scripts, styles and connections from this origin only, no inline code.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Lazy<byte[]> Script = new(() => Read("RiskSdk.AspNetCore.risk.js"));
    private static readonly Lazy<byte[]> Style = new(() => Read("RiskSdk.AspNetCore.risk.css"));

    public Task WriteAsync(HttpContext http)
    {
        var request = http.Request;
        var basePath = HtmlEncoder.Default.Encode(request.PathBase.Add(request.Path).Value?.TrimEnd('/') ?? string.Empty);
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>RiskSdk status</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="{{basePath}}/assets/risk.css">
            <script src="{{basePath}}/assets/risk.js" defer></script>
            </head>
            <body data-base="{{basePath}}" data-control="{{(controlMapped ? "true" : "false")}}">
            <header>
              <h1>RiskSdk <span id="context"></span></h1>
              <span id="trading-state" class="badge">connecting</span>
              <span id="trading-reason"></span>
              <span id="ledger" class="badge"></span>
              <span id="connection" class="muted">connecting</span>
            </header>
            <main>
              <section id="control" hidden>
                <label>Reason <input id="reason" maxlength="500" placeholder="why (required)"></label>
                <button id="halt" type="button" class="danger">Halt</button>
                <button id="reduce-only" type="button">Reduce only</button>
                <button id="resume" type="button">Resume</button>
                <span id="control-result" class="muted"></span>
              </section>
              <section id="summary"></section>
              <section id="exchanges"></section>
              <section>
                <h2>Latest decisions</h2>
                <table id="decisions">
                  <thead><tr><th>#</th><th>time</th><th>exchange</th><th>outcome</th><th>band</th><th>effect</th><th>why</th></tr></thead>
                  <tbody></tbody>
                </table>
              </section>
            </main>
            </body>
            </html>
            """;
        SetHeaders(http.Response, "text/html; charset=utf-8");
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return http.Response.WriteAsync(html, http.RequestAborted);
    }

    public static Task ScriptAsync(HttpContext http)
    {
        SetHeaders(http.Response, "text/javascript; charset=utf-8");
        return http.Response.Body.WriteAsync(Script.Value, http.RequestAborted).AsTask();
    }

    public static Task StyleAsync(HttpContext http)
    {
        SetHeaders(http.Response, "text/css; charset=utf-8");
        return http.Response.Body.WriteAsync(Style.Value, http.RequestAborted).AsTask();
    }

    private static void SetHeaders(HttpResponse response, string contentType)
    {
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(StatusPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from {typeof(StatusPage).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
