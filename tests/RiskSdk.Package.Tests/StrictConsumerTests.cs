using System;

namespace RiskSdk.Package.Tests;

/// <summary>
/// RiskSdk in the strictest project shape teams use: warnings as errors, every analyzer rule on
/// (<c>AnalysisLevel=latest-all</c>), a documentation file, and settings and pipelines declared with inheritance, nested
/// types and file-local types next to them. The build has no warning at all, and the app runs.
/// </summary>
[Collection(PackedRiskSdk.Name)]
public sealed class StrictConsumerTests(ConsumerWorkspace workspace)
{
    private const string StrictProperties = """
        <AnalysisLevel>latest-all</AnalysisLevel>
        <GenerateDocumentationFile>true</GenerateDocumentationFile>
        <EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>
        <ImplicitUsings>disable</ImplicitUsings>
        """;

    private const string Program = """
        using System;
        using System.Globalization;
        using RiskSdk;
        using RiskSdk.Gates;

        namespace Strict;

        /// <summary>The app.</summary>
        internal static class Program
        {
            /// <summary>Binds the settings, builds the pipeline and decides one signal.</summary>
            /// <returns>The exit code: 0, or 78 for a bad configuration.</returns>
            public static int Main()
            {
                var desk = Trading.DeskSettings.BindFromEnvironment();
                var operations = OperationsSettings.BindFromEnvironment();
                if (!desk.TryGetSettings(out var settings) || !operations.TryGetSettings(out var ops))
                {
                    foreach (var problem in desk.Problems)
                    {
                        Console.Error.WriteLine(problem);
                    }

                    return 78;
                }

                using var context = new RiskContext(settings.ToRiskSettings());
                var pipeline = new Trading.DeskPipeline(context);
                var intent = new TradeIntent { Exchange = "NSE", Side = TradeSide.Buy, Confidence = 0.91, KellyFraction = 0.22, Lots = 2 };
                var decision = pipeline.Evaluate(in intent);
                using var reservation = decision.Reservation;
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "strict: {0}, port {1}, audit {2}", Words.Outcome(decision.IsApproved), settings.Port, ops.AuditDays));
                return 0;
            }
        }

        /// <summary>A plain base class: its properties are bound by the settings class derived from it.</summary>
        internal class EndpointBase
        {
            /// <summary>The port the desk listens on.</summary>
            [System.ComponentModel.DataAnnotations.Range(1, 65535)]
            public int Port { get; init; } = 8080;
        }

        /// <summary>The desk's settings and pipeline, nested.</summary>
        internal static partial class Trading
        {
            /// <summary>The standard auto-execution settings under <c>STRICT_</c>, plus the port it inherits.</summary>
            [EnvironmentSettings("STRICT_"), AutoExecSettings]
            internal sealed partial class DeskSettings : EndpointBase;

            /// <summary>The desk's gates.</summary>
            [GatePipeline(typeof(KillSwitchGate), typeof(MinimumConfidenceGate), typeof(PositionLimitGate))]
            internal sealed partial class DeskPipeline;
        }

        /// <summary>Settings shared by every operations tool.</summary>
        [EnvironmentSettings("STRICT_BASE_")]
        internal partial class BaseOperationsSettings
        {
            /// <summary>Days of audit history to keep.</summary>
            [System.ComponentModel.DataAnnotations.Range(1, 3650)]
            public int AuditDays { get; init; } = 30;
        }

        /// <summary>A settings class derived from another settings class.</summary>
        [EnvironmentSettings("STRICT_OPS_")]
        internal sealed partial class OperationsSettings : BaseOperationsSettings
        {
            /// <summary>Whether operators get an email.</summary>
            public bool Email { get; init; }
        }

        /// <summary>Words the app prints; file-local.</summary>
        file static class Words
        {
            /// <summary>The outcome as a word.</summary>
            public static string Outcome(bool approved) => approved ? "approved" : "rejected";
        }
        """;

    [PackageFact]
    public void A_strict_project_with_inheritance_nested_and_file_local_types_builds_without_a_warning_and_runs()
    {
        var app = workspace.CreateApp("strict", extraProperties: StrictProperties, extraSources: ("Program.cs", Program));

        var (buildExit, build) = DotNetCli.DotNet(app, "build", "-c", "Release", "-warnaserror");
        var (runExit, run) = DotNetCli.DotNet(app, "run", "-c", "Release", "--no-build");

        Assert.True(buildExit == 0, build);
        Assert.Contains("0 Warning(s)", build, StringComparison.Ordinal);
        Assert.True(runExit == 0, run);
        Assert.Contains("strict: approved, port 8080, audit 30", run, StringComparison.Ordinal);
    }
}
