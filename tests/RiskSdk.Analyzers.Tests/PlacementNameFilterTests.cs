using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// The analyzer skips an operation block whose text spells no placement's name (PlacementNames, PlacementSites). Each
/// test is a way a placement can be called without the name the filter would look for, or marked where a text search
/// for the attribute would not see it; each must still be reported.
/// </summary>
public sealed class PlacementNameFilterTests
{
    private static DiagnosticResult Unguarded(string method, string detail = "") =>
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId).WithArguments(method, detail);

    [Fact]
    public Task A_placement_the_compiler_calls_for_a_collection_initializer_is_reported() => Verify.Analyzer(
        Prelude.Body("var batch = new Batch { {|#0:order|} };") + """
            public sealed class Batch : System.Collections.Generic.IEnumerable<Order>
            {
                [OrderPlacement] public void Add(Order order) { }
                public System.Collections.Generic.IEnumerator<Order> GetEnumerator() => throw null!;
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => throw null!;
            }
            """,
        Unguarded("Batch.Add"));

    [Fact]
    public Task A_call_spelled_with_a_unicode_escape_is_reported() => Verify.Analyzer(
        Prelude.Body("{|#0:broker.Pl\\u0061ce(order)|};"),
        Unguarded("Broker.Place"));

    [Fact]
    public Task A_mark_through_a_global_alias_is_reported() => Verify.Analyzer(
        "global using Sends = RiskSdk.OrderPlacementAttribute;\n" + Prelude.Body("{|#0:new Desk().Route(order)|};") + """
            public sealed class Desk { [Sends] public void Route(Order order) { } }
            """,
        Unguarded("Desk.Route"));

    [Fact]
    public Task A_marked_explicit_implementation_called_through_its_interface_is_reported() => Verify.Analyzer(
        Prelude.Body("IVenue venue = new Venue(); {|#0:venue.Route(order)|};") + """
            public interface IVenue { void Route(Order order); }
            public sealed class Venue : IVenue { [OrderPlacement] void IVenue.Route(Order order) { } }
            """,
        Unguarded("IVenue.Route", " (it may run 'Venue.IVenue.Route')"));

    [Fact]
    public Task A_marked_local_function_is_reported() => Verify.Analyzer(
        Prelude.Body("[OrderPlacement] void Route(Order o) { } {|#0:Route(order)|};"),
        Unguarded("Trader.Route"));

    [Fact]
    public Task A_block_with_no_placement_name_next_to_one_with_a_placement_still_reports_the_placement() => Verify.Analyzer(
        Prelude.Body("{|#0:broker.Place(order)|};") + """
            public static class Quiet { public static int Sum(int a, int b) { var total = a; for (var i = 0; i < b; i++) total += i; return total; } }
            """,
        Unguarded("Broker.Place"));
}
