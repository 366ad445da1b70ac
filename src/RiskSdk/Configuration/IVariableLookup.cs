using System.Collections.Generic;

namespace RiskSdk.Configuration;

/// <summary>
/// Where generated settings read their variables from: the process environment
/// (<see cref="EnvironmentVariableLookup"/>), a dictionary (<see cref="DictionaryVariableLookup"/>, for tests), or any
/// other key/value store (<see cref="DelegateVariableLookup"/>, used for <c>IConfiguration</c>).
/// </summary>
public interface IVariableLookup
{
    /// <summary>The value of a variable.</summary>
    /// <param name="name">The full variable name.</param>
    /// <returns>The value, or null when the variable is not set.</returns>
    string? GetValue(string name);

    /// <summary>Every variable name that is set; used to find mistyped names.</summary>
    IEnumerable<string> Names { get; }
}
