using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RiskSdk.Analyzers;

namespace RiskSdk.CodeFixes;

/// <summary>
/// On any call (or property read): "Treat 'Kite.PlaceOrder' as an order placement" / "as a position-limit check"
/// writes the member's documentation-comment ID into <c>RiskSdk.OrderPlacement.txt</c> /
/// <c>RiskSdk.PositionChecks.txt</c>, creating the file next to the project when it is missing (the RiskSdk package
/// adds an existing file as an additional file). When the call goes to a class whose method implements an interface
/// member, the interface member is offered too: listing it covers every implementation.
/// </summary>
[ExportCodeRefactoringProvider(LanguageNames.CSharp, Name = nameof(ListInSymbolsFileRefactoring))]
[Shared]
public sealed class ListInSymbolsFileRefactoring : CodeRefactoringProvider
{
    /// <inheritdoc/>
    public override async Task ComputeRefactoringsAsync(CodeRefactoringContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var node = root.FindNode(context.Span, getInnermostNodeForTie: true);
        var target = node.AncestorsAndSelf().FirstOrDefault(n => n is InvocationExpressionSyntax or MemberAccessExpressionSyntax);
        if (target is null)
        {
            return;
        }

        var symbol = model.GetSymbolInfo(target, context.CancellationToken).Symbol;
        var method = symbol as IMethodSymbol ?? (symbol as IPropertySymbol)?.GetMethod;
        if (method is null || method.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.ReducedExtension))
        {
            return;
        }

        var symbols = RiskSymbols.Create(model.Compilation, document.Project.AnalyzerOptions.AdditionalFiles, context.CancellationToken);
        foreach (var member in Candidates(symbol!, method))
        {
            var memberMethod = member as IMethodSymbol ?? ((IPropertySymbol)member).GetMethod!;
            var name = $"{member.ContainingType?.Name}.{member.Name}";
            var id = Id(member.OriginalDefinition);
            var suffix = member.ContainingType?.TypeKind == TypeKind.Interface && !SymbolEqualityComparer.Default.Equals(member, symbol) ? " (the interface member: every implementation)" : string.Empty;
            if (member is IMethodSymbol && !symbols.IsPlacement(memberMethod))
            {
                context.RegisterRefactoring(CodeAction.Create(
                    $"Treat '{name}' as an order placement{suffix}",
                    ct => Append(document.Project, SymbolsFile.OrderPlacementFileName, id, ct),
                    "RISK.ListPlacement." + id));
            }

            if (!symbols.IsCheck(memberMethod))
            {
                var approval = CheckShape.Of(memberMethod, approvedWhen: null).Kind == CheckResultKind.Undetermined
                    ? " ; RISK006 until you add approved-when:<member>"
                    : string.Empty;
                context.RegisterRefactoring(CodeAction.Create(
                    $"Treat '{name}' as a position-limit check{suffix}",
                    ct => Append(document.Project, SymbolsFile.PositionChecksFileName, id + approval, ct),
                    "RISK.ListCheck." + id));
            }
        }
    }

    /// <summary>The documentation-comment ID as the C# compiler writes it: the return type only for conversion operators.</summary>
    internal static string Id(ISymbol member)
    {
        var id = DocumentationCommentId.CreateDeclarationId(member);
        var returnType = id.IndexOf('~');
        return returnType > 0 && member is IMethodSymbol { MethodKind: not MethodKind.Conversion } ? id.Substring(0, returnType) : id;
    }

    /// <summary>The member called, then the interface members it implements.</summary>
    private static IEnumerable<ISymbol> Candidates(ISymbol symbol, IMethodSymbol method)
    {
        yield return symbol.OriginalDefinition;
        foreach (var implemented in MarkedMethods.MarkSources((method.ReducedFrom ?? method).OriginalDefinition))
        {
            if (implemented.ContainingType?.TypeKind == TypeKind.Interface && !SymbolEqualityComparer.Default.Equals(implemented, method.OriginalDefinition))
            {
                yield return implemented.MethodKind == MethodKind.PropertyGet ? implemented.AssociatedSymbol! : implemented;
            }
        }
    }

    /// <summary>Appends the line to the project's symbols file, or creates the file next to the project.</summary>
    internal static async Task<Solution> Append(Project project, string fileName, string line, CancellationToken cancellationToken)
    {
        var existing = project.AdditionalDocuments.FirstOrDefault(d => string.Equals(Path.GetFileName(d.FilePath ?? d.Name), fileName, System.StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            var text = await existing.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var content = text.ToString();
            var separator = content.Length == 0 || content.EndsWith("\n", System.StringComparison.Ordinal) ? string.Empty : "\n";
            return project.Solution.WithAdditionalDocumentText(existing.Id, SourceText.From(content + separator + line + "\n", text.Encoding ?? System.Text.Encoding.UTF8));
        }

        var directory = project.FilePath is { } path ? Path.GetDirectoryName(path) : null;
        var header = fileName == SymbolsFile.OrderPlacementFileName
            ? "# Methods that place orders (RISK001 checks their callers). One documentation-comment ID a line.\n"
            : "# Methods and properties whose result says whether a new position is allowed. One ID a line.\n";
        return project.AddAdditionalDocument(fileName, SourceText.From(header + line + "\n", System.Text.Encoding.UTF8), filePath: directory is null ? null : Path.Combine(directory, fileName)).Project.Solution;
    }
}
