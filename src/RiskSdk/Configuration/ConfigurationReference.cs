using System.Collections.Generic;
using System.Text;

namespace RiskSdk.Configuration;

/// <summary>Renders the description of a settings class's variables as a reference table for people.</summary>
public static class ConfigurationReference
{
    /// <summary>A Markdown table: variable, type, default, allowed values, description (secrets and requirements marked).</summary>
    /// <param name="variables">The variables, usually the generated <c>Variables</c> of a settings class.</param>
    /// <returns>The table, lines ending with '\n'.</returns>
    public static string ToMarkdown(IReadOnlyList<VariableDescription> variables)
    {
        var text = new StringBuilder();
        text.Append("| Variable | Type | Default | Allowed | Description |\n");
        text.Append("| --- | --- | --- | --- | --- |\n");
        foreach (var variable in variables)
        {
            var notes = new List<string>();
            if (variable.IsRequired)
            {
                notes.Add("Required.");
            }

            if (variable.Requirement is not null)
            {
                notes.Add(char.ToUpperInvariant(variable.Requirement[0]) + variable.Requirement.Substring(1) + ".");
            }

            if (variable.IsSecret)
            {
                notes.Add("Secret: never printed.");
            }

            var description = variable.Description;
            if (notes.Count > 0)
            {
                description = (description + " " + string.Join(" ", notes)).Trim();
            }

            var defaultValue = variable.DefaultValue is null ? "(not set)" : "`" + variable.DefaultValue + "`";
            text.Append("| `").Append(variable.Name).Append("` | ")
                .Append(variable.TypeName).Append(variable.IsOptional ? " (optional)" : string.Empty).Append(" | ")
                .Append(variable.IsSecret && variable.DefaultValue is not null ? "***" : defaultValue).Append(" | ")
                .Append(Escape(variable.AllowedRange)).Append(" | ")
                .Append(Escape(description)).Append(" |\n");
        }

        return text.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|").Replace("\n", " ");
}
