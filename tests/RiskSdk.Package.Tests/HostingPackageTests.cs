using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace RiskSdk.Package.Tests;

/// <summary>
/// RiskSdk.Hosting (and RiskSdk.Redis.Hosting) consumed from the feed with one PackageReference: RiskSdk comes with it,
/// generators and build assets included; RiskSdk.Hosting brings only the 8.0.x abstractions a net8.0 host already has, and
/// neither it nor RiskSdk.Redis depends on the other.
/// </summary>
[Collection(PackedRiskSdk.Name)]
public sealed class HostingPackageTests(ConsumerWorkspace workspace)
{
    /// <summary>A Generic Host app: generated settings from configuration, the generated pipeline from DI.</summary>
    private const string HostedProgram = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using RiskSdk;
        using RiskSdk.Gates;

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["DESK_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "1" });
        builder.Services.AddRiskSdk<DeskSettings>().AddPipeline<DeskPipeline>();

        using var host = builder.Build();
        await host.StartAsync();
        var pipeline = host.Services.GetRequiredService<IRiskPipeline>();
        var broker = new PaperBroker();
        var intent = new TradeIntent { Exchange = "NSE", Side = TradeSide.Buy, Confidence = 0.91, KellyFraction = 0.22, Lots = 2 };

        var first = pipeline.Evaluate(in intent);
        if (!first.IsApproved)
        {
            Console.WriteLine("hosted: first " + first.Message);
            return 1;
        }

        first.Reservation.Commit(broker.PlaceOrder(intent));
        var second = pipeline.Evaluate(in intent);
        using var unused = second.Reservation;
        Console.WriteLine($"hosted: first approved, second {second.Reason}, {pipeline.Context.Book.GetCounts("NSE").Open} open on NSE");
        await host.StopAsync();
        return 0;

        """ + DeskTypes.Source;

    [PackageFact]
    public void The_hosting_package_depends_on_RiskSdk_with_its_analyzers_and_build_assets_and_on_8_0_abstractions_only()
    {
        using var package = ZipFile.OpenRead(Path.Combine(workspace.Feed, $"RiskSdk.Hosting.{workspace.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("lib/net8.0/RiskSdk.Hosting.dll", entries);
        Assert.Contains("lib/net10.0/RiskSdk.Hosting.dll", entries);
        Assert.Contains("lib/net10.0/RiskSdk.Hosting.xml", entries);

        var dependencies = Dependencies("RiskSdk.Hosting");
        var risk = Assert.Single(dependencies.Where(d => d.Id == "RiskSdk").Distinct());
        Assert.Equal(workspace.Version, risk.Version);
        Assert.True(string.IsNullOrEmpty(risk.Exclude), $"RiskSdk's assets are excluded ({risk.Exclude}): an app referencing only RiskSdk.Hosting would get no generators");
        Assert.All(dependencies.Where(d => d.Id != "RiskSdk"), d =>
        {
            Assert.StartsWith("Microsoft.Extensions.", d.Id, StringComparison.Ordinal);
            Assert.StartsWith("8.0.", d.Version, StringComparison.Ordinal);
        });
    }

    /// <summary>The dependencies a packed package declares, over every target framework.</summary>
    private List<(string Id, string Version, string? Exclude)> Dependencies(string packageId)
    {
        using var package = ZipFile.OpenRead(Path.Combine(workspace.Feed, $"{packageId}.{workspace.Version}.nupkg"));
        using var nuspec = new StreamReader(package.GetEntry($"{packageId}.nuspec")!.Open());
        return XDocument.Parse(nuspec.ReadToEnd()).Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .Select(e => (Id: (string)e.Attribute("id")!, Version: (string)e.Attribute("version")!, Exclude: (string?)e.Attribute("exclude")))
            .ToList();
    }

    [PackageFact]
    public void A_generic_host_referencing_only_the_hosting_package_runs_the_generated_pipeline_from_DI()
    {
        var app = workspace.CreateApp(
            "hosted",
            package: "RiskSdk.Hosting",
            extraItems: """<PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.15" />""",
            extraSources: ("Program.cs", HostedProgram));

        var (exitCode, output) = DotNetCli.DotNet(app, "run", "-c", "Release");

        Assert.True(exitCode == 0, output);
        Assert.Contains("hosted: first approved, second PositionLimitReached, 1 open on NSE", output, StringComparison.Ordinal);
    }

    [PackageFact]
    public void The_ledger_and_the_host_depend_on_RiskSdk_only_and_the_redis_hosting_package_joins_them()
    {
        Assert.Equal(new[] { "RiskSdk", "StackExchange.Redis" }, Dependencies("RiskSdk.Redis").Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Dependencies("RiskSdk.Hosting"), d => d.Id.StartsWith("RiskSdk.", StringComparison.Ordinal));

        var joined = Dependencies("RiskSdk.Redis.Hosting").Where(d => d.Id.StartsWith("RiskSdk", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(new[] { "RiskSdk.Hosting", "RiskSdk.Redis" }, joined.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(joined, d => Assert.True(string.IsNullOrEmpty(d.Exclude), $"{d.Id}'s assets are excluded ({d.Exclude})"));
    }

    [PackageFact]
    public void A_net8_host_on_the_redis_ledger_builds_without_a_warning()
    {
        var program = HostedProgram.Replace(
            ".AddPipeline<DeskPipeline>();",
            ".AddPipeline<DeskPipeline>().UseRedisLedger();",
            StringComparison.Ordinal);
        var app = workspace.CreateApp(
            "hosted-redis-net8",
            targetFramework: "net8.0",
            package: "RiskSdk.Redis.Hosting",
            extraItems: """<PackageReference Include="Microsoft.Extensions.Hosting" Version="8.0.1" />""",
            extraSources: ("Program.cs", program));

        var (exitCode, output) = DotNetCli.DotNet(app, "build", "-c", "Release");

        Assert.True(exitCode == 0, output);
        Assert.Contains("0 Warning(s)", output, StringComparison.Ordinal);
    }

    [PackageFact]
    public void Through_the_hosting_package_RiskSdk_build_assets_reach_the_app_an_order_API_listed_in_a_symbols_file_unguarded_is_RISK001()
    {
        // build/RiskSdk.props makes RiskSdk.OrderPlacement.txt an AdditionalFile; without it the analyzer never sees the list.
        const string Vendor = """
            namespace Vendor;

            public static class Wire
            {
                public static void Send(string order) => System.Console.WriteLine(order);
            }

            internal static class Unguarded
            {
                public static void Run() => Wire.Send("NSE");
            }
            """;
        var app = workspace.CreateApp(
            "hosted-symbols",
            package: "RiskSdk.Hosting",
            extraItems: """<PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.15" />""",
            extraSources: [("Program.cs", HostedProgram), ("Vendor.cs", Vendor), ("RiskSdk.OrderPlacement.txt", "M:Vendor.Wire.Send(System.String)\n")]);

        var (exitCode, output) = DotNetCli.DotNet(app, "build", "-c", "Release");

        Assert.NotEqual(0, exitCode);
        Assert.True(output.Split('\n').Any(line => line.Contains("Vendor.cs(10,", StringComparison.Ordinal) && line.Contains("error RISK001", StringComparison.Ordinal)), output);
    }

    [PackageFact]
    public void A_net8_host_on_the_8_0_hosting_packages_builds_without_a_warning()
    {
        var app = workspace.CreateApp(
            "hosted-net8",
            targetFramework: "net8.0",
            package: "RiskSdk.Hosting",
            extraItems: """<PackageReference Include="Microsoft.Extensions.Hosting" Version="8.0.1" />""",
            extraSources: ("Program.cs", HostedProgram));

        var (exitCode, output) = DotNetCli.DotNet(app, "build", "-c", "Release");

        Assert.True(exitCode == 0, output);
        Assert.Contains("0 Warning(s)", output, StringComparison.Ordinal);
    }
}
