using RiskSdk;
using RiskSdk.Gates;

// Generated at compile time: binding of CONSUMER_* variables, with every problem reported at once.
var configuration = ConsumerSettings.BindFromEnvironment();
if (!configuration.TryGetSettings(out var settings))
{
    foreach (var problem in configuration.Errors)
    {
        Console.Error.WriteLine(problem);
    }

    return 78;
}

var broker = new PaperBroker();
using var context = new RiskContext(settings.ToRiskSettings());
var pipeline = new ConsumerPipeline(context);

var intent = new TradeIntent { Exchange = "NSE", Side = TradeSide.Buy, Confidence = 0.91, KellyFraction = 0.22, Lots = 2 };
var decision = pipeline.Evaluate(in intent);
if (!decision.IsApproved)
{
    Console.WriteLine("decision: " + decision.Message);
    return 1;
}

var positionId = broker.PlaceOrder(intent);
decision.Reservation.Commit(positionId);
Console.WriteLine($"decision: approved, {context.Book.GetCounts("NSE").Open} open on NSE, cap {settings.MaxOpenPositions}");
return 0;

/// <summary>Generated at compile time: straight-line calls to each gate, the position limit last.</summary>
[GatePipeline(
    typeof(KillSwitchGate), typeof(MinimumConfidenceGate), typeof(MinimumKellyGate), typeof(MaximumLotsGate),
    typeof(OrderRateGate), typeof(CooldownGate), typeof(PositionLimitGate))]
internal sealed partial class ConsumerPipeline;

/// <summary>The SDK's auto-execution settings under this app's prefix.</summary>
[EnvironmentSettings("CONSUMER_"), AutoExecSettings]
internal sealed partial class ConsumerSettings;

internal sealed class PaperBroker
{
    private int _next;

    [OrderPlacement]
    public string PlaceOrder(TradeIntent intent) => $"{intent.Exchange}-{++_next}";
}
