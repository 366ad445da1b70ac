using System.Threading.Tasks;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>A pipeline held through <see cref="IRiskPipeline"/> guards an order like a concrete one: the contract carries <c>[PositionLimitCheck]</c>.</summary>
public sealed class PipelineContractTests
{
    private const string Desk = """
        using RiskSdk;

        public class Desk
        {
            public void Run(IRiskPipeline pipeline, Broker broker, Order order, TradeIntent intent)
            {
                BODY
            }
        }
        """;

    [Fact]
    public Task An_order_guarded_by_the_contract_s_Evaluate_is_clean() =>
        Verify.Analyzer(Desk.Replace("BODY", "if (pipeline.Evaluate(in intent).IsApproved) broker.Place(order);", System.StringComparison.Ordinal));

    [Fact]
    public Task An_order_without_the_contract_s_Evaluate_is_RISK001() =>
        Verify.Analyzer(Desk.Replace("BODY", "{|#0:broker.Place(order)|};", System.StringComparison.Ordinal), Verify.Diagnostic("RISK001"));
}
