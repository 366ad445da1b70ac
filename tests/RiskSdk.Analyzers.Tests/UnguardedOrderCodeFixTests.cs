using System.Threading.Tasks;
using RiskSdk.CodeFixes;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>RISK001 fixes: mark the containing method, or guard with the one check that fits.</summary>
public sealed class UnguardedOrderCodeFixTests
{
    private const string GuardKey = UnguardedOrderCodeFixProvider.GuardWithKeyPrefix + "pipeline.Evaluate";

    [Fact]
    public Task Mark_containing_method() => Verify.CodeFix<UnguardedOrderCodeFixProvider>(
        """
        using RiskSdk;

        public sealed class Desk
        {
            /// <summary>Sends.</summary>
            public void Send(Broker broker, Order order)
            {
                {|#0:broker.Place(order)|};
            }
        }
        """,
        """
        using RiskSdk;

        public sealed class Desk
        {
            /// <summary>Sends.</summary>
            [OrderPlacement]
            public void Send(Broker broker, Order order)
            {
                broker.Place(order);
            }
        }
        """,
        UnguardedOrderCodeFixProvider.MarkOrderPlacementKey,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task Fix_all_marks_each_method_once() => Verify.CodeFix<UnguardedOrderCodeFixProvider>(
        """
        public sealed class Desk
        {
            public void Send(Broker broker, Order order)
            {
                {|#0:broker.Place(order)|};
                {|#1:broker.Place(order)|};
            }

            public void Resend(Broker broker, Order order) => {|#2:broker.Place(order)|};
        }
        """,
        """
        public sealed class Desk
        {
            [RiskSdk.OrderPlacement]
            public void Send(Broker broker, Order order)
            {
                broker.Place(order);
                broker.Place(order);
            }

            [RiskSdk.OrderPlacement]
            public void Resend(Broker broker, Order order) => broker.Place(order);
        }
        """,
        UnguardedOrderCodeFixProvider.MarkOrderPlacementKey,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 2));

    [Theory]
    [InlineData("""
        {
            {|#0:broker.Place(order)|};
        }
        """)]
    [InlineData("=> {|#0:broker.Place(order)|};")]
    public Task Guard_with_the_one_fitting_check(string body) => Verify.CodeFix<UnguardedOrderCodeFixProvider>(
        $$"""
        using RiskSdk;

        public sealed class Desk(RiskPipeline pipeline, Broker broker)
        {
            public void Send(TradeIntent intent, Order order)
            {{body.Replace("\n", "\n    ", System.StringComparison.Ordinal)}}
        }
        """,
        """
        using RiskSdk;

        public sealed class Desk(RiskPipeline pipeline, Broker broker)
        {
            public void Send(TradeIntent intent, Order order)
            {
                if (!pipeline.Evaluate(in intent).IsApproved)
                {
                    return;
                }

                broker.Place(order);
            }
        }
        """,
        GuardKey,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task Guard_with_an_assert_style_check_in_a_lambda() => Verify.CodeFix<UnguardedOrderCodeFixProvider>(
        """
        using System;

        public sealed class Desk(Broker broker)
        {
            public Action Sender(Order order, Gatekeeper keeper) => () => {|#0:broker.Place(order)|};
        }

        public sealed class Gatekeeper { [RiskSdk.PositionLimitCheck] public void Ensure(Order order) { } }
        """,
        """
        using System;

        public sealed class Desk(Broker broker)
        {
            public Action Sender(Order order, Gatekeeper keeper) => () => { keeper.Ensure(order); broker.Place(order); };
        }

        public sealed class Gatekeeper { [RiskSdk.PositionLimitCheck] public void Ensure(Order order) { } }
        """,
        UnguardedOrderCodeFixProvider.GuardWithKeyPrefix + "keeper.Ensure",
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task No_guard_when_nothing_fits() => Verify.NoCodeFix<UnguardedOrderCodeFixProvider>(
        """
        public sealed class Desk(Broker broker)
        {
            public void Send(Order order) => {|#0:broker.Place(order)|};
        }
        """,
        GuardKey,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task No_guard_when_several_fit() => Verify.NoCodeFix<UnguardedOrderCodeFixProvider>(
        Prelude.Body("{|#0:broker.Place(order)|};"),
        UnguardedOrderCodeFixProvider.GuardWithKeyPrefix + "limits.CanOpen",
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));
}
