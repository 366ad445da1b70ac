using System.Text;

namespace RiskSdk.Generators.Configuration;

/// <summary>Derives and checks environment variable names.</summary>
internal static class VariableNames
{
    /// <summary>PascalCase to UPPER_SNAKE_CASE: <c>MaxOpenPositions</c> → <c>MAX_OPEN_POSITIONS</c>, <c>HTTPTimeout</c> → <c>HTTP_TIMEOUT</c>.</summary>
    public static string ToUpperSnake(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_')
            {
                var previousIsLowerOrDigit = char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]);
                var startsWordAfterAcronym = char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousIsLowerOrDigit || startsWordAfterAcronym)
                {
                    text.Append('_');
                }
            }

            text.Append(char.ToUpperInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>True when <paramref name="name"/> is non-empty and uses only A-Z, 0-9 and _.</summary>
    public static bool IsValid(string name, bool allowEmpty = false)
    {
        if (name.Length == 0)
        {
            return allowEmpty;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'A' and <= 'Z' || c is >= '0' and <= '9' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
