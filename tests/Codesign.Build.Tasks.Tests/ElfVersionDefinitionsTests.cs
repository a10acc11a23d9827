using System.Runtime.InteropServices;
using Codesign.Build.Tasks.Elf;

namespace Codesign.Build.Tasks.Tests;

public sealed class ElfVersionDefinitionsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void ReadListsTheBaseEntryAndEveryDefinedVersion()
    {
        var path = new SyntheticElfBuilder()
            .Define("libstdc++.so.6", "GLIBCXX_3.4.29", "GLIBCXX_3.4.30")
            .Build()
            .WriteTo(_directory.Path);

        ElfVersionDefinition[] expected =
        [
            new("libstdc++.so.6", 1, 1),
            new("GLIBCXX_3.4.29", 0, 2),
            new("GLIBCXX_3.4.30", 0, 3),
        ];
        Assert.Equal(expected, ElfVersionDefinitions.Read(path));
    }

    [Theory]
    [InlineData(30, "GLIBCXX_3.4.30", true)]
    [InlineData(30, "GLIBCXX_3.4.32", false)]
    [InlineData(32, "GLIBCXX_3.4.32", true)]
    [InlineData(32, "libstdc++.so.6", false)]
    public void DefinesAnswersForSymbolVersionsOnly(int newest, string version, bool defined)
    {
        var path = SyntheticElfBuilder.LibStdCxxDefiningUpTo(newest).Build().WriteTo(_directory.Path, "libstdc++.so.6");

        Assert.Equal(defined, ElfVersionDefinitions.Defines(path, version));
        Assert.Equal(defined, SystemLibStdCxx.Defines(version, path));
    }

    [Fact]
    public void AFileWithoutVersionDefinitionsDefinesNothing()
    {
        var path = SyntheticElfBuilder.TorchSharpLike().Build().WriteTo(_directory.Path);

        Assert.Empty(ElfVersionDefinitions.Read(path));
        Assert.False(ElfVersionDefinitions.Defines(path, "GLIBCXX_3.4.30"));
    }

    [Fact]
    public void CandidateFoldersPutThisArchitecturesMultiarchFolderFirst()
    {
        Assert.Equal("/usr/lib/x86_64-linux-gnu", SystemLibStdCxx.OrderedCandidates(Architecture.X64)[0]);
        Assert.Equal("/usr/lib/aarch64-linux-gnu", SystemLibStdCxx.OrderedCandidates(Architecture.Arm64)[0]);
        Assert.Equal(SystemLibStdCxx.OrderedCandidates(Architecture.X64).Order(), SystemLibStdCxx.OrderedCandidates(Architecture.Arm64).Order());
    }
}
