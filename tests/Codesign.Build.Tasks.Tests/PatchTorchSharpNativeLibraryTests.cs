using Codesign.Build.Tasks.Elf;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Codesign.Build.Tasks.Tests;

public sealed class PatchTorchSharpNativeLibraryTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void SystemLibStdCxxWithTheVersionLeavesTheLibraryAlone()
    {
        var library = SyntheticElfBuilder.TorchSharpLike().Build();
        var libraryPath = library.WriteTo(_directory.Path);
        var task = CreateTask(SystemLibStdCxxDefiningUpTo(32), libraryPath);

        Assert.True(task.Execute());

        Assert.Empty(task.PatchedLibraries);
        Assert.Equal(library.Bytes, File.ReadAllBytes(libraryPath));
        Assert.Contains(_engine.Messages, message => message.Importance == MessageImportance.Low && message.Message!.Contains("defines GLIBCXX_3.4.32", StringComparison.Ordinal));
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void SystemLibStdCxxWithoutTheVersionGetsTheLibraryPatched()
    {
        var libraryPath = SyntheticElfBuilder.TorchSharpLike().Build().WriteTo(_directory.Path);
        var task = CreateTask(SystemLibStdCxxDefiningUpTo(30), libraryPath);

        Assert.True(task.Execute());

        Assert.Equal([libraryPath], task.PatchedLibraries.Select(item => item.ItemSpec));
        Assert.True(Weak(libraryPath));
        var message = Assert.Single(_engine.Messages, message => message.Importance == MessageImportance.Normal);
        Assert.Equal($"Patched {libraryPath}: GLIBCXX_3.4.32 requirement marked weak (system libstdc++ lacks it)", message.Message);
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
    }

    [Fact]
    public void ASecondRunReportsAlreadyWeakAndPatchesNothing()
    {
        var libraryPath = SyntheticElfBuilder.TorchSharpLike().Build().WriteTo(_directory.Path);
        var systemLibrary = SystemLibStdCxxDefiningUpTo(30);
        Assert.True(CreateTask(systemLibrary, libraryPath).Execute());
        var patched = File.ReadAllBytes(libraryPath);
        _engine.Messages.Clear();

        var second = CreateTask(systemLibrary, libraryPath);
        Assert.True(second.Execute());

        Assert.Empty(second.PatchedLibraries);
        Assert.Equal(patched, File.ReadAllBytes(libraryPath));
        Assert.Contains(_engine.Messages, message => message.Importance == MessageImportance.Low && message.Message!.EndsWith("requirement already weak", StringComparison.Ordinal));
        Assert.DoesNotContain(_engine.Messages, message => message.Importance == MessageImportance.Normal);
    }

    [Fact]
    public void MissingLibrariesAreSkippedWithoutError()
    {
        var present = SyntheticElfBuilder.TorchSharpLike().Build().WriteTo(_directory.Path);
        var absent = Path.Combine(_directory.Path, "publish", "libLibTorchSharp.so");
        var task = CreateTask(SystemLibStdCxxDefiningUpTo(30), absent, present);

        Assert.True(task.Execute());

        Assert.Equal([present], task.PatchedLibraries.Select(item => item.ItemSpec));
        Assert.False(File.Exists(absent));
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
    }

    [Fact]
    public void ACorruptLibraryFailsWithCsd0801NamingTheFile()
    {
        var corrupt = Path.Combine(_directory.Path, "libLibTorchSharp.so");
        File.WriteAllBytes(corrupt, [.. SyntheticElfBuilder.TorchSharpLike().Build().Bytes[..100]]);
        var healthy = Path.Combine(_directory.Path, "other", "libLibTorchSharp.so");
        Directory.CreateDirectory(Path.GetDirectoryName(healthy)!);
        File.WriteAllBytes(healthy, SyntheticElfBuilder.TorchSharpLike().Build().Bytes);
        var task = CreateTask(SystemLibStdCxxDefiningUpTo(30), corrupt, healthy);

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("CSD0801", error.Code);
        Assert.Equal(corrupt, error.File);
        Assert.Contains(corrupt, error.Message, StringComparison.Ordinal);
        Assert.True(Weak(healthy), "One corrupt copy must not stop the others from being patched.");
    }

    [Fact]
    public void ACorruptSystemLibStdCxxFailsWithCsd0801()
    {
        var libraryPath = SyntheticElfBuilder.TorchSharpLike().Build().WriteTo(_directory.Path);
        var systemLibrary = Path.Combine(_directory.Path, "libstdc++.so.6");
        File.WriteAllText(systemLibrary, "not an ELF file, but long enough to hold an ELF64 header of sixty-four bytes");

        Assert.False(CreateTask(systemLibrary, libraryPath).Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("CSD0801", error.Code);
        Assert.Equal(systemLibrary, error.File);
        Assert.False(Weak(libraryPath));
    }

    [Fact]
    public void AMissingSystemLibStdCxxOverrideFailsWithCsd0802()
    {
        var libraryPath = SyntheticElfBuilder.TorchSharpLike().Build().WriteTo(_directory.Path);
        var systemLibrary = Path.Combine(_directory.Path, "nowhere", "libstdc++.so.6");

        Assert.False(CreateTask(systemLibrary, libraryPath).Execute());

        Assert.Equal("CSD0802", Assert.Single(_engine.Errors).Code);
        Assert.False(Weak(libraryPath));
    }

    [Fact]
    public void RequiredVersionSelectsWhichRequirementIsWeakened()
    {
        var libraryPath = SyntheticElfBuilder.TorchSharpLike().Build().WriteTo(_directory.Path);
        var task = CreateTask(SystemLibStdCxxDefiningUpTo(29), libraryPath);
        task.RequiredVersion = "GLIBCXX_3.4.30";

        Assert.True(task.Execute());

        var weak = ElfVersionNeeds.ReadRequirements(libraryPath).Where(requirement => requirement.IsWeak);
        Assert.Equal(["GLIBCXX_3.4.30"], weak.Select(requirement => requirement.VersionName));
    }

    private PatchTorchSharpNativeLibrary CreateTask(string systemLibStdCxx, params string[] libraries) =>
        new()
        {
            BuildEngine = _engine,
            SystemLibStdCxx = systemLibStdCxx,
            Libraries = [.. libraries.Select(path => new TaskItem(path))],
        };

    private string SystemLibStdCxxDefiningUpTo(int newest)
    {
        var folder = Path.Combine(_directory.Path, $"system-{newest}");
        Directory.CreateDirectory(folder);
        return SyntheticElfBuilder.LibStdCxxDefiningUpTo(newest).Build().WriteTo(folder, "libstdc++.so.6");
    }

    private static bool Weak(string libraryPath) =>
        ElfVersionNeeds.ReadRequirements(libraryPath)
            .Single(requirement => requirement.File == "libstdc++.so.6" && requirement.VersionName == "GLIBCXX_3.4.32")
            .IsWeak;
}
