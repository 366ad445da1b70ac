using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RiskSdk.Analyzers;
using RiskSdk.Analyzers.Cost;

// Measures OrderPlacementAnalyzer on a synthetic project of about 2,000 methods, next to plain compile time.
// Usage: dotnet run -c Release --project benchmarks/RiskSdk.Analyzers.Cost [-- classes methodsPerClass placementEvery runs]
var classes = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 40;
var methodsPerClass = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
var placementEvery = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
var runs = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 7;

var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
    .Append(MetadataReference.CreateFromFile(typeof(RiskSdk.RiskDecision).Assembly.Location))
    .ToArray();

// Three versions of one project, measured in turns (one run of each, then the next round) so that a change in the
// machine's load falls on all three alike; one warm-up round first, so the JIT has compiled Roslyn for every row.
var projects = new[]
{
    new Project("placements, all guarded (builds clean)", Trees(placementEvery, guardAll: true)),
    new Project("placements, half unguarded", Trees(placementEvery, guardAll: false)),
    new Project("no placement at all", Trees(0, guardAll: false)),
};
for (var round = 0; round <= runs; round++)
{
    foreach (var project in projects)
    {
        await project.Run(references, measured: round > 0);
    }
}

var placed = placementEvery > 0 ? (classes * methodsPerClass + placementEvery - 1) / placementEvery : 0;
Console.WriteLine(FormattableString.Invariant($"synthetic project: {classes * methodsPerClass} methods in {classes} classes; one in {placementEvery} places an order ({placed} placement methods); fastest of {runs} runs per row, rows measured in turns after a warm-up round (the machine is shared: the minimum is the least disturbed figure)"));
Console.WriteLine();
Console.WriteLine("| project | RISK001 reported | compile (emit) ms | analyzer execution ms | analyzer share of compile | median share, run by run | binding the placement methods' bodies, ms | their control-flow graphs, ms | guard dataflow on those graphs, ms |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var project in projects)
{
    Console.WriteLine(project.Row());
}

SyntaxTree[] Trees(int every, bool guardAll)
{
    var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(SyntheticProject.Api, path: "Api.cs") };
    for (var c = 0; c < classes; c++)
    {
        trees.Add(CSharpSyntaxTree.ParseText(SyntheticProject.Class(c, methodsPerClass, every, guardAll), path: $"Desk{c}.cs"));
    }

    return trees.ToArray();
}

/// <summary>One version of the synthetic project and the fastest figures measured on it.</summary>
internal sealed class Project(string name, SyntaxTree[] trees)
{
    private readonly List<double> _compile = new();
    private readonly List<double> _analyzer = new();
    private readonly List<double> _binding = new();
    private readonly List<double> _graphs = new();
    private readonly List<double> _flow = new();
    private int _reported;

    public async Task Run(MetadataReference[] references, bool measured)
    {
        // A fresh compilation each run: nothing bound is shared between runs.
        var compilation = CSharpCompilation.Create("Synthetic", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var watch = Stopwatch.StartNew();
        var emit = compilation.Emit(Stream.Null);
        watch.Stop();
        if (!emit.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, emit.Diagnostics));
        }

        var analyzer = new OrderPlacementAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
        _reported = diagnostics.Count(static d => d.Id == "RISK001");
        if (measured)
        {
            _compile.Add(watch.Elapsed.TotalMilliseconds);
            _analyzer.Add(telemetry.ExecutionTime.TotalMilliseconds);
            var (binding, graphs, flow) = PlacementMethodCosts(compilation.Clone());
            _binding.Add(binding);
            _graphs.Add(graphs);
            _flow.Add(flow);
        }
    }

    public string Row()
    {
        var compile = _compile.Min();
        var analysis = _analyzer.Min();
        var shares = _analyzer.Zip(_compile, static (a, c) => a / c).Order().ToList();
        return FormattableString.Invariant($"| {name} | {_reported} | {compile:F0} | {analysis:F1} | {analysis / compile:P1} | {shares[shares.Count / 2]:P1} | {_binding.Min():F1} | {_graphs.Min():F1} | {_flow.Min():F1} |");
    }

    // Outside the analyzer, on a fresh clone: binding the bodies of the methods that place orders into operations
    // (which the analyzer driver does, not the analyzer), building their control-flow graphs (which the analyzer asks
    // the driver for), and the analyzer's own guard dataflow on those graphs.
    private static (double Binding, double Graphs, double Flow) PlacementMethodCosts(Compilation compilation)
    {
        var bindingWatch = new Stopwatch();
        var graphWatch = new Stopwatch();
        var flowWatch = new Stopwatch();
        var symbols = RiskSymbols.Create(compilation, ImmutableArray<AdditionalText>.Empty, default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (method.Identifier.ValueText.StartsWith("Send", StringComparison.Ordinal))
                {
                    bindingWatch.Start();
                    var body = (IMethodBodyOperation)model.GetOperation(method)!;
                    bindingWatch.Stop();
                    graphWatch.Start();
                    var graph = ControlFlowGraph.Create(body);
                    graphWatch.Stop();
                    flowWatch.Start();
                    GuardFlowAnalysis.Run(graph, startGuarded: false, symbols, ReadLocals.In([body]), new FlowFindings(), default);
                    flowWatch.Stop();
                }
            }
        }

        return (bindingWatch.Elapsed.TotalMilliseconds, graphWatch.Elapsed.TotalMilliseconds, flowWatch.Elapsed.TotalMilliseconds);
    }
}
