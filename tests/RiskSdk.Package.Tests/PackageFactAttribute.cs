using System;

namespace RiskSdk.Package.Tests;

/// <summary>
/// A test that packs and builds consumer apps. Set <c>RISKSDK_SKIP_PACKAGE_TESTS=1</c> to skip these locally
/// (they take a minute); CI never sets it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PackageFactAttribute : FactAttribute
{
    public PackageFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("RISKSDK_SKIP_PACKAGE_TESTS") == "1")
        {
            Skip = "RISKSDK_SKIP_PACKAGE_TESTS=1: packaging tests skipped on request.";
        }
    }
}
