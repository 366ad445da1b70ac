using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RiskSdk.AspNetCore;

namespace RiskSdk.AspNetCore.Tests;

/// <summary>
/// A plain <see cref="WebApplication"/> with <c>MapRiskSdk("/risk")</c>, on the in-memory test server or on Kestrel
/// at 127.0.0.1 (for the browser). Callers authenticate with an <c>X-Test-User</c> header; the <c>risk-control</c>
/// policy wants the <c>trader</c> role (<c>X-Test-Role</c>).
/// </summary>
internal sealed class RiskTestApp : IAsyncDisposable
{
    public const string ControlPolicy = "risk-control";

    private readonly WebApplication _app;

    private RiskTestApp(WebApplication app, RiskContext context, FakeLogCollector logs, Uri address)
    {
        _app = app;
        Context = context;
        Logs = logs;
        Address = address;
    }

    public RiskContext Context { get; }

    public FakeLogCollector Logs { get; }

    public Uri Address { get; }

    public static async Task<RiskTestApp> StartAsync(
        RiskContext context,
        Action<RiskEndpointOptions>? configure = null,
        IPAddress? remoteAddress = null,
        bool kestrel = false,
        bool registerContext = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging();
        if (kestrel)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddAuthentication(HeaderAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(ControlPolicy, policy => policy.RequireAuthenticatedUser().RequireRole("trader"));
        if (registerContext)
        {
            builder.Services.AddSingleton(context);
        }

        var app = builder.Build();
        if (remoteAddress is not null)
        {
            app.Use((http, next) =>
            {
                http.Connection.RemoteIpAddress = remoteAddress;
                return next(http);
            });
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRiskSdk("/risk", options =>
        {
            if (!registerContext)
            {
                options.Context = context;
            }

            options.StreamCheckInterval = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(options);
        });
        await app.StartAsync();
        var address = kestrel
            ? new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())
            : new Uri("http://localhost");
        return new RiskTestApp(app, context, app.Services.GetFakeLogCollector(), address);
    }

    public HttpClient CreateClient(string? user = null, string? role = null)
    {
        var client = _app.Services.GetRequiredService<IServer>() is TestServer server ? server.CreateClient() : new HttpClient { BaseAddress = Address };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add("X-Test-User", user);
        }

        if (role is not null)
        {
            client.DefaultRequestHeaders.Add("X-Test-Role", role);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Context.Dispose();
    }

    /// <summary>Authenticates the name in <c>X-Test-User</c>, with the role in <c>X-Test-Role</c>; anonymous without it.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Test-User", out var user))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var claims = new[] { new Claim(ClaimTypes.Name, user.ToString()), new Claim(ClaimTypes.Role, Request.Headers["X-Test-Role"].ToString()) };
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }
    }
}
