using System;
using System.Globalization;
using RiskSdk;
using RiskSdk.Redis;

namespace RiskSdk.Redis.Hammer;

/// <summary>
/// A trading process driven line by line on stdin, sharing its trading state through the ledger: <c>decide</c>
/// (an entry on the exchange, its slot given back at once), <c>halt REASON</c>, <c>reduce REASON</c>,
/// <c>resume REASON</c>, <c>state</c>, <c>exit</c>. Answers one line each; prints <c>READY state</c> first, once the
/// ledger's trading state is adopted.
/// </summary>
internal sealed class Trader
{
    private readonly RiskContext _context;
    private readonly RiskPipeline _pipeline;
    private readonly TradeIntent _entry;

    public Trader(RiskContext context, string exchange)
    {
        _context = context;
        _pipeline = RiskPipeline.CreateDefault(context);
        _entry = new TradeIntent { Exchange = exchange, Side = TradeSide.Buy, Confidence = 0.8, KellyFraction = 0.2, Lots = 1 };
    }

    /// <summary>Settings with no cooldown, so every entry reaches the kill switch and the ledger.</summary>
    /// <param name="autoExecEnabled">The process's <c>OI_TRACKER_AUTO_EXEC_ENABLED</c>.</param>
    /// <returns>The settings.</returns>
    public static RiskSettings Settings(bool autoExecEnabled) => new()
    {
        AutoExecEnabled = autoExecEnabled,
        SignalCooldown = TimeSpan.Zero,
        CooldownWithPositions = TimeSpan.Zero,
        MaxOrdersPerSecond = 100_000,
    };

    public int Run()
    {
        Say("READY " + State());
        while (Console.ReadLine() is { } line)
        {
            var parts = line.Split(' ', 2);
            var reason = parts.Length > 1 ? parts[1] : "test";
            switch (parts[0])
            {
                case "decide":
                    var decision = _pipeline.Evaluate(_entry);
                    decision.Reservation.Release();
                    Say("DECISION " + (decision.IsApproved ? "Approved" : decision.Reason.ToString()));
                    break;
                case "halt":
                    _context.Switch.Halt(reason, "operator");
                    Say("STATE " + State());
                    break;
                case "reduce":
                    _context.Switch.ReduceOnly(reason, "operator");
                    Say("STATE " + State());
                    break;
                case "resume":
                    _context.Switch.Resume(reason, "operator");
                    Say("STATE " + State());
                    break;
                case "state":
                    Say("STATE " + State());
                    break;
                case "exit":
                    return 0;
                default:
                    Say("UNKNOWN " + line);
                    break;
            }
        }

        return 0;
    }

    private string State()
    {
        var status = _context.Switch.Status;
        return string.Create(CultureInfo.InvariantCulture, $"{status.State} by={status.ChangedBy} reason={status.Reason}");
    }

    private static void Say(string line)
    {
        Console.WriteLine(line);
        Console.Out.Flush();
    }
}
