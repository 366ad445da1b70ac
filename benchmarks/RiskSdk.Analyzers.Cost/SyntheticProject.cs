using System.Globalization;
using System.Text;

namespace RiskSdk.Analyzers.Cost;

/// <summary>
/// Writes a synthetic trading project: <c>classes</c> classes of <c>methodsPerClass</c> methods each, every
/// <c>placementEvery</c>-th method placing an order (alternately guarded and not, or all guarded: a project that
/// builds clean), the rest ordinary code with calls, branches and loops.
/// </summary>
internal static class SyntheticProject
{
    public const string Api = """
        using RiskSdk;

        public sealed class Order { public int Lots; }
        public sealed class Broker { [OrderPlacement] public void Place(Order order) { } }
        public sealed class Limits { [PositionLimitCheck] public bool CanOpen(Order order) => order.Lots < 4; }
        """;

    public static string Class(int index, int methodsPerClass, int placementEvery, bool guardAll)
    {
        var text = new StringBuilder();
        text.AppendLine("using System;").AppendLine("using System.Collections.Generic;");
        text.AppendLine(CultureInfo.InvariantCulture, $"public sealed class Desk{index}").AppendLine("{");
        text.AppendLine("    private readonly Broker _broker = new(); private readonly Limits _limits = new(); private readonly List<int> _seen = new();");
        for (var m = 0; m < methodsPerClass; m++)
        {
            var global = (index * methodsPerClass) + m;
            if (placementEvery > 0 && global % placementEvery == 0)
            {
                var guard = guardAll || global / placementEvery % 2 == 0 ? "if (!_limits.CanOpen(order)) return;" : string.Empty;
                text.AppendLine(CultureInfo.InvariantCulture, $$"""
                        public void Send{{m}}(Order order, int retries)
                        {
                            for (var i = 0; i < retries; i++) { if (order.Lots > i) { _seen.Add(i); } }
                            {{guard}}
                            _broker.Place(order);
                        }
                    """);
            }
            else
            {
                text.AppendLine(CultureInfo.InvariantCulture, $$"""
                        public int Work{{m}}(int a, string s)
                        {
                            var total = 0;
                            for (var i = 0; i < a; i++) { total += s.Length > i ? i : -i; }
                            if (total > 10 && s.StartsWith("x", StringComparison.Ordinal)) { _seen.Add(total); return total; }
                            try { total += int.Parse(s); } catch (FormatException) { total = -1; }
                            return Math.Max(total, _seen.Count);
                        }
                    """);
            }
        }

        return text.AppendLine("}").ToString();
    }
}
