using System.Threading.Tasks;
using Microsoft.Playwright;

namespace RiskSdk.AspNetCore.Tests;

/// <summary>One headless Chromium for the page tests, driven by Playwright without downloading a browser.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!System.IO.File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = new[] { "--no-sandbox" },
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
    }
}
