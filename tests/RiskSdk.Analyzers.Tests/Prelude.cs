namespace RiskSdk.Analyzers.Tests;

/// <summary>The API every analyzer test compiles against: a broker with placements and a set of checks of every shape.</summary>
internal static class Prelude
{
    public const string FileName = "/0/Prelude.cs";

    public const string Source = """
        using System;
        using System.Diagnostics.CodeAnalysis;
        using System.Threading.Tasks;
        using RiskSdk;

        public sealed class Order { }

        public struct Decision
        {
            public bool IsApproved { get; init; }
            public bool IsFinal { get; init; }
        }

        public class Broker
        {
            [OrderPlacement] public void Place(Order order) { }
            [OrderPlacement] public Task PlaceAsync(Order order) => Task.CompletedTask;
            [OrderPlacement] public void PlaceApproved(Order order, ApprovalToken token) { }
        }

        public class Limits
        {
            [PositionLimitCheck] public bool CanOpen(Order order) => true;
            [PositionLimitCheck] public Task<bool> CanOpenAsync(Order order) => Task.FromResult(true);
            [PositionLimitCheck] public bool TryReserve(Order order, out int slot) { slot = 1; return true; }
            [PositionLimitCheck] public void EnsureCanOpen(Order order) { }
            [PositionLimitCheck] public Order Checked(Order order) => order;
            [PositionLimitCheck] public Decision Decide(Order order) => default;
            [PositionLimitCheck] public Task<Decision> DecideAsync(Order order) => Task.FromResult(default(Decision));
            [PositionLimitCheck] public Task EnsureAsync(Order order) => Task.CompletedTask;
        }

        public static class Guard
        {
            [DoesNotReturn] public static void Fail() => throw new InvalidOperationException();
            public static void That([DoesNotReturnIf(false)] bool condition) { if (!condition) throw new InvalidOperationException(); }
        }
        """;

    /// <summary>Wraps statements in an async method that has a broker, limits, an order and the real pipeline in scope.</summary>
    public static string Body(string statements) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RiskSdk;

        public class Trader
        {
            public async Task Run(Broker broker, Limits limits, Limits? maybe, Order order, List<Order> orders, RiskPipeline pipeline, TradeIntent intent, bool force)
            {
                {{statements}}
                await Task.CompletedTask;
            }
        }
        """;
}
