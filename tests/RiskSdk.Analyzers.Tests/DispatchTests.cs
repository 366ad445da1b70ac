using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RiskSdk.CodeFixes;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// Marks follow dispatch both ways (a call through the interface a marked class implements, or the base method a
/// marked override overrides, is a placement); the mark fix puts the mark on the member callers use; an obligation
/// that would reach no caller (entry point, library dispatch) is RISK005 and the mark is not offered there.
/// </summary>
public sealed class DispatchTests
{
    private const string Venues = """
        public interface IBrokerApi { void Send(Order order); }
        public sealed class KiteBroker : IBrokerApi { [RiskSdk.OrderPlacement] public void Send(Order order) { } }
        public abstract class BrokerBase { public abstract void Submit(Order order); }
        public sealed class AlpacaBroker : BrokerBase { [RiskSdk.OrderPlacement] public override void Submit(Order order) { } }
        public interface IQuotes { void Subscribe(Order order); }
        public sealed class Quotes : IQuotes { public void Subscribe(Order order) { } }
        """;

    private static DiagnosticResult Unguarded(int markup, string method, string behind) =>
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, markup).WithArguments(method, $" (it may run '{behind}')");

    [Fact]
    public Task Call_through_the_interface_of_a_marked_implementation_is_reported() => Verify.Analyzer(
        Prelude.Body("IBrokerApi api = new KiteBroker(); {|#0:api.Send(order)|};") + Venues,
        Unguarded(0, "IBrokerApi.Send", "KiteBroker.Send"));

    [Fact]
    public Task Call_through_the_base_of_a_marked_override_is_reported() => Verify.Analyzer(
        Prelude.Body("BrokerBase api = new AlpacaBroker(); {|#0:api.Submit(order)|};") + Venues,
        Unguarded(0, "BrokerBase.Submit", "AlpacaBroker.Submit"));

    [Fact]
    public Task Call_through_the_interface_of_a_listed_implementation_is_reported() => Verify.Analyzer(
        Prelude.Body("IBrokerApi api = new Vendor.Client(); {|#0:api.Send(order)|};") + """
            public interface IBrokerApi { void Send(Order order); }
            namespace Vendor { public sealed class Client : IBrokerApi { public void Send(Order order) { } } }
            """,
        [("/0/RiskSdk.OrderPlacement.txt", "M:Vendor.Client.Send(Order)\n")],
        Unguarded(0, "IBrokerApi.Send", "Client.Send"));

    [Theory]
    [InlineData("IBrokerApi api = new KiteBroker(); if (limits.CanOpen(order)) api.Send(order);")]
    [InlineData("BrokerBase api = new AlpacaBroker(); if (!limits.CanOpen(order)) return; api.Submit(order);")]
    [InlineData("IQuotes quotes = new Quotes(); quotes.Subscribe(order);")]
    public Task Guarded_or_unmarked_dispatch_is_not_reported(string statements) =>
        Verify.Analyzer(Prelude.Body(statements) + Venues);

    /// <summary>A desk called through its interface; Fix All leaves it (the mark would go on a public interface member).</summary>
    private const string DeskBehindAnInterface = """
        public interface IDesk { void Send(Order order); }

        public sealed class Desk(Broker broker) : IDesk
        {
            public void Send(Order order) => {|#0:broker.Place(order)|};
        }

        public sealed class Bot(IDesk desk)
        {
            private readonly Limits _limits = new();

            public void Run(Order order)
            {
                if (_limits.CanOpen(order)) desk.Send(order);
            }
        }
        """;

    [Fact]
    public Task Mark_fix_marks_the_interface_member_callers_use() => Verify.CodeFix<UnguardedOrderCodeFixProvider>(
        DeskBehindAnInterface,
        """
        public interface IDesk {
            [RiskSdk.OrderPlacement]
            void Send(Order order); }

        public sealed class Desk(Broker broker) : IDesk
        {
            public void Send(Order order) => broker.Place(order);
        }

        public sealed class Bot(IDesk desk)
        {
            private readonly Limits _limits = new();

            public void Run(Order order)
            {
                if (_limits.CanOpen(order)) desk.Send(order);
            }
        }
        """,
        UnguardedOrderCodeFixProvider.MarkOrderPlacementKey,
        batch: (
            DeskBehindAnInterface,
            [Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0)]),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task A_marked_handler_reached_only_by_a_mediator_is_RISK005() => Verify.Analyzer("""
        using System.Threading;
        using System.Threading.Tasks;
        using MediatR;

        public sealed record PlaceOrder(Order Order) : IRequest<bool>;

        public sealed class PlaceOrderHandler(Broker broker) : IRequestHandler<PlaceOrder, bool>
        {
            [{|#0:RiskSdk.OrderPlacement|}]
            public Task<bool> Handle(PlaceOrder request, CancellationToken cancellationToken)
            {
                broker.Place(request.Order);
                return Task.FromResult(true);
            }
        }
        """,
        Verify.Diagnostic(RiskDiagnostics.PlacementAtEntryId).WithArguments("PlaceOrderHandler.Handle", "'IRequestHandler.Handle', which only 'Dispatch' calls"));

    [Fact]
    public Task A_marked_Main_is_RISK005() => Verify.Analyzer("""
        public static class Program
        {
            [{|#0:RiskSdk.OrderPlacement|}]
            public static void Main() => new Broker().Place(new Order());
        }
        """,
        Verify.Diagnostic(RiskDiagnostics.PlacementAtEntryId).WithArguments("Program.Main", "the program's entry point"));

    [Fact]
    public Task A_marked_method_with_callers_is_not_RISK005() => Verify.Analyzer("""
        public sealed class Desk(Broker broker) : IDesk
        {
            [RiskSdk.OrderPlacement]
            public void Send(Order order) => broker.Place(order);
        }

        public interface IDesk { void Send(Order order); }
        """);

    [Theory]
    [InlineData("""
        public static class Program
        {
            public static void Main() => {|#0:new Broker().Place(new Order())|};
        }
        """)]
    [InlineData("""
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class Worker(Broker broker) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken stoppingToken)
            {
                {|#0:broker.Place(new Order())|};
                return Task.CompletedTask;
            }
        }
        """)]
    public Task No_mark_where_no_caller_would_carry_the_check(string source) => Verify.NoCodeFix<UnguardedOrderCodeFixProvider>(
        source,
        UnguardedOrderCodeFixProvider.MarkOrderPlacementKey,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));
}
