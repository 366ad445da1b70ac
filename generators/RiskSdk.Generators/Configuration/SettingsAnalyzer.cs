using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RiskSdk.Generators.Configuration;

/// <summary>
/// Reports RISKGEN001-011 for classes marked <c>[EnvironmentSettings]</c>, from the same parser the
/// <see cref="ConfigurationGenerator"/> uses, at real source locations.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SettingsAnalyzer : AttributedClassAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SettingsClassNotPartial,
        DiagnosticDescriptors.DuplicateVariable,
        DiagnosticDescriptors.InvalidVariableName,
        DiagnosticDescriptors.UnsupportedSettingType,
        DiagnosticDescriptors.DefaultOutsideRange,
        DiagnosticDescriptors.InvalidCrossFieldMember,
        DiagnosticDescriptors.SettingsClassWithoutParameterlessConstructor,
        DiagnosticDescriptors.StandardSettingRedeclared,
        DiagnosticDescriptors.SettingsGeneratorFailed,
        DiagnosticDescriptors.SettingsClassFileLocal,
        DiagnosticDescriptors.SettingNotBindable,
        DiagnosticDescriptors.VariableNameRepeatsPrefix);

    /// <inheritdoc/>
    private protected override string AttributeMetadataName => SettingsParser.EnvironmentSettingsAttribute;

    /// <inheritdoc/>
    private protected override DiagnosticDescriptor Failure => DiagnosticDescriptors.SettingsGeneratorFailed;

    /// <inheritdoc/>
    private protected override Func<INamedTypeSymbol, TypeDeclarationSyntax, AttributeData, CancellationToken, EquatableArray<DiagnosticInfo>> CreateCheck(Compilation compilation)
    {
        var standard = new Lazy<EquatableArray<SettingPropertyModel>>(() => SettingsParser.ParseStandardSettings(compilation, CancellationToken.None));
        return (type, declaration, attribute, cancellationToken) =>
            SettingsParser.Complete(SettingsParser.Parse(type, declaration, attribute, compilation, cancellationToken), standard.Value).Diagnostics;
    }
}
