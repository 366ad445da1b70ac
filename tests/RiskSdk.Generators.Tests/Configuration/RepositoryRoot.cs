using System.IO;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>The repository's root folder, found from the test project's snapshot folder (set at build time).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "RiskSdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("RiskSdk.sln was not found above " + System.AppContext.BaseDirectory);
    }
}
