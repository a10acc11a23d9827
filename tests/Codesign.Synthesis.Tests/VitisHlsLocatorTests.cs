using System.Runtime.Versioning;
using Codesign.Core.Diagnostics;

namespace Codesign.Synthesis.Tests;

// Execute permission is what the locator checks on Unix; Windows finds vitis_hls.bat by name alone.
[UnsupportedOSPlatform("windows")]
public sealed class VitisHlsLocatorTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Finds_nothing_when_neither_PATH_nor_XILINX_HLS_has_vitis_hls()
    {
        var emptyBin = Directory.CreateDirectory(directory.Combine("bin")).FullName;

        Assert.Null(VitisHlsLocator.Locate(null, new VitisHlsSearchEnvironment(emptyBin, directory.Combine("no-install"))));
        Assert.Null(VitisHlsLocator.Locate(null, new VitisHlsSearchEnvironment(null, null)));
    }

    [Fact]
    public void Finds_vitis_hls_on_PATH()
    {
        var executable = Executable("tools", "bin", "vitis_hls");
        var path = string.Join(Path.PathSeparator, directory.Combine("elsewhere"), Path.GetDirectoryName(executable));

        Assert.Equal(executable, VitisHlsLocator.Locate(null, new VitisHlsSearchEnvironment(path, null)));
    }

    [Fact]
    public void Falls_back_to_XILINX_HLS_bin()
    {
        var executable = Executable("Vitis_HLS", "2023.1", "bin", "vitis_hls");

        var found = VitisHlsLocator.Locate(null, new VitisHlsSearchEnvironment(directory.Combine("elsewhere"), directory.Combine("Vitis_HLS", "2023.1")));

        Assert.Equal(executable, found);
    }

    [Fact]
    public void PATH_comes_before_XILINX_HLS_and_an_explicit_path_before_both()
    {
        var onPath = Executable("path", "vitis_hls");
        var installed = Executable("install", "bin", "vitis_hls");
        var chosen = Executable("chosen", "vitis_hls");
        var environment = new VitisHlsSearchEnvironment(Path.GetDirectoryName(onPath), directory.Combine("install"));

        Assert.Equal(onPath, VitisHlsLocator.Locate(null, environment));
        Assert.Equal(onPath, VitisHlsLocator.Locate("  ", environment));
        Assert.Equal(chosen, VitisHlsLocator.Locate(chosen, environment));
        Assert.Equal(installed, VitisHlsLocator.Locate(directory.Combine("install"), environment));
    }

    [Fact]
    public void A_file_without_execute_permission_on_PATH_is_skipped()
    {
        var notExecutable = directory.WriteFile(Path.Combine("path", "vitis_hls"), "#!/bin/sh\n");
        File.SetUnixFileMode(notExecutable, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Null(VitisHlsLocator.Locate(null, new VitisHlsSearchEnvironment(Path.GetDirectoryName(notExecutable), null)));
    }

    [Fact]
    public void An_explicit_path_that_does_not_exist_is_an_error_at_its_origin()
    {
        var missing = directory.Combine("Xilinx", "vitis_hls");
        var origin = new SourceSpan("/project/model.yaml", 12, 9);

        var error = Assert.Throws<CodesignException>(() => VitisHlsLocator.Locate(missing, new VitisHlsSearchEnvironment(null, null), origin));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.VitisPathInvalid, diagnostic.Code);
        Assert.Equal(origin, diagnostic.Location);
        Assert.Contains(missing, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_folder_without_the_executable_is_an_error_even_when_PATH_has_one()
    {
        var onPath = Executable("path", "vitis_hls");
        var folder = Directory.CreateDirectory(directory.Combine("empty-install")).FullName;

        var error = Assert.Throws<CodesignException>(() => VitisHlsLocator.Locate(folder, new VitisHlsSearchEnvironment(Path.GetDirectoryName(onPath), null)));

        Assert.Equal(DiagnosticCodes.VitisPathInvalid, error.Diagnostics[0].Code);
        Assert.Contains("has no bin/vitis_hls", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_file_that_is_not_executable_is_an_error()
    {
        var file = directory.WriteFile("vitis_hls", "#!/bin/sh\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<CodesignException>(() => VitisHlsLocator.Locate(file, new VitisHlsSearchEnvironment(null, null)));

        Assert.Contains("is not executable", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_not_found_warning_says_synthesis_was_skipped()
    {
        var warning = VitisHlsLocator.NotFound();

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(DiagnosticCodes.VitisNotFound, warning.Code);
        Assert.StartsWith("codesign: warning CSD0601: Vitis HLS not found; synthesis skipped.", warning.ToString(), StringComparison.Ordinal);
    }

    private string Executable(params string[] relativePath)
    {
        var path = directory.WriteFile(Path.Combine(relativePath), "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
