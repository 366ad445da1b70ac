namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>C# sources fed to the configuration generator in snapshot, incremental and robustness tests.</summary>
internal static class ConfigurationSources
{
    public const string Simple = """
        using System;
        using System.ComponentModel.DataAnnotations;
        using RiskSdk;
        using RiskSdk.Configuration;

        namespace Demo;

        [EnvironmentSettings("OI_TRACKER_")]
        public partial class TrackerSettings
        {
            /// <summary>The open-position cap per exchange at normal confidence.</summary>
            [EnvironmentVariable("AUTO_EXEC_MAX_OPEN_POSITIONS")]
            [Range(0, 1000)]
            public int MaxOpenPositions { get; init; } = 2;

            /// <summary>The cap for high-confidence signals; never below <see cref="MaxOpenPositions"/>.</summary>
            [EnvironmentVariable("AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF")]
            [Range(0, 1000)]
            [AtLeast(nameof(MaxOpenPositions))]
            public int MaxOpenPositionsHighConfidence { get; init; } = 3;

            /// <summary>Seconds between trades while positions are open.</summary>
            [Range(0, 86400)]
            public TimeSpan CooldownWithPositions { get; init; } = TimeSpan.FromSeconds(300);

            /// <summary>The largest absolute net delta; unset turns the check off.</summary>
            public double? MaxNetDelta { get; init; }

            /// <summary>The broker's API key.</summary>
            [Secret, Required]
            public string? BrokerApiKey { get; init; }

            /// <summary>The profile.</summary>
            public RiskProfile Profile { get; init; } = RiskProfile.Moderate;
        }
        """;

    public const string AutoExec = """
        using RiskSdk;
        using RiskSdk.Configuration;

        namespace Demo.Trading;

        [EnvironmentSettings("OI_TRACKER_"), AutoExecSettings]
        public partial class TrackerSettings;
        """;

    public const string NestedInGlobalNamespace = """
        using RiskSdk;
        using RiskSdk.Configuration;

        public static partial class Host
        {
            [EnvironmentSettings("APP_")]
            internal sealed partial record Settings
            {
                public bool Enabled { get; init; } = true;

                public string Name { get; init; } = "app";

                [RequiredWhen(nameof(Enabled), true)]
                public string? Endpoint { get; init; }
            }
        }
        """;
}
