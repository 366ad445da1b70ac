using System.IO;

namespace RiskSdk.AspNetCore.Tests;

/// <summary>A test that drives Debian's Chromium; skipped, saying why, when it is not installed (<c>test.sh</c> installs it).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Where Debian's <c>chromium</c> package puts the browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"{ChromiumPath} is missing: install it with 'apt-get install -y chromium' (test.sh does).";
        }
    }
}
