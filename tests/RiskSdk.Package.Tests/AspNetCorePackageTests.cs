using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace RiskSdk.Package.Tests;

/// <summary>
/// RiskSdk.AspNetCore consumed from the feed with one PackageReference, in a plain <c>Microsoft.NET.Sdk</c> console
/// project: the package brings the ASP.NET Core shared framework, RiskSdk.Hosting and RiskSdk (generators included),
/// and a web app maps the status, the page and the control endpoints and answers them over real HTTP.
/// </summary>
[Collection(PackedRiskSdk.Name)]
public sealed class AspNetCorePackageTests(ConsumerWorkspace workspace)
{
    /// <summary>
    /// A web app on a loopback port chosen by the system: one approved and filled entry, then its own status, page and
    /// halt endpoints asked over HTTP, then one more entry, which the halt refuses.
    /// </summary>
    private const string WebProgram = """
        using System.Net.Http.Json;
        using System.Text.Json;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;
        using RiskSdk;
        using RiskSdk.Gates;

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddRiskSdk<DeskSettings>().AddPipeline<DeskPipeline>();
        await using var app = builder.Build();
        app.MapRiskSdk("/risk", options => options.AllowLoopbackControlWithoutAuthorization = true);
        await app.StartAsync();

        var pipeline = app.Services.GetRequiredService<IRiskPipeline>();
        var intent = new TradeIntent { Exchange = "NSE", Side = TradeSide.Buy, Confidence = 0.91, KellyFraction = 0.22, Lots = 2 };
        var first = pipeline.Evaluate(in intent);
        if (!first.IsApproved)
        {
            Console.WriteLine("web: first " + first.Message);
            return 1;
        }

        first.Reservation.Commit(new PaperBroker().PlaceOrder(intent));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var status = JsonDocument.Parse(await http.GetStringAsync("/risk/status"));
        var nse = status.RootElement.GetProperty("exchanges").EnumerateArray().Single(e => e.GetProperty("exchange").GetString() == "NSE");
        using var page = await http.GetAsync("/risk");
        using var halt = await http.PostAsJsonAsync("/risk/trading/halt", new { reason = "package test" });
        var second = pipeline.Evaluate(in intent);
        using var unused = second.Reservation;
        Console.WriteLine($"web: status NSE {nse.GetProperty("open").GetInt32()} open ({nse.GetProperty("openPositionIds")[0].GetString()}), page {(int)page.StatusCode} {page.Content.Headers.ContentType?.MediaType}, halt {(int)halt.StatusCode}, then {second.Reason}");
        await app.StopAsync();
        return 0;

        """ + DeskTypes.Source;

    [PackageFact]
    public void The_aspnetcore_package_carries_the_shared_framework_reference_and_depends_on_the_hosting_package_with_its_assets()
    {
        using var package = ZipFile.OpenRead(Path.Combine(workspace.Feed, $"RiskSdk.AspNetCore.{workspace.Version}.nupkg"));
        Assert.Contains("lib/net10.0/RiskSdk.AspNetCore.dll", package.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(package.GetEntry("RiskSdk.AspNetCore.nuspec")!.Open());
        var nuspec = XDocument.Parse(reader.ReadToEnd());

        Assert.Contains("Microsoft.AspNetCore.App", nuspec.Descendants().Where(e => e.Name.LocalName == "frameworkReference").Select(e => (string?)e.Attribute("name")));
        var hosting = Assert.Single(nuspec.Descendants(), e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "RiskSdk.Hosting");
        Assert.Equal(workspace.Version, (string?)hosting.Attribute("version"));
        Assert.True(string.IsNullOrEmpty((string?)hosting.Attribute("exclude")), $"RiskSdk.Hosting's assets are excluded ({hosting.Attribute("exclude")}): an app referencing only RiskSdk.AspNetCore would get no generators");
    }

    [PackageFact]
    public void A_web_app_referencing_only_the_aspnetcore_package_serves_the_status_the_page_and_a_halt_that_stops_the_next_entry()
    {
        var app = workspace.CreateApp("web", package: "RiskSdk.AspNetCore", extraSources: ("Program.cs", WebProgram));

        var (exitCode, output) = DotNetCli.DotNet(app, "run", "-c", "Release");

        Assert.True(exitCode == 0, output);
        Assert.Contains("web: status NSE 1 open (NSE-1), page 200 text/html, halt 200, then TradingHalted", output, StringComparison.Ordinal);
    }
}
