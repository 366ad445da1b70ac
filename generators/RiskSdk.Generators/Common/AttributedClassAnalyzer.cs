using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RiskSdk.Generators;

/// <summary>
/// Reports a generator's diagnostics from an analyzer: for each class carrying the generator's attribute, it runs the
/// generator's own parser and reports what it found at real source locations, where <c>#pragma warning disable</c>,
/// <c>.editorconfig</c> and <c>.globalconfig</c> all apply (a generator's diagnostic sits at a recreated file location,
/// where <c>#pragma</c> and per-file <c>.editorconfig</c> do not). The attribute and anything the checks share are
/// resolved once per compilation; generated code is skipped.
/// </summary>
public abstract class AttributedClassAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The metadata name of the attribute that marks a class for the generator.</summary>
    private protected abstract string AttributeMetadataName { get; }

    /// <summary>The diagnostic for a parser that failed on a class.</summary>
    private protected abstract DiagnosticDescriptor Failure { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var marker = start.Compilation.GetTypeByMetadataName(AttributeMetadataName);
            if (marker is null)
            {
                return;
            }

            var check = CreateCheck(start.Compilation);
            start.RegisterSymbolAction(symbol => Analyze(symbol, marker, check), SymbolKind.NamedType);
        });
    }

    /// <summary>Creates, once per compilation, the check that parses one marked class and returns its diagnostics.</summary>
    /// <param name="compilation">The compilation.</param>
    /// <returns>The check.</returns>
    private protected abstract Func<INamedTypeSymbol, TypeDeclarationSyntax, AttributeData, CancellationToken, EquatableArray<DiagnosticInfo>> CreateCheck(Compilation compilation);

    private void Analyze(SymbolAnalysisContext context, INamedTypeSymbol marker, Func<INamedTypeSymbol, TypeDeclarationSyntax, AttributeData, CancellationToken, EquatableArray<DiagnosticInfo>> check)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, marker) ||
                attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration ||
                declaration is not (ClassDeclarationSyntax or RecordDeclarationSyntax))
            {
                continue;
            }

            EquatableArray<DiagnosticInfo> found;
            try
            {
                found = check(type, declaration, attribute, context.CancellationToken);
            }
            catch (Exception exception) when (!ClassIsolation.MustPropagate(exception))
            {
                context.ReportDiagnostic(Diagnostic.Create(Failure, ClassIsolation.AttributeLocation(attribute, declaration.Identifier.GetLocation()), type.Name, ClassIsolation.Describe(exception)));
                continue;
            }

            foreach (var diagnostic in found)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
            }
        }
    }
}
