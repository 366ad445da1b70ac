using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RiskSdk.Generators.Configuration;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>A default read from its literal token is exactly the constant the semantic model folds for it.</summary>
public sealed class NumericLiteralTests
{
    [Theory]
    [InlineData("int", "5")]
    [InlineData("int", "-5")]
    [InlineData("int", "0")]
    [InlineData("int", "0x7FFFFFFF")]
    [InlineData("long", "5000000000")]
    [InlineData("long", "-5L")]
    [InlineData("double", "0.5")]
    [InlineData("double", "-0.0")]
    [InlineData("double", "5")]
    [InlineData("double", "0.5f")]
    [InlineData("double", "-1e3")]
    [InlineData("double", "1e400")]
    [InlineData("decimal", "1.25m")]
    [InlineData("decimal", "-1.25m")]
    [InlineData("double", "5u")]
    public void A_literal_reads_as_the_constant_the_compiler_folds(string type, string initializer)
    {
        var (expression, model) = Initializer(type, initializer);

        Assert.True(NumericLiteral.TryRead(expression, out var value));
        var folded = model.GetConstantValue(expression);
        Assert.True(folded.HasValue);
        Assert.Equal(folded.Value, value);
        Assert.Equal(folded.Value?.GetType(), value?.GetType());
    }

    [Theory]
    [InlineData("int", "-2147483648")]
    [InlineData("long", "-5u")]
    [InlineData("int", "(5)")]
    [InlineData("int", "+5")]
    [InlineData("int", "Limit")]
    [InlineData("int", "2 + 3")]
    [InlineData("int", "default")]
    public void Anything_else_is_left_to_the_semantic_model(string type, string initializer)
    {
        var (expression, _) = Initializer(type, initializer);

        Assert.False(NumericLiteral.TryRead(expression, out _));
    }

    private static (ExpressionSyntax Expression, Microsoft.CodeAnalysis.SemanticModel Model) Initializer(string type, string initializer)
    {
        var source = $$"""
            public class Settings
            {
                private const int Limit = 3;
                public {{type}} Value { get; init; } = {{initializer}};
            }
            """;
        var compilation = GeneratorHarness.Compile(source);
        var tree = compilation.SyntaxTrees.First(t => t.ToString().Contains("class Settings", System.StringComparison.Ordinal));
        var property = tree.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>().Single();
        return (property.Initializer!.Value, compilation.GetSemanticModel(tree));
    }
}
