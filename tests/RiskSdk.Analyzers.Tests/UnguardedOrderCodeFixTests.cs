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
        batch: (
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
            [Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId)]),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task Fix_all_marks_each_method_once() => Verify.CodeFix<UnguardedOrderCodeFixProvider>(
        """
        public sealed class Desk
        {
            private void Send(Broker broker, Order order)
            {
                {|#0:broker.Place(order)|};
                {|#1:broker.Place(order)|};
            }

            internal void Resend(Broker broker, Order order) => {|#2:broker.Place(order)|};
        }
        """,
        """
        public sealed class Desk
        {
            [RiskSdk.OrderPlacement]
            private void Send(Broker broker, Order order)
            {
                broker.Place(order);
                broker.Place(order);
            }

            [RiskSdk.OrderPlacement]
            internal void Resend(Broker broker, Order order) => broker.Place(order);
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

    [Fact]
    public Task Fix_all_marks_a_private_wrapper_chain_up_to_the_first_public_method() => Verify.CodeFix<UnguardedOrderCodeFixProvider>(
        """
        public sealed class Desk(Broker broker)
        {
            public void Run(Order order) => Send(order);

            private void Send(Order order) => Raw(order);

            private void Raw(Order order) => {|#0:broker.Place(order)|};
        }
        """,
        """
        public sealed class Desk(Broker broker)
        {
            [RiskSdk.OrderPlacement]
            public void Run(Order order) => Send(order);

            [RiskSdk.OrderPlacement]
            private void Send(Order order) => Raw(order);

            [RiskSdk.OrderPlacement]
            private void Raw(Order order) => broker.Place(order);
        }
        """,
        UnguardedOrderCodeFixProvider.MarkOrderPlacementKey,
        batch: (
            """
            public sealed class Desk(Broker broker)
            {
                public void Run(Order order) => {|#0:Send(order)|};

                [RiskSdk.OrderPlacement]
                private void Send(Order order) => Raw(order);

                [RiskSdk.OrderPlacement]
                private void Raw(Order order) => broker.Place(order);
            }
            """,
            [Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0)]),
        iterations: 3,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task Guard_is_the_first_fix_offered() => Verify.FirstCodeFix<UnguardedOrderCodeFixProvider>(
        """
        using RiskSdk;

        public sealed class Desk(RiskPipeline pipeline, Broker broker)
        {
            public void Send(TradeIntent intent, Order order) => {|#0:broker.Place(order)|};
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
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));
}
