using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RiskSdk.Benchmarks.Analyzers;

/// <summary>
/// The analyzer suite's synthetic project: 100 desk classes of 20 methods each (2,000 methods). In every class 16
/// methods compute and 4 place orders: three behind a position-limit check in the shapes the rule understands, and
/// in every tenth class the fourth is unguarded (10 findings in all); elsewhere the fourth is guarded too.
/// </summary>
public static class AnalyzerWorkload
{
    /// <summary>Desk classes.</summary>
    public const int Classes = 100;

    /// <summary>Methods per desk class.</summary>
    public const int MethodsPerClass = 20;

    /// <summary>Placements with no guard, one in every tenth class: the RISK001 findings the setup expects.</summary>
    public const int UnguardedPlacements = Classes / 10;

    /// <summary>Every source of the project.</summary>
    /// <returns>Paths and texts.</returns>
    public static IEnumerable<(string Path, string Text)> Sources()
    {
        yield return ("Broker.cs", """
            using RiskSdk;

            namespace Synthetic.Trading;

            public sealed class Order
            {
                public string Symbol { get; init; } = "";
                public int Lots { get; init; }
            }

            public sealed class Broker
            {
                [OrderPlacement]
                public void Place(Order order) { }
            }

            public sealed class Limits
            {
                [PositionLimitCheck]
                public bool CanOpen(Order order) => order.Lots < 5;
            }
            """);
        for (var i = 0; i < Classes; i++)
        {
            yield return (Invariant($"Desk{i}.cs"), Desk(i));
        }
    }

    private static string Desk(int index)
    {
        var text = new StringBuilder();
        text.Append(Invariant($$"""
            namespace Synthetic.Trading;

            public sealed class Desk{{index}}
            {
                private readonly Broker _broker = new();
                private readonly Limits _limits = new();

            """));
        for (var m = 0; m < MethodsPerClass - 4; m++)
        {
            text.Append(Invariant($$"""
                    public int Compute{{m}}(int count)
                    {
                        var total = 0;
                        for (var i = 0; i < count; i++)
                        {
                            total += i % 3 == 0 ? i * {{m + 1}} : -i;
                        }

                        return total > 1000 ? total / 2 : total;
                    }

                """));
        }

        text.Append("""
                public void PlaceIfAllowed(Order order)
                {
                    if (_limits.CanOpen(order))
                    {
                        _broker.Place(order);
                    }
                }

                public void PlaceOrReturn(Order order)
                {
                    if (!_limits.CanOpen(order))
                    {
                        return;
                    }

                    _broker.Place(order);
                }

                public bool PlaceWithFlag(Order order)
                {
                    var allowed = _limits.CanOpen(order);
                    if (!allowed)
                    {
                        return false;
                    }

                    _broker.Place(order);
                    return true;
                }

            """);
        text.Append(index % 10 == 0
            ? """
                    public void PlaceUnchecked(Order order) => _broker.Place(order);
                }

                """
            : """
                    public void PlaceChecked(Order order)
                    {
                        if (_limits.CanOpen(order) && order.Lots > 0)
                        {
                            _broker.Place(order);
                        }
                    }
                }

                """);
        return text.ToString();
    }

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
