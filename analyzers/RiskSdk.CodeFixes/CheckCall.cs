using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RiskSdk.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace RiskSdk.CodeFixes;

/// <summary>A call to a check that fits at a position: its receiver (null for <c>this</c>), the method and the arguments.</summary>
internal sealed class CheckCall
{
    private readonly List<ArgumentSyntax> _arguments;

    public CheckCall(ISymbol? receiver, IMethodSymbol method, List<ArgumentSyntax> arguments)
    {
        Receiver = receiver;
        Method = method;
        _arguments = arguments;
    }

    public ISymbol? Receiver { get; }

    public IMethodSymbol Method { get; }

    /// <summary>How the call reads in the fix title: <c>limits.CanOpen</c>.</summary>
    public string Display => Receiver is null ? Method.Name : $"{Receiver.Name}.{Method.Name}";

    /// <summary>The call, awaited when the check is asynchronous.</summary>
    public ExpressionSyntax Expression(CheckShape shape)
    {
        ExpressionSyntax target = Receiver is null
            ? IdentifierName(Method.Name)
            : MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(Receiver.Name), IdentifierName(Method.Name));
        ExpressionSyntax call = InvocationExpression(target, ArgumentList(SeparatedList(_arguments)));
        return shape.IsAsync ? AwaitExpression(call) : call;
    }
}
