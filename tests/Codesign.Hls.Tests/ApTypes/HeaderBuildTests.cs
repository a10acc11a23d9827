using Codesign.Hls.Compilation;

namespace Codesign.Hls.Tests.ApTypes;

/// <summary>
/// The headers as a user meets them: they compile warning-free in C++14 and C++17 at -O2, a tour of the API prints
/// hand-checked values, unsupported types fail at compile time, and the embedded copies match the sources.
/// </summary>
public class HeaderBuildTests
{
    private const string Tour = """
        #include "ap_fixed.h"
        #include "ap_int.h"
        #include <iostream>
        #include <sstream>
        
        int main() {
          // Construction and printing.
          ap_fixed<8, 4> a = 1.5;
          ap_ufixed<6, 2, AP_RND, AP_SAT> b = 3.3;
          ap_fixed<16, 6> zero;
          std::cout << a << ' ' << b << ' ' << zero << '\n';
          // Full-precision results and their types.
          auto product = a * b;
          auto sum = a + b;
          auto difference = b - a;
          std::cout << product << ' ' << product.width << ',' << product.iwidth << ' ' << sum << ' ' << sum.width << ' ' << difference << '\n';
          // Integers: wrap, 64-bit extremes, C integer operands, implicit index conversion.
          ap_int<8> i = -3;
          ap_uint<64> max = -1;
          ap_int<64> min = ap_int<64>(1) << 63;
          int table[4] = {10, 20, 30, 40};
          ap_uint<2> index = 7;
          std::cout << i << ' ' << max << ' ' << min << ' ' << min * min << ' ' << max * max << ' ' << i * 2 << ' ' << table[index] << '\n';
          std::cout << (max > min) << (i < 0) << (0 > i) << (a == ap_fixed<4, 2>(1.5f) ? 0 : 1) << (a != b) << (ap_fixed<4, 2>(1) == ap_int<2>(1)) << '\n';
          // Conversions out.
          ap_fixed<8, 4> negative = -2.75;
          std::cout << negative.to_int() << ' ' << static_cast<int>(negative) << ' ' << negative.to_double() << ' ' << static_cast<double>(negative) << ' '
                    << negative.to_float() << ' ' << negative.to_string(2) << ' ' << negative.to_string(16) << ' ' << bool(zero) << '\n';
          ap_fixed<53, 1> fine = 0.1;
          std::cout.precision(17);
          std::cout << (fine.to_double() == 0.1) << ' ' << fine << '\n';
          // Shifts keep the type; compound assignment applies the left type's modes.
          std::cout << (a << 1) << ' ' << (a << 3) << ' ' << (negative >> 1) << ' ' << (a << ap_uint<2>(2)) << '\n';
          ap_fixed<6, 3, AP_RND_CONV, AP_SAT> acc = 0;
          acc += a;
          acc *= b;
          acc -= 1;
          ap_ufixed<4, 4> counter = 14;
          ++counter;
          counter++;
          std::cout << acc << ' ' << counter << ' ' << -a << ' ' << (-a).width << '\n';
          // Streams in.
          std::istringstream in("0.3 -7.9");
          ap_fixed<16, 6> x, y;
          in >> x >> y;
          std::cout << x << ' ' << y << ' ' << ap_int<8>(-2.5) << ' ' << ap_fixed<8, 200>(1e60) << ' ' << ap_ufixed<8, -3>(0.01) << '\n';
          // Bit fields of the code as unsigned values (how the softmax kernel indexes its tables).
          std::cout << negative.range(7, 4) << ' ' << negative.range(3, 0) << ' ' << negative(7, 0) << ' ' << negative.range() << ' '
                    << negative.range(2, 5) << ' ' << ap_uint<4>(negative.range(7, 2)) << ' ' << negative.range().width << '\n';
          return 0;
        }
        """;

    // Each line checked by hand: see the comments in the tour for what it exercises.
    private static readonly string[] TourOutput =
    [
        "1.5 3.3125 0", // 3.3 -> 52.8 LSBs of 1/16, AP_RND: 53
        "4.96875 14,6 4.8125 9 1.8125",
        "-3 18446744073709551615 -9223372036854775808 85070591730234615865843651857942052864 340282366920938463426481119284349108225 -6 40",
        "111011",
        "-2 -2 -2.75 -2.75 -2.75 0b11010100 0xd4 0", // to_int truncates toward zero
        "0 0.0999999999999998667732370449812151491641998291015625", // 0.1 floored to 52 fractional bits, printed exactly
        "3 -4 -1.375 6", // 1.5 << 3 = 12 wraps to -4 in ap_fixed<8,4>
        "2.875 0 -1.5 9", // 1.5 * 3.3125 saturates at 3.875; 14 + 2 wraps to 0
        "0.2998046875 -7.900390625 -3 -608878868332508034092071574051143642361928478113011347750912 0.009765625",
        "13 4 212 212 0 5 8", // -2.75 is code 0xd4 = 1101 0100; a reversed field reads 0; 110101 wraps to 4 bits
    ];

    [Theory]
    [InlineData("c++14")]
    [InlineData("c++17")]
    public void Headers_compile_without_warnings_and_the_tour_prints_exact_values(string standard)
    {
        var output = CppProgram.CompileAndRun("tour", Tour, $"-std={standard} -O2 {CppProgram.StrictWarnings}");
        Assert.Equal(TourOutput, output);
    }

    [Theory]
    [InlineData("ap_fixed<129, 1> x;", "1 to 128 bits")]
    [InlineData("ap_fixed<128, 64> x; auto y = x + x;", "1 to 128 bits")]
    [InlineData("ap_fixed<8, 4, AP_TRN, AP_WRAP_SM> x;", "AP_WRAP_SM")]
    [InlineData("ap_fixed<8, 4, AP_TRN, AP_WRAP, 1> x;", "N > 0")]
    [InlineData("ap_fixed<8, 4> x; auto y = x * 0.5;", "no match for")] // no operators with double operands
    public void Unsupported_uses_fail_at_compile_time_with_a_clear_message(string body, string message)
    {
        var source = "#include \"ap_fixed.h\"\nint main() {\n  " + body + "\n  return 0;\n}\n";
        var result = CppProgram.TryCompile("unsupported", source, "-std=c++14", "-fsyntax-only", "-Wno-unused");
        Assert.False(result.Succeeded, "expected a compile error for: " + body);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_headers_are_byte_identical_to_the_sources()
    {
        var sources = Path.Combine(RepositoryRoot(), "src", "Codesign.Hls", "Headers");
        var folder = Directory.CreateTempSubdirectory("codesign-headers-");
        try
        {
            var apTypes = HlsHeaders.WriteApTypes(Path.Combine(folder.FullName, "flat"));
            Assert.Equal(
                ["ap_common.h", "ap_fixed.h", "ap_fixed_base.h", "ap_int.h"],
                apTypes.Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var path in apTypes)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(sources, "ap_types", Path.GetFileName(path))), File.ReadAllBytes(path));
            }

            var all = HlsHeaders.WriteAll(Path.Combine(folder.FullName, "tree"));
            var expected = Directory.GetFiles(sources, "*.h", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(sources, p).Replace('\\', '/'))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, HlsHeaders.All);
            Assert.All(all, path => Assert.Equal(
                File.ReadAllBytes(Path.Combine(sources, Path.GetRelativePath(Path.Combine(folder.FullName, "tree"), path))),
                File.ReadAllBytes(path)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_gpp_is_reported_with_what_to_install()
    {
        var empty = Directory.CreateTempSubdirectory("codesign-nogpp-");
        try
        {
            Assert.Null(GppCompiler.TryFind(empty.FullName));
            var error = Assert.Throws<InvalidOperationException>(() => GppCompiler.Find(empty.FullName));
            Assert.Contains("apt-get install g++", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Gpp_failures_and_timeouts_are_reported()
    {
        var folder = Directory.CreateTempSubdirectory("codesign-gpp-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "broken.cpp"), "int main() { return missing; }\n");
            var error = Assert.Throws<InvalidOperationException>(
                () => CppProgram.Compiler.Compile(["-c", "broken.cpp"], folder.FullName, TimeSpan.FromMinutes(1)));
            Assert.Contains("missing", error.Message, StringComparison.Ordinal);
            Assert.Throws<TimeoutException>(() => ToolProcess.Run("sleep", ["30"], folder.FullName, TimeSpan.FromMilliseconds(200)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Codesign.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Codesign.Sdk.sln) was not found above " + AppContext.BaseDirectory);
    }
}
