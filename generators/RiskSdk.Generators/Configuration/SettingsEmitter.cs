using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace RiskSdk.Generators.Configuration;

/// <summary>Writes the binding code of one settings class from its model.</summary>
internal static class SettingsEmitter
{
    private const string Configuration = "global::RiskSdk.Configuration.";
    private const string Generated = "global::RiskSdk.Generated.";
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    private const string StandardDefaults = "s_riskSettingsDefaults";

    public static string Emit(SettingsClassModel model, bool supportsConfiguration)
    {
        var writer = new SourceWriter().FileHeader();
        var hasNamespace = model.Namespace.Length > 0;
        if (hasNamespace)
        {
            writer.OpenBlock("namespace " + model.Namespace);
        }

        foreach (var containing in model.ContainingTypes)
        {
            writer.OpenBlock("partial " + containing.Keyword + " " + containing.Name);
        }

        var hostable = model.IsAutoExec ? " : " + Configuration + "IAutoExecSettings<" + model.FullyQualifiedName + ">" : string.Empty;
        writer.OpenBlock("partial " + model.Keyword + " " + model.Name + hostable);
        WriteMembers(writer, model, supportsConfiguration);
        writer.CloseBlock();

        foreach (var _ in model.ContainingTypes)
        {
            writer.CloseBlock();
        }

        if (hasNamespace)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    private static void WriteMembers(SourceWriter writer, SettingsClassModel model, bool supportsConfiguration)
    {
        var self = model.FullyQualifiedName;
        var result = Configuration + "ConfigurationResult<" + self + ">";

        writer.Line("/// <summary>The text every variable of these settings starts with.</summary>");
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.Line(Hiding(model) + "public const string VariablePrefix = " + Literal(model.Prefix) + ";");
        writer.Line();

        if (model.IsAutoExec && !model.InheritsStandardSettings)
        {
            writer.Line(GeneratedCodeInfo.Attribute);
            writer.Line("private static readonly global::RiskSdk.RiskSettings " + StandardDefaults + " = new global::RiskSdk.RiskSettings();");
            writer.Line();
            foreach (var property in model.Properties.Where(p => p.IsStandard))
            {
                WriteStandardProperty(writer, model, property);
            }
        }

        foreach (var property in model.Properties.Where(p => p.Kind == SettingKind.Enum))
        {
            writer.Line(GeneratedCodeInfo.Attribute);
            writer.Line("private static readonly " + Generated + "ValueParser<" + property.TypeName + "> " + ParserField(property) + " = " + Generated + "ValueParsers.Enum(new " + property.TypeName + "[] { " +
                string.Join(", ", property.EnumMembers.Select(m => property.TypeName + "." + SettingPropertyModel.Escape(m))) + " });");
            writer.Line();
        }

        writer.Line(GeneratedCodeInfo.Attribute);
        writer.Line("private static " + ReadOnlyList + "<" + Configuration + "VariableDescription>? s_variables;");
        writer.Line();
        writer.Line("/// <summary>Every variable these settings read, in binding order: name, type, default, allowed range, description, secrecy.</summary>");
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.Line(Hiding(model) + "public static " + ReadOnlyList + "<" + Configuration + "VariableDescription> Variables => s_variables ??= DescribeVariables();");
        writer.Line();
        writer.Line("/// <summary>The value in force (masked for secrets) and the source of every variable; empty unless these settings were bound.</summary>");
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.Line(Hiding(model) + "public " + ReadOnlyList + "<" + Configuration + "BoundVariable> BoundVariables { get; private init; } = global::System.Array.Empty<" + Configuration + "BoundVariable>();");
        writer.Line();

        writer.Line("/// <summary>Where the value of a property came from.</summary>");
        writer.Line("/// <param name=\"propertyName\">The property; use <c>nameof</c>.</param>");
        writer.Line("/// <returns>The source, or <see cref=\"global::RiskSdk.Configuration.ValueSource.Default\"/> when these settings were not bound.</returns>");
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.OpenBlock(Hiding(model) + "public " + Configuration + "ValueSource SourceOf(string propertyName)");
        writer.OpenBlock("foreach (var bound in BoundVariables)");
        writer.OpenBlock("if (bound.Variable.PropertyName == propertyName)");
        writer.Line("return bound.Source;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("return " + Configuration + "ValueSource.Default;");
        writer.CloseBlock();
        writer.Line();

        writer.Line("/// <summary>Binds these settings from the process environment. Never throws for bad values: returns the settings or every problem.</summary>");
        writer.Line("/// <returns>The settings, or every problem found.</returns>");
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.Line(Hiding(model) + "public static " + result + " BindFromEnvironment() => Bind(" + Configuration + "EnvironmentVariableLookup.Instance);");
        writer.Line();
        writer.Line("/// <summary>Binds these settings from variables given by full name (the way tests bind them).</summary>");
        writer.Line("/// <param name=\"variables\">The variables; a null value counts as unset.</param>");
        writer.Line("/// <returns>The settings, or every problem found.</returns>");
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.Line(Hiding(model) + "public static " + result + " Bind(global::System.Collections.Generic.IReadOnlyDictionary<string, string?> variables) => Bind(new " + Configuration + "DictionaryVariableLookup(variables));");
        writer.Line();
        if (supportsConfiguration)
        {
            writer.Line("/// <summary>Binds these settings from configuration keys named like the variables (for example the environment-variables provider without a prefix filter), or nested in a section named like the prefix (<c>\"" + model.Prefix.TrimEnd('_') + "\": { ... }</c> in appsettings.json).</summary>");
            writer.Line("/// <param name=\"configuration\">The configuration.</param>");
            writer.Line("/// <returns>The settings, or every problem found.</returns>");
            writer.Line(GeneratedCodeInfo.Attribute);
            writer.OpenBlock(Hiding(model) + "public static " + result + " Bind(global::Microsoft.Extensions.Configuration.IConfiguration configuration)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(configuration);");
            writer.Line("return Bind(new " + Configuration + "SectionedVariableLookup(VariablePrefix, key => configuration[key], section => global::System.Linq.Enumerable.Select((section is null ? configuration : configuration.GetSection(section)).GetChildren(), child => child.Key)));");
            writer.CloseBlock();
            writer.Line();
        }

        WriteBind(writer, model, result);
        writer.Line("/// <summary>Add checks of your own: implement this method; what it reports joins every other problem.</summary>");
        writer.Line("/// <param name=\"validation\">Reports errors and warnings against a property's variable.</param>");
        writer.Line("partial void Validate(" + Configuration + "SettingsValidation validation);");
        writer.Line();
        WriteDescribe(writer, model);
        if (model.IsAutoExec && !model.InheritsStandardSettings)
        {
            WriteToRiskSettings(writer, model);
        }

        if (model.IsAutoExec)
        {
            WriteHostable(writer, model);
        }
    }

    private static void WriteStandardProperty(SourceWriter writer, SettingsClassModel model, SettingPropertyModel property)
    {
        writer.Line("/// <summary>" + Escape(property.Description) + " Variable: <c>" + model.Prefix + property.VariableName + "</c>.</summary>");
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.Line("public " + property.DeclaredType + " " + property.Identifier + " { get; init; } = " + StandardDefaults + "." + property.Identifier + ";");
        writer.Line();
    }

    private static void WriteBind(SourceWriter writer, SettingsClassModel model, string result)
    {
        var self = model.FullyQualifiedName;
        var properties = model.Properties;
        writer.Line("/// <summary>Binds these settings from a variable lookup: every variable is read and checked, every problem is reported at once.</summary>");
        writer.Line("/// <param name=\"variables\">Where the variables are read from.</param>");
        writer.Line("/// <returns>The settings, or (when any error was found) no settings and every problem.</returns>");
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.OpenBlock(Hiding(model) + "public static " + result + " Bind(" + Configuration + "IVariableLookup variables)");
        writer.Line("var described = Variables;");
        writer.Line("var reader = new " + Generated + "SettingsReader(variables, VariablePrefix, described);");
        writer.Line("var defaults = " + NewInstance(model) + ";");

        // The profile selector is read first, so every setting with profile values can fall back to it.
        var selector = properties.Any(p => p.ProfileValues.Count > 0) ? properties.FirstOrDefault(p => p.IsProfileSelector) : null;
        var order = Enumerable.Range(0, properties.Count).OrderBy(i => properties[i] == selector ? 0 : 1);
        foreach (var i in order)
        {
            var property = properties[i];
            var fallback = "defaults." + property.Identifier;
            var source = Configuration + "ValueSource.Default";
            if (selector is not null && property.ProfileValues.Count > 0)
            {
                fallback = "profile switch { " +
                    string.Concat(property.ProfileValues.Select(v => SettingPropertyModel.ProfileType + "." + v.Profile + " => " + v.ValueExpression + ", ")) +
                    "_ => defaults." + property.Identifier + " }";
                source = "profileSource";
            }

            writer.Line("var " + Local(property) + " = " + ReadExpression(property, "described[" + i.ToString(CultureInfo.InvariantCulture) + "]", fallback, source) + ";");
            if (property == selector)
            {
                writer.Line("var profile = " + Local(property) + ";");
                writer.Line("var profileSource = profile is null ? " + Configuration + "ValueSource.Default : " + Configuration + "ValueSource.Profile;");
            }
        }

        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            foreach (var rule in property.Rules)
            {
                var other = IndexOf(properties, rule.OtherProperty);
                writer.Line("reader." + (rule.AtLeast ? "RequireAtLeast" : "RequireAtMost") + "<" + property.TypeName + ">(described[" + Index(i) + "], " + Local(property) + ", described[" + Index(other) + "], " + Local(properties[other]) + ");");
            }

            foreach (var condition in property.RequiredWhen)
            {
                var other = IndexOf(properties, condition.OtherProperty);
                writer.OpenBlock("if (" + Local(properties[other]) + " == " + condition.ValueExpression + ")");
                writer.Line("reader.RequireSet(described[" + Index(i) + "], described[" + Index(other) + "]);");
                writer.CloseBlock();
            }
        }

        writer.OpenBlock("var settings = new " + self + "()");
        foreach (var property in properties)
        {
            writer.Line(property.Identifier + " = " + Local(property) + ",");
        }

        writer.Line("BoundVariables = reader.BoundVariables,");
        writer.CloseBlock(";");
        if (model.IsAutoExec)
        {
            writer.Line("reader.Report(settings.ToRiskSettings().Validate());");
        }

        writer.Line("settings.Validate(reader.CreateValidation());");
        writer.Line("return reader.Complete(settings);");
        writer.CloseBlock();
        writer.Line();
    }

    private static string ReadExpression(SettingPropertyModel property, string variable, string fallback, string source)
    {
        if (property.Kind == SettingKind.Text)
        {
            var read = "reader.ReadString(" + variable + ", " + fallback + ", " + source + ")";
            return property.IsNullable ? read : read + " ?? defaults." + property.Identifier;
        }

        var parser = property.Kind switch
        {
            SettingKind.Boolean => Generated + "ValueParsers.Boolean",
            SettingKind.WholeNumber => Generated + "ValueParsers.WholeNumber",
            SettingKind.LongInteger => Generated + "ValueParsers.LongInteger",
            SettingKind.Number => Generated + "ValueParsers.Number",
            SettingKind.DecimalNumber => Generated + "ValueParsers.DecimalNumber",
            SettingKind.Seconds => Generated + "ValueParsers.Seconds",
            _ => ParserField(property),
        };
        return "reader." + (property.IsNullable ? "ReadOptional" : "Read") + "(" + variable + ", " + fallback + ", " + source + ", " + parser + ")";
    }

    private static void WriteDescribe(SourceWriter writer, SettingsClassModel model)
    {
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.OpenBlock("private static " + ReadOnlyList + "<" + Configuration + "VariableDescription> DescribeVariables()");
        writer.Line("var defaults = " + NewInstance(model) + ";");
        writer.OpenBlock("return new " + Configuration + "VariableDescription[]");
        foreach (var property in model.Properties)
        {
            writer.OpenBlock("new " + Configuration + "VariableDescription");
            writer.Line("Name = " + Literal(model.Prefix + property.VariableName) + ",");
            writer.Line("PropertyName = " + Literal(property.PropertyName) + ",");
            writer.Line("Kind = " + Configuration + "VariableKind." + property.Kind + ",");
            if (property.IsNullable)
            {
                writer.Line("IsOptional = true,");
            }

            if (property.IsRequired)
            {
                writer.Line("IsRequired = true,");
            }

            if (property.IsSecret)
            {
                writer.Line("IsSecret = true,");
                // A non-nullable number or flag is never null: comparing it with null does not compile (CS0037).
                writer.Line(property.IsNullable || property.Kind == SettingKind.Text
                    ? "DefaultValue = defaults." + property.Identifier + " is null ? null : \"***\","
                    : "DefaultValue = \"***\",");
            }
            else
            {
                writer.Line("DefaultValue = " + Generated + "ValueFormatter.Format(defaults." + property.Identifier + "),");
            }

            if (property.Range is { } range)
            {
                if (range.Minimum is { } min)
                {
                    writer.Line("Minimum = " + DoubleLiteral(min) + ",");
                }

                if (range.Maximum is { } max)
                {
                    writer.Line("Maximum = " + DoubleLiteral(max) + ",");
                }

                if (range.MinimumIsExclusive)
                {
                    writer.Line("MinimumIsExclusive = true,");
                }

                if (range.MaximumIsExclusive)
                {
                    writer.Line("MaximumIsExclusive = true,");
                }
            }

            if (property.Kind == SettingKind.Enum)
            {
                writer.Line("AllowedValues = new string[] { " + string.Join(", ", property.EnumMembers.Select(m => Literal(m.ToLowerInvariant()))) + " },");
            }

            if (property.RequiredWhen.Count > 0)
            {
                var conditions = property.RequiredWhen.Select(c =>
                    model.Prefix + model.Properties.First(p => p.PropertyName == c.OtherProperty).VariableName + " is " + c.ValueDisplay);
                writer.Line("Requirement = " + Literal("required when " + string.Join(" or ", conditions)) + ",");
            }

            writer.Line("Description = " + Literal(property.Description) + ",");
            writer.CloseBlock(",");
        }

        writer.CloseBlock(";");
        writer.CloseBlock();
    }

    private static void WriteToRiskSettings(SourceWriter writer, SettingsClassModel model)
    {
        writer.Line();
        writer.Line("/// <summary>The gate settings these variables describe, for the runtime pipeline.</summary>");
        writer.Line("/// <returns>The gate settings.</returns>");
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.OpenBlock("public global::RiskSdk.RiskSettings ToRiskSettings() => new global::RiskSdk.RiskSettings");
        foreach (var property in model.Properties)
        {
            if (property.IsStandard)
            {
                writer.Line(property.Identifier + " = " + property.Identifier + ",");
            }
        }

        writer.CloseBlock(";");
    }

    /// <summary>The explicit <c>IAutoExecSettings&lt;T&gt;</c> members (a class deriving from an auto-exec class implements its own).</summary>
    private static void WriteHostable(SourceWriter writer, SettingsClassModel model)
    {
        writer.Line();
        var hostable = Configuration + "IAutoExecSettings<" + model.FullyQualifiedName + ">";
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.Line(Configuration + "ConfigurationResult<" + model.FullyQualifiedName + "> " + hostable + ".BindVariables(" + Configuration + "IVariableLookup variables) => Bind(variables);");
        writer.Line();
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.Line(ReadOnlyList + "<" + Configuration + "VariableDescription> " + hostable + ".DescribedVariables => Variables;");
        writer.Line();
        writer.Line(GeneratedCodeInfo.Attribute);
        writer.Line("string " + hostable + ".Prefix => VariablePrefix;");
    }

    /// <summary>The modifier that hides a base settings class's generated member of the same name (CS0108 otherwise).</summary>
    private static string Hiding(SettingsClassModel model) => model.HidesBaseSettings ? "new " : string.Empty;

    /// <summary>A new instance with its defaults; C# <c>required</c> members are given a placeholder the binding replaces.</summary>
    private static string NewInstance(SettingsClassModel model) =>
        "new " + model.FullyQualifiedName + "()" + (model.HasRequiredMembers
            ? " { " + string.Concat(model.Properties.Where(p => p.IsRequiredMember).Select(p => p.Identifier + " = default!, ")) + "}"
            : string.Empty);

    private static int IndexOf(EquatableArray<SettingPropertyModel> properties, string name)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].PropertyName == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);

    private static string Local(SettingPropertyModel property) => char.ToLowerInvariant(property.PropertyName[0]) + property.PropertyName.Substring(1) + "Value";

    private static string ParserField(SettingPropertyModel property) => "s_" + char.ToLowerInvariant(property.PropertyName[0]) + property.PropertyName.Substring(1) + "Parser";

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private static string DoubleLiteral(double value)
    {
        return value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
