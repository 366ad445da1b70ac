namespace RiskSdk.Analyzers.Tests.Bot;

/// <summary>
/// A realistic small trading bot, as the sources of its project: a broker interface injected into its users, the
/// Kite-style implementation that places orders (entries and reduce-only exits), a risk desk whose check returns a
/// permit with <c>IsAllowed</c>, a MediatR-style handler that checks and sends through a Polly pipeline, and an exit
/// path. <see cref="SmallBotTests"/> analyses it as it is (no diagnostic) and with one seeded bug at a time.
/// </summary>
internal static class SmallBot
{
    public const string Broker = """
        using System.Threading;
        using System.Threading.Tasks;
        using RiskSdk;

        namespace Bot.Brokers;

        public sealed record OrderRequest(string Exchange, string Symbol, int Lots);

        public interface IBroker
        {
            Task<string> PlaceOrderAsync(OrderRequest request, bool reduceOnly = false, CancellationToken cancellationToken = default);
        }

        public sealed class KiteBroker : IBroker
        {
            [OrderPlacement(ExitWhen = "reduceOnly")]
            public Task<string> PlaceOrderAsync(OrderRequest request, bool reduceOnly = false, CancellationToken cancellationToken = default) =>
                Task.FromResult($"{request.Exchange}:{request.Symbol}");
        }
        """;

    public const string RiskDesk = """
        using RiskSdk;

        namespace Bot.Risk;

        public readonly record struct Permit(bool IsAllowed, string Reason);

        public sealed class RiskDesk(int cap)
        {
            private int _open;

            [PositionLimitCheck(ApprovedWhen = "IsAllowed")]
            public Permit CanOpen(string exchange) => _open < cap ? new Permit(true, "") : new Permit(false, $"{exchange}: {_open}/{cap} open");

            public void Opened() => _open++;
        }
        """;

    public const string Handler = """
        using System.Threading;
        using System.Threading.Tasks;
        using Bot.Brokers;
        using Bot.Risk;
        using MediatR;
        using Polly;

        namespace Bot.Signals;

        public sealed record PlaceSignalOrder(OrderRequest Request) : IRequest<bool>;

        public sealed class PlaceSignalOrderHandler(IBroker broker, RiskDesk desk, ResiliencePipeline resilience) : IRequestHandler<PlaceSignalOrder, bool>
        {
            public async Task<bool> Handle(PlaceSignalOrder command, CancellationToken cancellationToken)
            {
                var permit = desk.CanOpen(command.Request.Exchange);
                if (!permit.IsAllowed)
                {
                    return false;
                }

                await resilience.ExecuteAsync(async ct => await broker.PlaceOrderAsync(command.Request, cancellationToken: ct), cancellationToken);
                desk.Opened();
                return true;
            }
        }
        """;

    public const string Exits = """
        using System.Threading.Tasks;
        using Bot.Brokers;

        namespace Bot.Exits;

        public sealed class ExitManager(IBroker broker)
        {
            public Task<string> SquareOffAsync(OrderRequest open) =>
                broker.PlaceOrderAsync(open with { Lots = -open.Lots }, reduceOnly: true);
        }
        """;

    public static string[] Sources => [Broker, RiskDesk, Handler, Exits];
}
