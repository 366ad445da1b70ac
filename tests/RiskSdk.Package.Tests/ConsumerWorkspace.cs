using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace RiskSdk.Package.Tests;

/// <summary>
/// Packs RiskSdk and its companion packages once, with a version no earlier run used, into a temporary feed, and lays out
/// throwaway consumer projects that restore the RiskSdk packages only from that feed (package source mapping) and
/// everything else from nuget.org.
/// </summary>
public sealed class ConsumerWorkspace : IDisposable
{
    public ConsumerWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("risksdk-consumers-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Version = $"{VersionPrefix}-ci.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        // The packs build this run's version into the workspace's own artifacts folder (per project: bin/<name>, obj/<name>),
        // never into the repository's bin/ and obj/: the other test projects of the same `dotnet test` run load those
        // assemblies while this runs, and a pack writing a differently-versioned RiskSdk.dll there mid-run made
        // PackageVersionTests see two versions.
        var artifacts = Path.Combine(Root, "artifacts") + Path.DirectorySeparatorChar;
        var packOutput = new System.Text.StringBuilder();
        foreach (var package in Packages)
        {
            // One after another: a pack builds the projects it references, so two at once would race on their obj/.
            var (exitCode, output) = DotNetCli.DotNet(RepositoryRoot, "pack", $"src/{package}/{package}.csproj", "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={artifacts}");
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {package} failed:\n" + output);
            }

            packOutput.AppendLine(output);
        }

        PackOutput = packOutput.ToString();
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="RiskSdk" /><package pattern="RiskSdk.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    /// <summary>The packages packed into the feed, each from <c>src/{id}/{id}.csproj</c>.</summary>
    public static IReadOnlyList<string> Packages { get; } = ["RiskSdk", "RiskSdk.Hosting", "RiskSdk.Redis", "RiskSdk.Redis.Hosting", "RiskSdk.AspNetCore"];

    public static string RepositoryRoot { get; } = RiskSdk.Testing.RepositoryRoot.Path;

    /// <summary>The version every package under src/ is built with, read from src/Directory.Build.props (where it is said once).</summary>
    public static string VersionPrefix { get; } =
        (string?)XDocument.Load(Path.Combine(RepositoryRoot, "src", "Directory.Build.props")).Descendants("VersionPrefix").SingleOrDefault()
        ?? throw new InvalidOperationException("src/Directory.Build.props declares no VersionPrefix.");

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackOutput { get; }

    /// <summary>
    /// Writes a consumer project named <paramref name="name"/> from the template (sources given replace or add to the
    /// template's) and returns its folder. The project references <paramref name="package"/> (at this run's version) and
    /// nothing else of RiskSdk's.
    /// </summary>
    public string CreateApp(string name, string targetFramework = "net10.0", string extraProperties = "", string extraItems = "", string package = "RiskSdk", params (string File, string Text)[] extraSources)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
        var template = Path.Combine(AppContext.BaseDirectory, "Consumer");
        var project = File.ReadAllText(Path.Combine(template, "App.csproj.template"))
            .Replace("$(ConsumerTargetFramework)", targetFramework, StringComparison.Ordinal)
            .Replace("$(RiskSdkPackage)", package, StringComparison.Ordinal)
            .Replace("$(RiskSdkVersion)", Version, StringComparison.Ordinal)
            .Replace("<!--EXTRA-PROPERTIES-->", extraProperties, StringComparison.Ordinal)
            .Replace("<!--EXTRA-ITEMS-->", extraItems, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), project);
        foreach (var source in Directory.GetFiles(template, "*.cs"))
        {
            File.Copy(source, Path.Combine(directory, Path.GetFileName(source)));
        }

        foreach (var (file, text) in extraSources)
        {
            File.WriteAllText(Path.Combine(directory, file), text);
        }

        return directory;
    }

    public void Dispose()
    {
        TryDelete(Root);
        var cached = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in Packages)
        {
            TryDelete(Path.Combine(cached, package.ToLowerInvariant(), Version.ToLowerInvariant()));
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the next run uses a new version and folder.
        }
    }
}
