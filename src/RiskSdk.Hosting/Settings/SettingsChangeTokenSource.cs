using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace RiskSdk.Hosting.Settings;

/// <summary>Tells <see cref="IOptionsMonitor{TOptions}"/> to bind an account's settings again when its configuration reloads.</summary>
/// <typeparam name="TSettings">The generated settings class.</typeparam>
internal sealed class SettingsChangeTokenSource<TSettings> : IOptionsChangeTokenSource<TSettings>
{
    private readonly SettingsSource _source;

    public SettingsChangeTokenSource(string name, SettingsSource source)
    {
        Name = name;
        _source = source;
    }

    public string Name { get; }

    public IChangeToken GetChangeToken() => _source.ReloadTokenOf(Name);
}
