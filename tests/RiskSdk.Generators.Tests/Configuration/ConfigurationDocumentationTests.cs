using System;
using System.IO;
using System.Text;
using RiskSdk.Configuration;
using Xunit;
using Xunit.Sdk;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>docs/configuration.md is generated from the generated description of the standard settings and must stay in sync with it.</summary>
public sealed class ConfigurationDocumentationTests
{
    private const string Regenerate = "UPDATE_DOCS=1 dotnet test tests/RiskSdk.Generators.Tests --filter ConfigurationDocumentationTests";

    internal static string Render() =>
        "# Configuration\n\n" +
        "<!-- Generated from TrackerSettings.Variables by ConfigurationDocumentationTests; do not edit by hand. Regenerate: " + Regenerate + " -->\n\n" +
        "An app gets every variable below under its own prefix by declaring one class:\n\n" +
        "```csharp\n" +
        "[EnvironmentSettings(\"OI_TRACKER_\"), AutoExecSettings]\n" +
        "public partial class TrackerSettings;\n\n" +
        "var result = TrackerSettings.BindFromEnvironment();   // or Bind(IReadOnlyDictionary), Bind(IConfiguration)\n" +
        "if (!result.TryGetSettings(out var settings))\n" +
        "{\n" +
        "    foreach (var problem in result.Problems) Console.Error.WriteLine(problem);\n" +
        "    return 78; // EX_CONFIG\n" +
        "}\n\n" +
        "var risk = settings.ToRiskSettings();\n" +
        "```\n\n" +
        "Rules that hold for every variable:\n\n" +
        "- Numbers use the invariant culture (`0.95`, never `0,95`); trailing text (`0.95x`, `5min`), a control character (even a trailing NUL), NaN, infinity and overflow are errors.\n" +
        "- Durations are seconds (`1.5` is allowed) and are never negative.\n" +
        "- Booleans accept `true`/`false`, `1`/`0`, `yes`/`no` in any case; enum values are their names in any case.\n" +
        "- An optional variable set to the empty string is off (null); any other empty variable is an error.\n" +
        "- `RISK_PROFILE` supplies the open-position caps, the high-confidence threshold and both cooldowns; a variable that is set overrides its profile value.\n" +
        "- Binding never throws for bad values: it reports every problem at once (variable, value, what was expected; secrets masked; a value shown on one line, control characters escaped, at most 100 characters) and returns no settings when any is an error.\n" +
        "- An unknown variable close to a known name gets a \"did you mean\" warning: a typo anywhere, the prefix included (`OI_TRACKR_AUTO_EXEC_ENABLED`), a word left out (`OI_TRACKER_MAX_OPEN_POSITIONS`), the prefix left out (`AUTO_EXEC_ENABLED`), or another case where keys match ignoring case (IConfiguration, Windows: it is applied). Where names are case-sensitive (Linux) a known name in another case is an error, unless the exact name is set to the same value: `oi_tracker_auto_exec_enabled=false` is another variable, which would be ignored and leave trading on.\n\n" +
        "## Variables (prefix `" + TrackerSettings.VariablePrefix + "`)\n\n" +
        ConfigurationReference.ToMarkdown(TrackerSettings.Variables);

    [Fact]
    public void The_configuration_document_matches_the_generated_description()
    {
        var path = Path.Combine(RiskSdk.Testing.RepositoryRoot.Path, "docs", "configuration.md");
        var expected = Render();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected, new UTF8Encoding(false));
            return;
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "(missing)";
        if (actual != expected)
        {
            throw new XunitException($"{path} is stale: it no longer matches TrackerSettings.Variables. Regenerate it with: {Regenerate}");
        }
    }

    [Fact]
    public void The_reference_table_marks_secrets_and_conditions()
    {
        var table = ConfigurationReference.ToMarkdown(TrackerSettings.Variables);

        Assert.Contains("| `OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS` | integer | `2` | 0 to 1000 | The open-position cap per exchange at normal confidence. RISK_PROFILE supplies it when unset (conservative 1, aggressive 3). |", table, StringComparison.Ordinal);
        Assert.Contains("| `OI_TRACKER_RISK_LEDGER_CONNECTION` | string (optional) | (not set) |  | The Redis connection string of the shared position ledger. Required when OI_TRACKER_RISK_LEDGER is redis. Secret: never printed. |", table, StringComparison.Ordinal);
        Assert.Contains("| `OI_TRACKER_RISK_PROFILE` | enum (optional) | (not set) | conservative \\| moderate \\| aggressive |", table, StringComparison.Ordinal);
    }
}
