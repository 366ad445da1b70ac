using System.Threading.Tasks;
using RiskSdk.CodeFixes;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// <c>[OrderPlacement]</c> on a property or indexer accessor: writing the property (<c>desk[0] = order</c>, an object
/// initializer) calls the setter and must be guarded like a call; reading it does not call the setter.
/// </summary>
public sealed class AccessorPlacementTests
{
    private const string Desk = """

        public sealed class Desk
        {
            public Order this[int slot] { get => null!; [OrderPlacement] set { } }
            public Order Next { get; [OrderPlacement] set; } = null!;
            public Order Close { get => null!; [OrderPlacement(ReducesExposure = true)] set { } }
        }
        """;

    [Fact]
    public Task Writing_a_placement_accessor_needs_a_check() => Verify.Analyzer(
        """
        using RiskSdk;

        public sealed class Bot(Desk desk, Limits limits)
        {
            public void Indexer(Order o) { {|#0:desk[0]|} = o; }
            public void Initializer(Order o) { _ = new Desk { {|#1:Next|} = o }; }
            public void Guarded(Order o) { if (!limits.CanOpen(o)) return; desk[0] = o; _ = new Desk { Next = o }; }
            public Order Read() => desk[0];
            public Order ReadNext() => desk.Next;
            public void Exit(Order o) { desk.Close = o; }
        }
        """ + Desk,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0).WithArguments("Desk.this[]", string.Empty),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1).WithArguments("Desk.Next", string.Empty));

    [Fact]
    public Task A_compound_write_or_increment_of_a_placement_setter_needs_a_check() => Verify.Analyzer(
        """
        using RiskSdk;

        public sealed class Ladder { public int Lots { get => 0; [OrderPlacement] set { } } }

        public sealed class Bot(Ladder ladder, Limits limits)
        {
            public void Compound() { {|#0:ladder.Lots|} += 1; }
            public void Increment() { {|#1:ladder.Lots|}++; }
            public void Guarded(Order o) { if (!limits.CanOpen(o)) return; ladder.Lots += 1; ladder.Lots--; }
        }
        """,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0).WithArguments("Ladder.Lots", string.Empty),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1).WithArguments("Ladder.Lots", string.Empty));

    [Fact]
    public Task A_listed_setter_needs_a_check() => Verify.Analyzer(
        """
        public sealed class Bot(Vendor.Client client, Limits limits)
        {
            public void Send(Order o) { {|#0:client.Pending|} = o; }
            public void Checked(Order o) { if (limits.CanOpen(o)) client.Pending = o; }
        }

        namespace Vendor { public sealed class Client { public Order Pending { get; set; } = null!; } }
        """,
        [("/0/RiskSdk.OrderPlacement.txt", "M:Vendor.Client.set_Pending(Order)\n")],
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0).WithArguments("Client.Pending", string.Empty));

    [Fact]
    public Task The_mark_fix_marks_the_method_that_writes_a_placement_accessor() => Verify.CodeFix<UnguardedOrderCodeFixProvider>(
        """
        public sealed class Bot
        {
            internal void Send(Desk desk, Order o) { {|#0:desk[0]|} = o; }
        }
        """ + Desk.Replace("[OrderPlacement", "[RiskSdk.OrderPlacement", System.StringComparison.Ordinal),
        """
        public sealed class Bot
        {
            [RiskSdk.OrderPlacement]
            internal void Send(Desk desk, Order o) { desk[0] = o; }
        }
        """ + Desk.Replace("[OrderPlacement", "[RiskSdk.OrderPlacement", System.StringComparison.Ordinal),
        UnguardedOrderCodeFixProvider.MarkOrderPlacementKey,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0));

    [Fact]
    public Task The_guard_fix_guards_a_write_of_a_placement_accessor() => Verify.CodeFix<UnguardedOrderCodeFixProvider>(
        """
        using RiskSdk;

        public sealed class Bot(RiskPipeline pipeline)
        {
            public void Send(Desk desk, TradeIntent intent, Order o)
            {
                {|#0:desk[0]|} = o;
            }
        }
        """ + Desk,
        """
        using RiskSdk;

        public sealed class Bot(RiskPipeline pipeline)
        {
            public void Send(Desk desk, TradeIntent intent, Order o)
            {
                if (!pipeline.Evaluate(in intent).IsApproved)
                {
                    return;
                }

                desk[0] = o;
            }
        }
        """ + Desk,
        UnguardedOrderCodeFixProvider.GuardWithKeyPrefix + "pipeline.Evaluate",
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0));
}
