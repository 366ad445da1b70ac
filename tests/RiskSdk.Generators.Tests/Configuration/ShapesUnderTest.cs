using System;
using System.ComponentModel.DataAnnotations;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>A plain base class: its settable properties and their attributes are bound by the derived settings class.</summary>
public class EndpointBase
{
    /// <summary>The port.</summary>
    [Range(1, 65535)]
    public int Port { get; init; } = 8080;

    /// <summary>The host; an empty value is an error, since it is not optional.</summary>
    public string Host { get; init; } = "localhost";
}

/// <summary>Settings that inherit their properties.</summary>
[EnvironmentSettings("ENDPOINT_")]
public partial class EndpointSettings : EndpointBase
{
    /// <summary>How long to wait, as TimeSpan text bounds.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:01:00")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A count bounded past int.MaxValue.</summary>
    [Range(0, 5e9)]
    public long Budget { get; init; } = 1000;

    /// <summary>A count bounded at 2^53, compared exactly.</summary>
    [Range(0, 9007199254740992d)]
    public long Sequence { get; init; }

    /// <summary>A property named like a C# keyword.</summary>
    public int @default { get; init; } = 1;
}

/// <summary>A settings class derived from another settings class: the generated members hide the base's without CS0108.</summary>
[EnvironmentSettings("DESK_")]
public partial class DeskSettings : EndpointSettings
{
    /// <summary>The desk's own cap.</summary>
    [Range(0, 10)]
    public int DeskCap { get; init; } = 3;
}

/// <summary>A C# required member is a required variable.</summary>
[EnvironmentSettings("ACCOUNT_")]
public partial class AccountSettings
{
    /// <summary>The broker account.</summary>
    public required string Id { get; init; }

    /// <summary>A constructor-set default outside no range: RISKGEN005 must not guess it.</summary>
    [Range(1, 10)]
    public int Lots { get; init; }

    /// <summary>Sets the defaults.</summary>
    public AccountSettings() => Lots = 2;
}

/// <summary>Nested settings, the standard set inherited from an [AutoExecSettings] base.</summary>
public static partial class Desks
{
    /// <summary>The desk's auto-exec settings.</summary>
    [EnvironmentSettings("NESTED_"), AutoExecSettings]
    public partial class Base;

    /// <summary>Derived: binds the standard settings the base declares, without redeclaring them.</summary>
    [EnvironmentSettings("NESTED_")]
    public sealed partial class Derived : Base
    {
        /// <summary>One more.</summary>
        public bool Extra { get; init; }
    }
}
