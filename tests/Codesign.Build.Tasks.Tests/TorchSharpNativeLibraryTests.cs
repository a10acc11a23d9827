using Codesign.Build.Tasks.Elf;

namespace Codesign.Build.Tasks.Tests;

/// <summary>The patch against the real TorchSharp 0.107.0 library and the real Debian 12 libstdc++ it is meant for.</summary>
public sealed class TorchSharpNativeLibraryTests : IDisposable
{
    private const string LibStdCxx = "libstdc++.so.6";
    private const string Missing = "GLIBCXX_3.4.32";

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void WeakeningTheRealLibraryChangesOnlyTheGlibcxx3432Flags()
    {
        var path = Path.Combine(_directory.Path, "libLibTorchSharp.so");
        File.Copy(InstalledLibraries.TorchSharpNative(), path);
        var originalBytes = File.ReadAllBytes(path);
        var before = ElfVersionNeeds.ReadRequirements(path);
        var target = Assert.Single(before, requirement => requirement.File == LibStdCxx && requirement.VersionName == Missing);
        Assert.False(target.IsWeak);

        var result = ElfVersionNeeds.WeakenVersionRequirement(path, LibStdCxx, Missing);

        Assert.Equal(VersionRequirementPatchResult.Patched, result);
        var after = ElfVersionNeeds.ReadRequirements(path);
        Assert.Equal(before.Select(requirement => requirement == target ? requirement with { Flags = 2 } : requirement), after);
        Assert.Equal([target.FlagsFileOffset], ByteComparison.DifferingOffsets(originalBytes, File.ReadAllBytes(path)));
        Assert.Equal(VersionRequirementPatchResult.AlreadyWeak, ElfVersionNeeds.WeakenVersionRequirement(path, LibStdCxx, Missing));
    }

    /// <summary>Weakening one requirement helps only if it is the only one Debian 12 cannot meet.</summary>
    [Fact]
    public void Glibcxx3432IsTheOnlyLibStdCxxVersionDebianLacks()
    {
        var defined = ElfVersionDefinitions.Read(InstalledLibraries.DebianLibStdCxx).Select(definition => definition.Name).ToHashSet();

        var lacking = ElfVersionNeeds.ReadRequirements(InstalledLibraries.TorchSharpNative())
            .Where(requirement => requirement.File == LibStdCxx && !defined.Contains(requirement.VersionName))
            .Select(requirement => requirement.VersionName);

        Assert.Equal([Missing], lacking);
    }

    [Fact]
    public void DebianLibStdCxxDefinesGlibcxx3430()
    {
        var definitions = ElfVersionDefinitions.Read(InstalledLibraries.DebianLibStdCxx);

        Assert.Contains(definitions, definition => definition.IsBase && definition.Name == LibStdCxx);
        Assert.Contains(definitions, definition => !definition.IsBase && definition.Name == "GLIBCXX_3.4.30");
        Assert.True(SystemLibStdCxx.Defines("GLIBCXX_3.4.30"));
    }
}
