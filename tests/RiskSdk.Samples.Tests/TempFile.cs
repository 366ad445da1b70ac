using System;
using System.IO;

namespace RiskSdk.Samples.Tests;

/// <summary>A unique path in the temp folder, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string extension) => Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"oitracker-{Guid.NewGuid():N}{extension}");

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
