using Codesign.Hls.Compilation;

namespace Codesign.Hls.Tests.ApTypes;

/// <summary>
/// Compiles one generated C++ program against the embedded ap_types headers (materialized with
/// <see cref="HlsHeaders.WriteApTypes"/>) in a fresh temporary folder, runs it and returns its output lines.
/// Fails with a clear message when g++ is missing: CI installs it, so a silent skip would hide lost coverage.
/// </summary>
internal static class CppProgram
{
    public const string StrictWarnings = "-Wall -Wextra -Werror -Wpedantic";

    /// <summary>Helpers every generated program uses to move raw codes in and out of ap types.</summary>
    public const string Prelude = """
        #include "ap_fixed.h"
        #include <cstdint>
        #include <cstdio>
        #include <cstring>
        #include <string>
        using ap_detail::s128;
        using ap_detail::u128;
        // The code as a C integer: exact for every type of at most 63 bits.
        template <class T> long long code_of(const T& x) { return static_cast<long long>(static_cast<s128>(x.raw_bits())); }
        // The code in decimal: exact for every width.
        template <class T> std::string code_text(const T& x) { return ap_detail::decimal_string(x.to_wide(), 0); }
        template <class T> T from_code(long long c) { return T::from_raw_bits(static_cast<u128>(static_cast<s128>(c))); }
        template <class T> long long min_code() { return T::sign_flag ? -(1LL << (T::width - 1)) : 0; }
        template <class T> long long max_code() { return T::sign_flag ? (1LL << (T::width - 1)) - 1 : (1LL << T::width) - 1; }
        inline double double_of_bits(std::uint64_t bits) { double d; std::memcpy(&d, &bits, sizeof d); return d; }

        """;

    public static GppCompiler Compiler => GppCompiler.TryFind() ?? throw new InvalidOperationException(
        "g++ is required by the ap_types tests and was not found on PATH (Debian/Ubuntu: apt-get install g++). CI installs it.");

    /// <summary>Compiles <paramref name="source"/> (C++17, -O1, warnings as errors) and returns what it printed, line by line.</summary>
    public static string[] CompileAndRun(string name, string source, string flags = "-std=c++17 -O0 " + StrictWarnings)
    {
        var folder = Directory.CreateTempSubdirectory("codesign-aptypes-");
        try
        {
            var build = Build(folder.FullName, name, source, flags.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(build.Succeeded, $"g++ failed on {name}.cpp:\n{build.StandardError}");
            var run = ToolProcess.Run(Path.Combine(folder.FullName, name), [], folder.FullName, TimeSpan.FromMinutes(2));
            Assert.True(run.Succeeded, $"{name} exited with {run.ExitCode}:\n{run.StandardError}");
            return run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Only compiles; returns g++'s exit code and diagnostics (for programs that must not compile).</summary>
    public static ToolResult TryCompile(string name, string source, params string[] flags)
    {
        var folder = Directory.CreateTempSubdirectory("codesign-aptypes-");
        try
        {
            return Build(folder.FullName, name, source, flags);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ToolResult Build(string folder, string name, string source, IEnumerable<string> flags)
    {
        var headers = Path.Combine(folder, "include");
        HlsHeaders.WriteApTypes(headers);
        File.WriteAllText(Path.Combine(folder, name + ".cpp"), source);
        var arguments = flags.Concat(["-I", headers, name + ".cpp", "-o", name]);
        return Compiler.Run(arguments, folder, TimeSpan.FromMinutes(5));
    }
}
