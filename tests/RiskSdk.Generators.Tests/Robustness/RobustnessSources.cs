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

    /// <summary>Session 10's shapes: keyword enum members, TimeSpan defaults the parser evaluates, ranges it refuses, clashing names.</summary>
    public const string EdgeShapes = """
        using System;
        using System.ComponentModel.DataAnnotations;
        using RiskSdk;
        using RiskSdk.Configuration;

        namespace Demo;

        public enum Side { @class, @int, Flat }

        [EnvironmentSettings("EDGE_")]
        public partial class EdgeSettings
        {
            public Side Side { get; init; } = Side.@int;
            [RequiredWhen(nameof(Side), Side.@class)] public string? Account { get; init; }
            [Range(0, 600)] public TimeSpan A { get; init; } = TimeSpan.FromMinutes(5);
            [Range(0, 600)] public TimeSpan B { get; init; } = new TimeSpan(0, 5, 0);
            [Range(0, 600)] public TimeSpan C { get; init; } = new(3000000000L);
            [Range(0, 600)] public TimeSpan D { get; init; } = TimeSpan.Zero;
            [Secret] public int Pin { get; init; } = 1;
        }

        [EnvironmentSettings("BAD_")]
        public partial class BadSettings
        {
            [Range(0, 10)] public string? Name { get; init; }
            [Range(10, 0), Required] public int? Cap { get; init; }
            private static int s_variables;
            public int Validate { get; init; }
        }
        """;

    public static readonly string[] Shapes = { NullGateList, NullGate, RequiredWhenArray, FileLocal, EdgeShapes };
}
