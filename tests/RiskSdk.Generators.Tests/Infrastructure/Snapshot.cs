using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit.Sdk;

namespace RiskSdk.Generators.Tests.Infrastructure;

/// <summary>
/// Golden-file assertions in the Verify style: <c>Snapshots/&lt;name&gt;.verified.cs</c> is committed; a mismatch
/// writes <c>&lt;name&gt;.received.cs</c> beside it and fails with the first differing lines; <c>UPDATE_SNAPSHOTS=1</c>
/// accepts the received text; a missing snapshot fails (and is written as received for review).
/// </summary>
public static class Snapshot
{
    private static readonly string Directory = typeof(Snapshot).Assembly.GetCustomAttribute<SnapshotDirectoryAttribute>()!.Path;

    public static void Match(string name, string actual)
    {
        actual = Normalize(actual);
        var verified = Path.Combine(Directory, name + ".verified.cs");
        var received = Path.Combine(Directory, name + ".received.cs");
        var update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        if (update)
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        if (!File.Exists(verified))
        {
            File.WriteAllText(received, actual, new UTF8Encoding(false));
            throw new XunitException($"No snapshot {verified}. Review {received} and accept it with UPDATE_SNAPSHOTS=1.");
        }

        var expected = Normalize(File.ReadAllText(verified));
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        throw new XunitException($"Snapshot {name} differs; see {received} (accept with UPDATE_SNAPSHOTS=1).\n{FirstDifference(expected, actual)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        string At(string[] lines) => line < lines.Length ? lines[line] : "<end of file>";
        return $"line {line + 1}:\n  verified: {At(e)}\n  received: {At(a)}";
    }
}
