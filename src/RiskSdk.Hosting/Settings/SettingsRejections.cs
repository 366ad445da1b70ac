using System.Collections.Generic;
using System;

namespace RiskSdk.Hosting.Settings;

/// <summary>Carries a refused reload from the settings factory to the account it belongs to (which logs it and may halt).</summary>
internal sealed class SettingsRejections
{
    /// <summary>An account's reload was refused: its name and every problem, by variable name.</summary>
    public event Action<string, IReadOnlyList<string>>? Rejected;

    public void Report(string name, IReadOnlyList<string> problems) => Rejected?.Invoke(name, problems);
}
