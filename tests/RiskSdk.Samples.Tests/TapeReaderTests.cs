using System.IO;
using System.Linq;
using OiTracker.Tape;
using Xunit;
using static RiskSdk.Samples.Tests.HandWrittenTape;

namespace RiskSdk.Samples.Tests;

public sealed class TapeReaderTests
{
    [Fact]
    public void Malformed_rows_are_skipped_and_reported_with_their_line_numbers()
    {
        var tape = Read(
            Signal("09:20:00", "A"),
            "2026-11-25T09:21:00+05:30,NSE,signal,B,NIFTY 26000 CE,buy,1.3,0.25,1,0.5,normal,,",
            "2026-11-25T09:22:00+05:30,NSE,signal,C,NIFTY 26000 CE,buy,0.8,0.25",
            "2026-11-25T09:23:00+05:30,NSE,order,D,NIFTY 26000 CE,buy,0.8,0.25,1,0.5,normal,,",
            Signal("09:19:00", "E"),
            Exit("09:24:00", "Z"),
            "9:25,NSE,signal,F,NIFTY 26000 CE,buy,0.8,0.25,1,0.5,normal,,",
            "2026-11-25T09:26:00+05:30,NSE,signal,G,NIFTY 26000 CE,hold,0.8,0.25,1,0.5,normal,,",
            Signal("09:27:00", "A"),
            Signal("09:28:00", "H"));

        Assert.Equal(["A", "H"], tape.Events.Select(static e => e.SignalId).ToArray());
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10], tape.Problems.Select(static p => p.Line).ToArray());
        Assert.Contains("confidence 1.3 is outside 0 to 1", tape.Problems[0].Message);
        Assert.Contains("expected 13 comma-separated fields, found 8", tape.Problems[1].Message);
        Assert.Contains("event 'order'", tape.Problems[2].Message);
        Assert.Contains("earlier than line 2", tape.Problems[3].Message);
        Assert.Contains("no earlier signal row", tape.Problems[4].Message);
        Assert.Contains("time_ist '9:25'", tape.Problems[5].Message);
        Assert.Contains("side 'hold'", tape.Problems[6].Message);
        Assert.Contains("already used on line 2", tape.Problems[7].Message);
    }

    [Fact]
    public void Comments_and_blank_lines_are_not_rows_but_count_as_lines()
    {
        var tape = TapeReader.Read(new StringReader("# a comment\n\n" + Text(Signal("09:20:00", "A"), "not,a,row")), "t.csv");

        Assert.Single(tape.Events);
        Assert.Equal(5, tape.Problems.Single().Line);
    }

    [Fact]
    public void A_tape_without_the_expected_header_reports_the_missing_columns()
    {
        var tape = TapeReader.Read(new StringReader("time,exchange\n2026-11-25T09:20:00+05:30,NSE\n"), "t.csv");

        Assert.Empty(tape.Events);
        var problem = Assert.Single(tape.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("time_ist", problem.Message);
        Assert.Contains("signal_id", problem.Message);
    }

    [Fact]
    public void An_empty_file_is_reported_not_replayed()
    {
        var tape = TapeReader.Read(new StringReader(string.Empty), "empty.csv");

        Assert.Empty(tape.Events);
        Assert.Contains("no header", Assert.Single(tape.Problems).Message);
    }

    [Fact]
    public void Times_without_an_offset_are_read_as_IST()
    {
        var tape = Read("2026-11-25 09:20:00,NSE,signal,A,NIFTY 26000 CE,buy,0.8,0.25,1,0.5,normal,,");

        Assert.Equal(TapeRowParser.IndiaOffset, tape.Events.Single().Time.Offset);
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back()
    {
        var events = BundledTape.Value.Events;
        using var text = new StringWriter();
        TapeWriter.Write(text, events, ["round trip"]);

        var again = TapeReader.Read(new StringReader(text.ToString()), "again.csv");

        Assert.Empty(again.Problems);
        Assert.Equal(events.Select(static e => e with { Line = 0 }), again.Events.Select(static e => e with { Line = 0 }));
    }

    [Fact]
    public void Exits_that_contradict_their_signal_are_skipped_and_reported()
    {
        var tape = Read(
            Signal("09:20:00", "A"),
            Exit("09:21:00", "A", exchange: "BSE"),
            Exit("09:22:00", "A"),
            Exit("09:23:00", "A"),
            "2026-11-25T09:24:00+05:30,NSE,EXIT,B,NIFTY 26000 CE,,,,,,,TARGET,1");

        Assert.Equal([TapeEventKind.Signal, TapeEventKind.Exit], tape.Events.Select(static e => e.Kind).ToArray());
        Assert.Equal([3, 5, 6], tape.Problems.Select(static p => p.Line).ToArray());
        Assert.Contains("exit on BSE for signal 'A', which was on NSE (line 2)", tape.Problems[0].Message);
        Assert.Contains("signal 'A' is exited twice", tape.Problems[1].Message);
        Assert.Contains("exit for signal_id 'B', which no earlier signal row has", tape.Problems[2].Message);
    }

    [Fact]
    public void Values_are_read_in_any_case_and_repeated_texts_share_one_string()
    {
        var tape = Read(
            "2026-11-25T09:20:00+05:30,NSE,Signal,A,NIFTY 26000 CE,SELL,0.8,0.25,1,-0.5,HIGH_VOLATILITY,,",
            "2026-11-25T09:21:00+05:30,NSE,signal,B,NIFTY 26000 CE,buy,0.8,0.25,1,0.5,normal,,",
            "2026-11-25T09:22:00+05:30,NSE,Exit,A,NIFTY 26000 CE,,,,,,,Stop,-250.5");

        var (a, b, exit) = (tape.Events[0], tape.Events[1], tape.Events[2]);
        Assert.Empty(tape.Problems);
        Assert.Equal((TradeSide.Sell, MarketRegime.HighVolatility, -0.5), (a.Side, a.Regime, a.Delta));
        Assert.Equal((ExitReason.Stop, -250.5), (exit.ExitReason, exit.Pnl));
        Assert.Same(a.Exchange, b.Exchange);
        Assert.Same(a.Symbol, exit.Symbol);
    }
}
