using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// Referenced libraries the tests need as metadata, compiled here from small stand-ins with the real names: a
/// mediator (MediatR's shapes), a hosted service base, resilience pipelines (Polly v8 and v7 shapes).
/// </summary>
internal static class TestLibraries
{
    public static MetadataReference Dispatch { get; } = Compile("Dispatch", """
        using System.Threading;
        using System.Threading.Tasks;

        namespace MediatR
        {
            public interface IRequest<TResponse> { }
            public interface IRequestHandler<in TRequest, TResponse> where TRequest : IRequest<TResponse>
            {
                Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
            }
            public interface IMediator { Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default); }
        }

        namespace Polly
        {
            public sealed class ResiliencePipeline
            {
                public ValueTask ExecuteAsync(System.Func<CancellationToken, ValueTask> callback, CancellationToken cancellationToken = default) => callback(cancellationToken);
                public void Execute(System.Action callback) => callback();
            }
            public interface IAsyncPolicy { Task ExecuteAsync(System.Func<Task> action); }
            public abstract class AsyncPolicy : IAsyncPolicy { public Task ExecuteAsync(System.Func<Task> action) => action(); }
        }

        namespace Microsoft.Extensions.Hosting
        {
            public abstract class BackgroundService
            {
                protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
            }
        }
        """);

    private static PortableExecutableReference Compile(string name, string source)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new System.InvalidOperationException(string.Join("\n", result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
