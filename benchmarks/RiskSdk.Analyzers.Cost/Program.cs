using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
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

Console.WriteLine(FormattableString.Invariant($"synthetic project: {classes * methodsPerClass} methods in {classes} classes; one in {placementEvery} places an order; fastest of {runs} runs after a warm-up (the machine is shared: the minimum is the least disturbed figure)"));
Console.WriteLine();
Console.WriteLine("| project | methods | placements | compile (emit) ms | analyzer execution ms | analyzer share of compile | binding + graphs of the placement methods, ms | guard dataflow on those graphs, ms |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
await Measure("with placements", placementEvery);
await Measure("no placement at all", 0);

async Task Measure(string name, int every)
{
    var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(SyntheticProject.Api, path: "Api.cs") };
    for (var c = 0; c < classes; c++)
    {
        trees.Add(CSharpSyntaxTree.ParseText(SyntheticProject.Class(c, methodsPerClass, every), path: $"Desk{c}.cs"));
    }

    var compileTimes = new List<double>();
    var analyzerTimes = new List<double>();
    var graphTimes = new List<double>();
    var flowTimes = new List<double>();
    var placements = 0;
    for (var run = 0; run <= runs; run++)
    {
        // A fresh compilation each run: nothing bound is shared between runs.
        var compilation = CSharpCompilation.Create($"Synthetic{run}", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
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
        placements = diagnostics.Length;
        if (run > 0)
        {
            compileTimes.Add(watch.Elapsed.TotalMilliseconds);
            analyzerTimes.Add(telemetry.ExecutionTime.TotalMilliseconds);
            var (graphTime, flowTime) = PlacementGraphTime(compilation.Clone());
            graphTimes.Add(graphTime);
            flowTimes.Add(flowTime);
        }
    }

    var compile = compileTimes.Min();
    var analysis = analyzerTimes.Min();
    var graphs = graphTimes.Min();
    var flows = flowTimes.Min();
    var placed = every > 0 ? (classes * methodsPerClass + every - 1) / every : 0;
    Console.WriteLine(FormattableString.Invariant($"| {name} | {classes * methodsPerClass} | {placed} ({placements} reported) | {compile:F0} | {analysis:F1} | {analysis / compile:P1} | {graphs:F1} | {flows:F1} |"));
}

// What the analyzer cannot avoid for a method that places an order (binding its body, building its graph), and
// what its own dataflow adds on top.
static (double Graphs, double Flow) PlacementGraphTime(Compilation compilation)
{
    var watch = new Stopwatch();
    var flowWatch = new Stopwatch();
    var symbols = RiskSymbols.Create(compilation, ImmutableArray<AdditionalText>.Empty, default);
    foreach (var tree in compilation.SyntaxTrees)
    {
        var model = compilation.GetSemanticModel(tree);
        foreach (var method in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
        {
            if (method.Identifier.ValueText.StartsWith("Send", StringComparison.Ordinal))
            {
                watch.Start();
                var body = (Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)model.GetOperation(method)!;
                var graph = Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create(body);
                watch.Stop();
                flowWatch.Start();
                GuardFlowAnalysis.Run(graph, startGuarded: false, symbols, ReadLocals.In([body]), new FlowFindings(), default);
                flowWatch.Stop();
            }
        }
    }

    return (watch.Elapsed.TotalMilliseconds, flowWatch.Elapsed.TotalMilliseconds);
}
