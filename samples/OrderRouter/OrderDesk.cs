using Microsoft.AspNetCore.Http;
using RiskSdk;
using RiskSdk.Positions;

namespace OrderRouter;

/// <summary>An order intent as the router receives it.</summary>
/// <param name="Exchange">The exchange.</param>
/// <param name="Confidence">The model's confidence, 0 to 1.</param>
/// <param name="KellyFraction">The Kelly fraction.</param>
/// <param name="Lots">Lots to trade.</param>
public sealed record OrderRequest(string Exchange, double Confidence, double KellyFraction, int Lots);

/// <summary>What the router answers: the position opened, or why the order was refused.</summary>
/// <param name="Approved">True when the order was placed.</param>
/// <param name="PositionId">The new position's id; null when refused.</param>
/// <param name="Reason">The rejection reason; null when placed.</param>
/// <param name="Message">The decision in a sentence.</param>
public sealed record OrderResult(bool Approved, string? PositionId, string? Reason, string Message);

/// <summary>The router's business: decide, place on approval, record the fill; close positions.</summary>
public static class OrderDesk
{
    /// <summary>Decides an order and, when approved, fills it at the paper broker and records the position.</summary>
    /// <param name="order">The order.</param>
    /// <param name="pipeline">The account's pipeline.</param>
    /// <param name="broker">The broker.</param>
    /// <returns>200 with the position; 409 when the policy refused it, 400 for a malformed order, 503 when the risk state could not be read (every refusal with its reason).</returns>
    public static IResult Place(OrderRequest order, IRiskPipeline pipeline, PaperBroker broker)
    {
        var decision = pipeline.Evaluate(new TradeIntent
        {
            Exchange = order.Exchange,
            Confidence = order.Confidence,
            KellyFraction = order.KellyFraction,
            Lots = order.Lots,
            Side = TradeSide.Buy,
        });
        if (!decision.IsApproved)
        {
            var refused = new OrderResult(false, null, decision.Reason.ToString(), decision.Message);
            return decision.Reason switch
            {
                // The order itself is malformed: sending it again will not help.
                RejectionReason.InvalidIntent or RejectionReason.InvalidExchange or RejectionReason.UnknownExchange
                    => Results.BadRequest(refused),

                // The risk state could not be read or a gate failed: nothing was decided about the order; try later.
                RejectionReason.LedgerUnavailable or RejectionReason.GateFault
                    => Results.Json(refused, statusCode: StatusCodes.Status503ServiceUnavailable),

                // A limit, a cooldown or the switch refused it: the policy said no for now.
                _ => Results.Conflict(refused),
            };
        }

        using var reservation = decision.Reservation;
        var positionId = broker.Fill(order.Exchange);
        reservation.Commit(positionId);
        return Results.Ok(new OrderResult(true, positionId, null, decision.Message));
    }

    /// <summary>Closes a position at the broker and in the book.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="positionId">The position.</param>
    /// <param name="book">The account's book.</param>
    /// <param name="broker">The broker.</param>
    /// <returns>204, or 404 for an unknown position.</returns>
    public static IResult Close(string exchange, string positionId, IPositionBook book, PaperBroker broker) =>
        broker.Close(exchange, positionId) && book.Close(exchange, positionId) ? Results.NoContent() : Results.NotFound();
}
