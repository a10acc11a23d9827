using System.Globalization;
using System.Text;
using Codesign.Hls.Numerics;

namespace Codesign.Hls.Tests.ApTypes;

/// <summary>
/// One generated C++ program for all conversion tests, compiled and run once per test class. Each section prints
/// lines with its own tag; the tests recompute every line with <see cref="ApFixedArithmetic"/>.
/// </summary>
public sealed class ConversionProgram
{
    // First: the static fields below are built from it, in textual order.
    private static readonly bool[] Signedness = [true, false];

    public ConversionProgram()
    {
        var lines = CppProgram.CompileAndRun("conversions", Source());
        foreach (var line in lines)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var tag = space < 0 ? line : line[..space];
            if (!Sections.TryGetValue(tag, out var list))
            {
                Sections[tag] = list = [];
            }

            list.Add(space < 0 ? string.Empty : line[(space + 1)..]);
        }
    }

    // ---- Section E: the conversion engine on every code of many small shapes, all 28 modes. ----

    /// <summary>Sources: every code of W in {1,2,3,5,8}, F in {-2,0,3,9}, signed and unsigned.</summary>
    internal static readonly ApFixedType[] EngineSources =
        [.. Shapes([1, 2, 3, 5, 8], [-2, 0, 3, 9])];

    /// <summary>Targets: W in {1,2,3,4,6}, F in {-3,0,1,4,10} (so I ranges from W+3 down to W-10).</summary>
    internal static readonly ApFixedType[] EngineTargets =
        [.. Shapes([1, 2, 3, 4, 6], [-3, 0, 1, 4, 10])];

    // ---- Section T: the same rules through the class templates (constructor, assignment, copy-initialization). ----

    internal static readonly ApFixedType[] TemplateSources =
    [
        ApFixedType.Fixed(6, 3), ApFixedType.UFixed(6, 3), ApFixedType.Fixed(5, -1), ApFixedType.UFixed(4, 7),
        ApFixedType.ApInt(8), ApFixedType.ApUInt(8), ApFixedType.Fixed(7, 2, ApQuantizationMode.Rnd, ApOverflowMode.Sat), ApFixedType.Fixed(1, 1),
    ];

    internal static readonly (bool Signed, int W, int I)[] TemplateTargetShapes =
        [(true, 4, 2), (false, 4, 2), (true, 3, -1), (false, 2, 4), (true, 1, 0), (false, 5, 5), (true, 6, 6)];

    /// <summary>Every (source, target shape) pair meets a quarter of the 28 modes, every mode meets every source.</summary>
    internal static IEnumerable<(ApFixedType Source, ApFixedType Target)> TemplatePairs()
    {
        var pair = 0;
        foreach (var source in TemplateSources)
        {
            foreach (var (signed, w, i) in TemplateTargetShapes)
            {
                for (var m = 0; m < ApTypeCases.Modes.Length; m++)
                {
                    if ((pair + m) % 4 == 0)
                    {
                        yield return (source, new ApFixedType(signed, w, i, ApTypeCases.Modes[m].Q, ApTypeCases.Modes[m].O));
                    }
                }

                pair++;
            }
        }
    }

    // ---- Section D: doubles (and floats) across the exponent range into shapes of every kind, all 28 modes. ----

    internal static readonly (bool Signed, int W, int I)[] DoubleTargetShapes =
    [
        (true, 8, 3), (false, 8, 3), (true, 5, -2), (true, 6, 10), (false, 1, 1), (true, 1, 0), (true, 16, 6),
        (true, 64, 32), (false, 64, 64), (true, 53, 1), (true, 128, 64), (true, 24, -1000), (true, 24, 1000),
    ];

    internal static ApFixedType[] DoubleTargets { get; } =
        [.. DoubleTargetShapes.SelectMany(s => ApTypeCases.Modes.Select(m => new ApFixedType(s.Signed, s.W, s.I, m.Q, m.O)))];

    internal static double[] Doubles { get; } = MakeDoubles();

    // ---- Section I: every C integer type, at its extremes, into a few shapes and modes. ----

    internal static readonly (string CppType, int Bits, bool Signed, string[] Values)[] CIntegers =
    [
        ("bool", 1, false, ["false", "true"]),
        ("char", 8, true, ["0", "1", "100", "127"]), // plain char: only values whose meaning does not depend on its sign
        ("signed char", 8, true, ["-128", "-1", "0", "1", "127"]),
        ("unsigned char", 8, false, ["0", "1", "200", "255"]),
        ("short", 16, true, ["-32768", "-1", "0", "5", "32767"]),
        ("unsigned short", 16, false, ["0", "1", "40000", "65535"]),
        ("int", 32, true, ["-2147483647 - 1", "-1000", "-1", "0", "1", "77", "2147483647"]),
        ("unsigned", 32, false, ["0u", "1u", "2147483648u", "4294967295u"]),
        ("long", 64, true, ["-9223372036854775807L - 1", "-1L", "0L", "123456789012L", "9223372036854775807L"]),
        ("unsigned long", 64, false, ["0UL", "9223372036854775808UL", "18446744073709551615UL"]),
        ("long long", 64, true, ["-9223372036854775807LL - 1", "-3LL", "0LL", "4611686018427387904LL", "9223372036854775807LL"]),
        ("unsigned long long", 64, false, ["0ULL", "3ULL", "18446744073709551615ULL"]),
    ];

    internal static ApFixedType[] IntegerTargets { get; } =
    [
        .. new (bool Signed, int W, int I)[] { (true, 8, 3), (false, 8, 8), (true, 6, 10), (true, 3, -1), (true, 64, 64), (false, 64, 64), (true, 128, 100), (false, 32, 16) }
            .SelectMany(s => new (ApQuantizationMode Q, ApOverflowMode O)[]
            {
                (ApQuantizationMode.Trn, ApOverflowMode.Wrap), (ApQuantizationMode.Rnd, ApOverflowMode.Sat),
                (ApQuantizationMode.TrnZero, ApOverflowMode.SatSym), (ApQuantizationMode.RndConv, ApOverflowMode.SatZero),
            }.Select(m => new ApFixedType(s.Signed, s.W, s.I, m.Q, m.O))),
    ];

    internal Dictionary<string, List<string>> Sections { get; } = new(StringComparer.Ordinal);

    private static IEnumerable<ApFixedType> Shapes(int[] widths, int[] fractionalBits) =>
        from signed in Signedness
        from w in widths
        from f in fractionalBits
        select new ApFixedType(signed, w, w - f);

    private static double[] MakeDoubles()
    {
        var values = new List<double>
        {
            0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.Epsilon, -double.Epsilon,
            double.MaxValue, -double.MaxValue, 2.2250738585072014E-308, -2.2250738585072014E-308, 0.1, -0.1, 1.0 / 3, 3.3,
        };

        // Exact ties, near-ties and range edges at every target's LSB 2^-F.
        var fractions = DoubleTargetShapes.Select(s => s.W - s.I).Distinct();
        long[] steps = [-130, -129, -128, -65, -9, -3, -2, -1, 0, 1, 2, 3, 8, 15, 16, 31, 32, 127, 128, 255, 256, (1L << 31) - 1, 1L << 31];
        foreach (var f in fractions)
        {
            foreach (var k in steps)
            {
                foreach (var part in new[] { 0.0, 0.25, 0.5, 0.75 })
                {
                    values.Add(Math.ScaleB(k + part, -f));
                }
            }
        }

        // Powers of two over the whole exponent range, and random bit patterns (uniform in the exponent).
        for (var e = -1074; e <= 1023; e += 7)
        {
            values.Add(Math.ScaleB(1.0, e));
            values.Add(-Math.ScaleB(1.5, e - 1));
        }

        var random = new Random(20240611);
        while (values.Count < 1200)
        {
            var d = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(d))
            {
                values.Add(d);
            }
        }

        return [.. values];
    }

    private static string Source()
    {
        var cpp = new StringBuilder(CppProgram.Prelude);
        EngineSection(cpp);
        TemplateSection(cpp);
        DoubleSection(cpp);
        IntegerSection(cpp);
        cpp.AppendLine("int main() {\n  engine_section();\n  template_section();\n  double_section();\n  integer_section();\n  return 0;\n}");
        return cpp.ToString();
    }

    private static string ShapeList(IEnumerable<ApFixedType> shapes) =>
        string.Join(", ", shapes.Select(s => string.Create(CultureInfo.InvariantCulture, $"{{{s.Width}, {s.FractionalBits}, {(s.IsSigned ? "true" : "false")}}}")));

    private static void EngineSection(StringBuilder cpp)
    {
        cpp.AppendLine(CultureInfo.InvariantCulture, $$"""
            struct shape { int w; int f; bool s; };
            static const shape engine_sources[] = { {{ShapeList(EngineSources)}} };
            static const shape engine_targets[] = { {{ShapeList(EngineTargets)}} };
            static const ap_o_mode overflow_modes[] = { AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP };
            static void engine_section() {
              for (const shape& src : engine_sources)
                for (const shape& dst : engine_targets)
                  for (int q = 0; q < 7; ++q)
                    for (ap_o_mode o : overflow_modes) {
                      std::printf("E");
                      const long long lo = src.s ? -(1LL << (src.w - 1)) : 0, hi = src.s ? (1LL << (src.w - 1)) - 1 : (1LL << src.w) - 1;
                      for (long long c = lo; c <= hi; ++c) {
                        const ap_detail::wide v = ap_detail::make_wide(static_cast<u128>(static_cast<s128>(c)), src.s);
                        const u128 r = ap_detail::convert(v, src.f, dst.w, dst.f, dst.s, static_cast<ap_q_mode>(q), o);
                        std::printf(" %lld", static_cast<long long>(static_cast<s128>(r)));
                      }
                      std::printf("\n");
                    }
            }
            """);
    }

    private static void TemplateSection(StringBuilder cpp)
    {
        cpp.AppendLine("""
            template <class Src, class Dst> void convert_all() {
              std::printf("T");
              for (long long c = min_code<Src>(); c <= max_code<Src>(); ++c) {
                const Src s = from_code<Src>(c);
                const Dst constructed(s);
                Dst assigned;
                assigned = s;
                const Dst copied = s;
                std::printf(" %lld,%lld,%lld", code_of(constructed), code_of(assigned), code_of(copied));
              }
              std::printf("\n");
            }
            static void template_section() {
            """);
        foreach (var (source, target) in TemplatePairs())
        {
            cpp.AppendLine(CultureInfo.InvariantCulture, $"  convert_all<{ApTypeCases.Cpp(source)}, {ApTypeCases.Cpp(target)}>();");
        }

        cpp.AppendLine("}");
    }

    private static void DoubleSection(StringBuilder cpp)
    {
        var bits = string.Join(",\n  ", Doubles.Select(d => string.Create(CultureInfo.InvariantCulture, $"0x{BitConverter.DoubleToInt64Bits(d):x16}ULL")));
        cpp.AppendLine(CultureInfo.InvariantCulture, $$"""
            static const std::uint64_t double_bits[] = {
              {{bits}}
            };
            template <class Dst> void from_doubles() {
              std::printf("D");
              for (std::uint64_t b : double_bits) std::printf(" %s", code_text(Dst(double_of_bits(b))).c_str());
              std::printf("\n");
              // Every double that is also a float must convert the same way from the float.
              std::printf("F");
              for (std::uint64_t b : double_bits) {
                const double d = double_of_bits(b);
                const float f = static_cast<float>(d);
                if (static_cast<double>(f) == d) std::printf(" %s", code_text(Dst(f)).c_str());
              }
              std::printf("\n");
            }
            static void double_section() {
            """);
        foreach (var target in DoubleTargets)
        {
            cpp.AppendLine(CultureInfo.InvariantCulture, $"  from_doubles<{ApTypeCases.Cpp(target)}>();");
        }

        cpp.AppendLine("}");
    }

    private static void IntegerSection(StringBuilder cpp)
    {
        cpp.AppendLine("static void integer_section() {");
        foreach (var target in IntegerTargets)
        {
            foreach (var (cppType, _, _, values) in CIntegers)
            {
                // Each value converted by the constructor from that exact C type, then printed as its code.
                var codes = values.Select(v => $"code_text({ApTypeCases.Cpp(target)}(static_cast<{cppType}>({v})))");
                cpp.AppendLine(CultureInfo.InvariantCulture, $"  std::printf(\"I %s\\n\", (std::string() + {string.Join(" + ' ' + ", codes)}).c_str());");
            }
        }

        cpp.AppendLine("}");
    }
}
