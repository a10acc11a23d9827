namespace Codesign.Hls.Tests;

/// <summary>A fresh folder under the system temp directory, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"codesign-hls-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A library still mapped by the test process; the temp cleaner gets it later.
        }
    }
}
