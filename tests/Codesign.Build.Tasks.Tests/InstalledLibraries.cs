namespace Codesign.Build.Tasks.Tests;

/// <summary>Real files on the test machine that the synthetic tests stand in for.</summary>
internal static class InstalledLibraries
{
    public const string DebianLibStdCxx = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";

    /// <summary>TorchSharp's native library in the NuGet cache; fails the test, rather than skipping it, when it is missing.</summary>
    public static string TorchSharpNative()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages))
        {
            packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var path = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing; run 'dotnet restore' on a project that references TorchSharp 0.107.0 to put it in the NuGet cache.");
        }

        return path;
    }
}
