namespace RiskSdk.Generators.Tests.Robustness;

/// <summary>Declarations that once crashed a generator (CS8785) or an analyzer (AD0001), next to valid ones.</summary>
internal static class RobustnessSources
{
    /// <summary>A valid settings class and a valid pipeline: their output must survive every shape below.</summary>
    public const string Valid = """
        using System.ComponentModel.DataAnnotations;
        using RiskSdk;
        using RiskSdk.Configuration;
        using RiskSdk.Gates;

        namespace Demo;

        [EnvironmentSettings("APP_")]
        public partial class GoodSettings
        {
            /// <summary>The cap.</summary>
            [Range(0, 10)]
            public int Cap { get; init; } = 2;
        }

        [GatePipeline(typeof(KillSwitchGate), typeof(PositionLimitGate))]
        public partial class GoodPipeline;
        """;

    public const string NullGateList = """
        using RiskSdk;
        using RiskSdk.Configuration;
        using RiskSdk.Gates;

        namespace Demo;

        [GatePipeline(null!)]
        public partial class NullListPipeline;
        """;

    public const string NullGate = """
        using RiskSdk;
        using RiskSdk.Configuration;
        using RiskSdk.Gates;

        namespace Demo;

        [GatePipeline(typeof(KillSwitchGate), null, typeof(PositionLimitGate))]
        public partial class NullGatePipeline;
        """;

    public const string RequiredWhenArray = """
        using RiskSdk;
        using RiskSdk.Configuration;
        using RiskSdk.Gates;

        namespace Demo;

        public enum Venue { Nse, Bse, Mcx }

        [EnvironmentSettings("VENUE_")]
        public partial class VenueSettings
        {
            public Venue Venue { get; init; }

            [RequiredWhen(nameof(Venue), new[] { Venue.Bse, Venue.Mcx })]
            public string? Account { get; init; }
        }
        """;

    public const string FileLocal = """
        using RiskSdk;
        using RiskSdk.Configuration;
        using RiskSdk.Gates;

        namespace Demo;

        [EnvironmentSettings("LOCAL_")]
        file partial class LocalSettings
        {
            public int Count { get; init; }
        }

        [GatePipeline(typeof(PositionLimitGate))]
        file partial class LocalPipeline;

        file static class Outer
        {
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class NestedPipeline;
        }
        """;

    public static readonly string[] Shapes = { NullGateList, NullGate, RequiredWhenArray, FileLocal };
}
