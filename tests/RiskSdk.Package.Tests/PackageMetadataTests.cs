using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace RiskSdk.Package.Tests;

/// <summary>Every RiskSdk package carries the same metadata (src/Directory.Build.props) and a README of its own.</summary>
[Collection(PackedRiskSdk.Name)]
public sealed class PackageMetadataTests(ConsumerWorkspace workspace)
{
    private const string Repository = "https://github.com/risksdk/risksdk";

    [PackageFact]
    public void Every_package_has_the_licence_authors_repository_release_notes_symbols_and_a_readme_of_its_own()
    {
        var problems = new List<string>();
        foreach (var packageId in ConsumerWorkspace.Packages)
        {
            using var package = ZipFile.OpenRead(Path.Combine(workspace.Feed, $"{packageId}.{workspace.Version}.nupkg"));
            using var reader = new StreamReader(package.GetEntry($"{packageId}.nuspec")!.Open());
            var metadata = XDocument.Parse(reader.ReadToEnd()).Descendants().Single(e => e.Name.LocalName == "metadata");
            XElement? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);
            void Expect(string what, string? expected, string? actual)
            {
                if (expected != actual)
                {
                    problems.Add($"{packageId}: {what} is '{actual ?? "(none)"}', expected '{expected}'");
                }
            }

            Expect("license", "MIT", Element("license") is { } license && (string?)license.Attribute("type") == "expression" ? license.Value : null);
            Expect("authors", "RiskSdk contributors", Element("authors")?.Value);
            Expect("projectUrl", Repository, Element("projectUrl")?.Value);
            Expect("repository url", Repository, (string?)Element("repository")?.Attribute("url"));
            Expect("releaseNotes", Repository + "/blob/main/CHANGELOG.md", Element("releaseNotes")?.Value);
            Expect("readme", "README.md", Element("readme")?.Value);

            // The package's own README (the repository's for RiskSdk itself) opens with the package's name.
            var readme = package.GetEntry("README.md");
            using var text = readme is null ? null : new StreamReader(readme.Open());
            Expect("README.md's first line", "# " + packageId, text?.ReadLine());
            if (!File.Exists(Path.Combine(workspace.Feed, $"{packageId}.{workspace.Version}.snupkg")))
            {
                problems.Add($"{packageId}: no symbols package");
            }
        }

        Assert.Empty(problems);
    }

    [PackageFact]
    public void Packing_gives_no_NuGet_pack_warning()
    {
        // NU5xxx are NuGet's pack warnings (a missing readme, licence or description among them).
        Assert.DoesNotContain(": warning NU5", workspace.PackOutput, StringComparison.Ordinal);
    }
}
