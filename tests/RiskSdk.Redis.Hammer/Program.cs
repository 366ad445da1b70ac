using System;
using System.Globalization;
using RiskSdk;
using RiskSdk.Redis;
using RiskSdk.Redis.Hammer;

// Usage:
//   hammer <connection> <key-prefix> <scope> <cap> <operations> <seed>
//     random reserve / commit / release / close against one shared cap; ends every reservation it holds, then prints
//     "TALLY reserved=.. committed=.. released=.. closed=.. atcapacity=.. unavailable=.. open=id,id,.." and exits 0.
//   hold <connection> <key-prefix> <scope> <cap> <count> <reservation-timeout-ms>
//     takes <count> reservations, prints "HELD <count>" and waits to be killed.
//   trade <connection> <key-prefix> <exchange> <auto-exec-enabled true|false>
//     a trading process sharing its trading state through the ledger, driven by lines on stdin (see Trader).
if (args.Length == 5 && args[0] == "trade")
{
    var tradeOptions = new RedisPositionBookOptions
    {
        KeyPrefix = args[2],
        OwnerId = string.Create(CultureInfo.InvariantCulture, $"trader-{Environment.ProcessId}"),
        OperationTimeout = TimeSpan.FromSeconds(2),

        // Halts arrive by subscription within milliseconds; a generous staleness bound keeps a loaded test machine from
        // refusing an entry for an unconfirmed state where the test expects an approval.
        TradingStateStaleAfter = TimeSpan.FromSeconds(5),
    };
    using var tradeBook = RedisPositionBook.Connect(args[1], tradeOptions);
    using var context = new RiskContext(Trader.Settings(bool.Parse(args[4])), tradeBook); // shares its switch through the ledger

    // READY only once the ledger's trading state is adopted: a halt set before this process started is in force then.
    return LedgerReady.TradingStateKnown(context) ? new Trader(context, args[3]).Run() : LedgerReady.Unavailable;
}

if (args.Length != 7)
{
    Console.Error.WriteLine("usage: hammer|hold <connection> <key-prefix> <scope> <cap> <operations|count> <seed|reservation-timeout-ms>, or trade <connection> <key-prefix> <exchange> <auto-exec-enabled>");
    return 64;
}

var mode = args[0];
var scope = args[3];
var cap = int.Parse(args[4], CultureInfo.InvariantCulture);
var amount = int.Parse(args[5], CultureInfo.InvariantCulture);
var last = int.Parse(args[6], CultureInfo.InvariantCulture);
var options = new RedisPositionBookOptions
{
    KeyPrefix = args[2],
    OwnerId = string.Create(CultureInfo.InvariantCulture, $"{mode}-{Environment.ProcessId}"),
    ReservationTimeout = mode == "hold" ? TimeSpan.FromMilliseconds(last) : TimeSpan.FromSeconds(30),
    OperationTimeout = TimeSpan.FromSeconds(5),
};
using var book = RedisPositionBook.Connect(args[1], options);
if (!LedgerReady.Answering(book))
{
    return LedgerReady.Unavailable;
}

return mode switch
{
    "hammer" => new LedgerHammer(book, scope, cap, new Random(last)).Run(amount),
    "hold" => Hold(book, scope, cap, amount),
    _ => 64,
};

static int Hold(RedisPositionBook book, string scope, int cap, int count)
{
    for (var held = 0; held < count;)
    {
        if (book.TryReserve(scope, cap).IsReserved)
        {
            held++;
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HELD {count}"));
    Console.Out.Flush();
    System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);
    return 0;
}
