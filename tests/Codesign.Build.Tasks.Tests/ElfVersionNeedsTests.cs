using System.Runtime.Versioning;
using Codesign.Build.Tasks.Elf;

namespace Codesign.Build.Tasks.Tests;

public sealed class ElfVersionNeedsTests : IDisposable
{
    private const string LibStdCxx = "libstdc++.so.6";
    private const string Missing = "GLIBCXX_3.4.32";

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void ReadRequirementsListsEveryVernauxWithItsFileFlagsAndOffset()
    {
        var elf = SyntheticElfBuilder.TorchSharpLike().Build();

        var requirements = ElfVersionNeeds.ReadRequirements(elf.WriteTo(_directory.Path));

        ElfVersionRequirement[] expected =
        [
            new("libc.so.6", "GLIBC_2.2.5", 0, 2, elf.FlagOffsets[("libc.so.6", "GLIBC_2.2.5")]),
            new(LibStdCxx, "GLIBCXX_3.4.30", 0, 3, elf.FlagOffsets[(LibStdCxx, "GLIBCXX_3.4.30")]),
            new(LibStdCxx, Missing, 0, 4, elf.FlagOffsets[(LibStdCxx, Missing)]),
        ];
        Assert.Equal(expected, requirements);
        Assert.All(requirements, requirement => Assert.False(requirement.IsWeak));
    }

    [Fact]
    public void ReadRequirementsReportsFlagsThatAreAlreadySet()
    {
        var elf = new SyntheticElfBuilder()
            .NeedWithFlags(LibStdCxx, ("GLIBCXX_3.4.30", 0), (Missing, 2))
            .Build();

        var requirements = ElfVersionNeeds.ReadRequirements(new MemoryStream(elf.Bytes));

        Assert.Equal([(ushort)0, (ushort)2], requirements.Select(requirement => requirement.Flags));
        Assert.Equal([false, true], requirements.Select(requirement => requirement.IsWeak));
    }

    [Fact]
    public void WeakenChangesOnlyTheTwoFlagBytesOfTheRequestedVersion()
    {
        var elf = SyntheticElfBuilder.TorchSharpLike().Build();
        var path = elf.WriteTo(_directory.Path);

        var result = ElfVersionNeeds.WeakenVersionRequirement(path, LibStdCxx, Missing);

        Assert.Equal(VersionRequirementPatchResult.Patched, result);
        var after = File.ReadAllBytes(path);
        var flagsOffset = elf.FlagOffsets[(LibStdCxx, Missing)];
        // 0x0000 becomes 0x0002, so of the two flag bytes only the low (first, little-endian) one changes.
        Assert.Equal([flagsOffset], ByteComparison.DifferingOffsets(elf.Bytes, after));
        Assert.Equal(2, BitConverter.ToUInt16(after, (int)flagsOffset));

        var weak = ElfVersionNeeds.ReadRequirements(path).Where(requirement => requirement.IsWeak);
        Assert.Equal((LibStdCxx, Missing), Assert.Single(weak.Select(requirement => (requirement.File, requirement.VersionName))));
    }

    [Fact]
    public void WeakenKeepsFlagBitsItDoesNotOwn()
    {
        var elf = new SyntheticElfBuilder().NeedWithFlags(LibStdCxx, (Missing, 0x8001)).Build();
        var path = elf.WriteTo(_directory.Path);

        Assert.Equal(VersionRequirementPatchResult.Patched, ElfVersionNeeds.WeakenVersionRequirement(path, LibStdCxx, Missing));

        Assert.Equal(0x8003, Assert.Single(ElfVersionNeeds.ReadRequirements(path)).Flags);
    }

    [Fact]
    public void WeakenTwiceReportsAlreadyWeakAndDoesNotTouchTheFile()
    {
        var path = SyntheticElfBuilder.TorchSharpLike().Build().WriteTo(_directory.Path);
        ElfVersionNeeds.WeakenVersionRequirement(path, LibStdCxx, Missing);
        var patched = File.ReadAllBytes(path);
        var stamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        var result = ElfVersionNeeds.WeakenVersionRequirement(path, LibStdCxx, Missing);

        Assert.Equal(VersionRequirementPatchResult.AlreadyWeak, result);
        Assert.Equal(patched, File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void WeakenReportsAlreadyWeakForARequirementLinkedWeak()
    {
        var elf = new SyntheticElfBuilder().NeedWithFlags(LibStdCxx, (Missing, 2)).Build();
        var path = elf.WriteTo(_directory.Path);

        Assert.Equal(VersionRequirementPatchResult.AlreadyWeak, ElfVersionNeeds.WeakenVersionRequirement(path, LibStdCxx, Missing));
        Assert.Equal(elf.Bytes, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(LibStdCxx, "GLIBCXX_3.4.31")]
    [InlineData("libc.so.6", Missing)]
    [InlineData(LibStdCxx, "GLIBC_2.2.5")]
    [InlineData("libstdc++.so", Missing)]
    public void WeakenReportsNotPresentWhenThatLibraryDoesNotNeedThatVersion(string library, string version)
    {
        var elf = SyntheticElfBuilder.TorchSharpLike().Build();
        var path = elf.WriteTo(_directory.Path);

        Assert.Equal(VersionRequirementPatchResult.NotPresent, ElfVersionNeeds.WeakenVersionRequirement(path, library, version));
        Assert.Equal(elf.Bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void AFileWithoutVersionNeedsHasNoRequirements()
    {
        var path = new SyntheticElfBuilder().Define(LibStdCxx, "GLIBCXX_3.4.30").Build().WriteTo(_directory.Path);

        Assert.Empty(ElfVersionNeeds.ReadRequirements(path));
        Assert.Equal(VersionRequirementPatchResult.NotPresent, ElfVersionNeeds.WeakenVersionRequirement(path, LibStdCxx, Missing));
    }

    [Theory]
    [InlineData("rwxr-xr-x")]
    [InlineData("rwxr--r--")]
    [InlineData("rw-------")]
    [InlineData("r--r--r--")]
    [UnsupportedOSPlatform("windows")]
    public void WeakenKeepsTheFileMode(string symbolicMode)
    {
        var mode = ParseSymbolicMode(symbolicMode);
        var path = SyntheticElfBuilder.TorchSharpLike().Build().WriteTo(_directory.Path);
        File.SetUnixFileMode(path, mode);

        ElfVersionNeeds.WeakenVersionRequirement(path, LibStdCxx, Missing);

        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void WeakenLeavesNoTemporaryFileBehind()
    {
        var path = SyntheticElfBuilder.TorchSharpLike().Build().WriteTo(_directory.Path);

        ElfVersionNeeds.WeakenVersionRequirement(path, LibStdCxx, Missing);

        Assert.Equal([path], Directory.GetFiles(_directory.Path));
    }

    /// <summary>Reads an <c>ls -l</c> style mode such as <c>rwxr-xr-x</c>.</summary>
    private static UnixFileMode ParseSymbolicMode(string symbolic)
    {
        UnixFileMode[] bits =
        [
            UnixFileMode.UserRead, UnixFileMode.UserWrite, UnixFileMode.UserExecute,
            UnixFileMode.GroupRead, UnixFileMode.GroupWrite, UnixFileMode.GroupExecute,
            UnixFileMode.OtherRead, UnixFileMode.OtherWrite, UnixFileMode.OtherExecute,
        ];
        return bits.Where((_, index) => symbolic[index] != '-').Aggregate(UnixFileMode.None, (mode, bit) => mode | bit);
    }
}
