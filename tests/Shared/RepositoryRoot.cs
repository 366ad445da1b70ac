using System;
using System.IO;

namespace RiskSdk.Testing;

/// <summary>
/// The repository's root folder: the nearest folder above the test output that holds <c>RiskSdk.sln</c>. Compiled
/// into each test project that reads the repository's own files (docs, release tracking, the package's sources).
/// </summary>
internal static class RepositoryRoot
{
    /// <summary>The root folder's full path.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "RiskSdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("RiskSdk.sln was not found above " + AppContext.BaseDirectory);
    }
}
