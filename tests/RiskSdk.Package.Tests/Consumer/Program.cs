using RiskSdk;

var broker = new PaperBroker();
using var context = new RiskContext(RiskSettings.ForProfile(RiskProfile.Moderate));
var pipeline = RiskPipeline.CreateDefault(context);

var intent = new TradeIntent { Exchange = "NSE", Side = TradeSide.Buy, Confidence = 0.91, KellyFraction = 0.22, Lots = 2 };
var decision = pipeline.Evaluate(in intent);
if (!decision.IsApproved)
{
    Console.WriteLine("decision: " + decision.Message);
    return 1;
}

var positionId = broker.PlaceOrder(intent);
decision.Reservation.Commit(positionId);
Console.WriteLine($"decision: approved, {context.Book.GetCounts("NSE").Open} open on NSE");
return 0;

internal sealed class PaperBroker
{
    private int _next;

    [OrderPlacement]
    public string PlaceOrder(TradeIntent intent) => $"{intent.Exchange}-{++_next}";
}
