using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Codesign.Core.Diagnostics;
using Codesign.Hls.Compilation;
using Codesign.Hls.Project;

namespace Codesign.Hls.Simulation;

/// <summary>
/// Builds a project's C-simulation programs with g++: the shared library behind <see cref="HlsPredictor"/> (top
/// function + bridge) and the testbench executable. Outputs go to <c>build/</c> under names that carry a hash of every
/// source byte and flag, so an unchanged project is not compiled twice and a changed one never reuses a stale (or
/// already loaded) library.
/// </summary>
internal static class CSimulationCompiler
{
    public const string BuildFolder = "build";

    /// <summary>Lets a user or CI pick another g++ (a path), as CC/CXX do for make.</summary>
    public const string CompilerVariable = "CODESIGN_CXX";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// -Wall -Wextra -Werror keep the generated code and our headers honest; -Wno-unknown-pragmas only because g++
    /// does not know <c>#pragma HLS</c>, which is there for Vitis.
    /// </summary>
    private static readonly string[] CommonFlags = ["-std=c++14", "-O2", "-Wall", "-Wextra", "-Werror", "-Wno-unknown-pragmas", "-Ifirmware/ap_types"];

    /// <summary>The predictor library; with <paramref name="trace"/> it also records every node's output (-DCODESIGN_TRACE).</summary>
    public static CompiledArtifact Library(HlsProject project, bool trace)
    {
        string[] flags = [.. CommonFlags, "-fPIC", "-shared", .. trace ? new[] { "-DCODESIGN_TRACE" } : []];
        string[] sources = [$"firmware/{project.Name}.cpp", $"{project.Name}_bridge.cpp"];
        return Build(project, trace ? "trace" : "lib", ".so", flags, sources);
    }

    public static CompiledArtifact TestBench(HlsProject project)
    {
        string[] sources = [$"{project.Name}_test.cpp", $"firmware/{project.Name}.cpp"];
        return Build(project, "test", string.Empty, CommonFlags, sources);
    }

    public static GppCompiler FindCompiler()
    {
        var configured = Environment.GetEnvironmentVariable(CompilerVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? new GppCompiler(configured)
                : throw new CodesignException(DiagnosticCodes.CompilerNotFound, default, $"{CompilerVariable} names '{configured}', which does not exist");
        }

        return GppCompiler.TryFind() ?? throw new CodesignException(DiagnosticCodes.CompilerNotFound, default,
            $"g++ was not found on PATH; the C-simulation needs a C++14 g++ (Debian/Ubuntu: apt-get install g++), or set {CompilerVariable} to one");
    }

    private static CompiledArtifact Build(HlsProject project, string kind, string extension, string[] flags, string[] sources)
    {
        var compiler = FindCompiler();
        var output = Path.Combine(BuildFolder, $"{project.Name}-{kind}-{InputHash(project, compiler, flags, sources)}{extension}");
        var fullPath = Path.Combine(project.Directory, output);
        if (File.Exists(fullPath))
        {
            return new CompiledArtifact(fullPath, TimeSpan.Zero, Reused: true);
        }

        Directory.CreateDirectory(Path.Combine(project.Directory, BuildFolder));

        // g++ writes its output in place; a temporary name plus a rename keeps a half-written file from ever
        // carrying the final (hash) name that marks it as good.
        var temporary = output + $".tmp-{Environment.ProcessId}";
        var clock = Stopwatch.StartNew();
        var result = compiler.Run([.. flags, .. sources, "-o", temporary], project.Directory, Timeout);
        clock.Stop();
        if (!result.Succeeded)
        {
            File.Delete(Path.Combine(project.Directory, temporary));
            var errors = string.Join(Environment.NewLine, (result.StandardError + result.StandardOutput).Split('\n').Where(l => l.Length > 0).Take(30));
            throw new CodesignException(DiagnosticCodes.CompilationFailed, SourceSpan.WholeFile(Path.Combine(project.Directory, sources[0])),
                $"g++ failed (exit code {result.ExitCode}) building {Path.GetFileName(output)}:{Environment.NewLine}{errors}");
        }

        File.Move(Path.Combine(project.Directory, temporary), fullPath, overwrite: true);
        return new CompiledArtifact(fullPath, clock.Elapsed, Reused: false);
    }

    /// <summary>SHA-256 of the compiler path, the flags and every file the sources can include (all of firmware/).</summary>
    private static string InputHash(HlsProject project, GppCompiler compiler, string[] flags, string[] sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(compiler.ExecutablePath + "\n" + string.Join("\n", flags) + "\n" + string.Join("\n", sources) + "\n"));
        var firmware = Path.Combine(project.Directory, "firmware");
        var files = Directory.EnumerateFiles(firmware, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project.Directory, f).Replace('\\', '/'))
            .Concat(sources.Where(s => !s.StartsWith("firmware/", StringComparison.Ordinal)))
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(project.Directory, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}

/// <summary>A compiled program or library, and how long g++ took (zero when an identical build was reused).</summary>
internal sealed record CompiledArtifact(string Path, TimeSpan CompileTime, bool Reused);
