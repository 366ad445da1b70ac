using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>
/// One exchange's order window once retired: no take counts in it (they move to the exchange's next window), and a
/// give-back says it belongs to the next window, which holds the order when the window handed its counts over.
/// </summary>
public sealed class OrderRateWindowTests
{
    [Fact]
    public void A_window_that_handed_its_counts_over_counts_nothing_and_sends_give_backs_to_its_successor()
    {
        var window = new OrderRateWindow(0);
        Assert.Equal(OrderRateWindow.Take.Counted, window.TryTake(0, 2, out _, out var countedIn));

        Assert.True(window.TryHandOver(5, out var successor));
        Assert.False(window.TryHandOver(5, out _));
        Assert.True(window.IsRetired);
        Assert.Equal(OrderRateWindow.Take.Moved, window.TryTake(5, 2, out _, out _));
        Assert.False(window.Untake(countedIn));

        Assert.Equal(1, successor!.CountAt(5));
        Assert.True(successor.Untake(countedIn));
        Assert.Equal(0, successor.CountAt(5));
    }

    [Fact]
    public void A_reclaimed_window_counts_nothing_and_has_nothing_to_give_back()
    {
        var window = new OrderRateWindow(0);
        Assert.Equal(OrderRateWindow.Take.Counted, window.TryTake(0, 2, out _, out var countedIn));
        Assert.False(window.TryRetire(OrderRateLimiter.BucketsPerSecond));
        Assert.True(window.TryRetire(OrderRateLimiter.BucketsPerSecond + 1));

        Assert.Equal(OrderRateWindow.Take.Moved, window.TryTake(0, 2, out _, out _));
        Assert.Equal(OrderRateWindow.Take.Moved, window.TryTake(100, 2, out _, out _));
        Assert.False(window.Untake(countedIn));
    }
}
