using System.Globalization;
using System.Numerics;
using System.Text;
using Codesign.Hls.Numerics;

namespace Codesign.Hls.Tests.ApTypes;

/// <summary>
/// One generated C++ program for the operator tests (+ - *, comparisons, unary minus, compound assignment, C integer
/// operands, shifts, 64-bit operands), compiled and run once per test class. Sections are tagged like
/// <see cref="ConversionProgram"/>'s.
/// </summary>
public sealed class ArithmeticProgram
{
    /// <summary>Every (W ≤ 4) shape: integers, fractions, I &lt; 0 and I &gt; W; signed and unsigned.</summary>
    internal static readonly ApFixedType[] SmallTypes =
    [
        .. new[] { true, false }.SelectMany(signed => new (int W, int I)[] { (1, 1), (1, -1), (2, 2), (2, 0), (3, 3), (3, 1), (3, 5), (4, 4), (4, 2), (4, -1) }
            .Select(s => new ApFixedType(signed, s.W, s.I))),
    ];

    /// <summary>Left-hand sides of += -= *=, in every mode, and their right-hand sides.</summary>
    internal static readonly ApFixedType[] CompoundLeft =
        [.. new[] { ApFixedType.Fixed(4, 2), ApFixedType.UFixed(3, 1) }.SelectMany(t => ApTypeCases.Modes.Select(m => t.WithModes(m.Q, m.O)))];

    internal static readonly ApFixedType[] CompoundRight = [ApFixedType.Fixed(3, 1), ApFixedType.UFixed(4, 3)];

    internal static readonly ApFixedType[] CIntOperandTypes = [ApFixedType.Fixed(4, 2), ApFixedType.UFixed(4, 2), ApFixedType.ApInt(5), ApFixedType.ApUInt(3)];

    internal static readonly (string CppType, int Bits, bool Signed, long Value)[] CIntOperands =
    [
        ("int", 32, true, -7), ("int", 32, true, -1), ("int", 32, true, 0), ("int", 32, true, 3), ("unsigned", 32, false, 5),
        ("long long", 64, true, -2), ("unsigned long long", 64, false, 3), ("bool", 1, false, 1), ("short", 16, true, -4),
        ("signed char", 8, true, 2),
    ];

    internal static readonly ApFixedType[] ShiftTypes = [ApFixedType.Fixed(6, 3), ApFixedType.UFixed(6, 3), ApFixedType.ApInt(5), ApFixedType.ApUInt(5)];

    internal static readonly int[] ShiftCounts = [-3, -1, 0, 1, 2, 5, 6, 8];

    /// <summary>Wide operand pairs: products of up to 128 bits, sums of 65.</summary>
    internal static readonly (ApFixedType A, ApFixedType B)[] WidePairs =
    [
        (ApFixedType.Fixed(64, 32), ApFixedType.Fixed(64, 32)),
        (ApFixedType.ApUInt(64), ApFixedType.ApUInt(64)),
        (ApFixedType.ApInt(64), ApFixedType.ApUInt(64)),
        (ApFixedType.Fixed(64, 32), ApFixedType.UFixed(64, 0)),
        (ApFixedType.Fixed(64, 32), ApFixedType.ApInt(32)),
    ];

    /// <summary>Where a wide product is assigned back to: rounding and saturation from 128 bits.</summary>
    internal static readonly ApFixedType WideProductTarget = ApFixedType.Fixed(64, 32, ApQuantizationMode.RndConv, ApOverflowMode.Sat);

    public ArithmeticProgram()
    {
        WideOperands = MakeWideOperands();
        foreach (var line in CppProgram.CompileAndRun("arithmetic", Source()))
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

    internal Dictionary<string, List<string>> Sections { get; } = new(StringComparer.Ordinal);

    /// <summary>For each wide pair: operand codes, including both extremes of each type.</summary>
    internal List<(int Pair, BigInteger A, BigInteger B)> WideOperands { get; }

    private static List<(int Pair, BigInteger A, BigInteger B)> MakeWideOperands()
    {
        var random = new Random(7);
        var operands = new List<(int, BigInteger, BigInteger)>();
        for (var p = 0; p < WidePairs.Length; p++)
        {
            var (a, b) = WidePairs[p];
            BigInteger[] specialA = [a.MinCode, a.MaxCode, 0, 1, -1 >= a.MinCode ? -1 : 2];
            BigInteger[] specialB = [b.MinCode, b.MaxCode, 0, 1, -1 >= b.MinCode ? -1 : 2];
            foreach (var x in specialA)
            {
                foreach (var y in specialB)
                {
                    operands.Add((p, x, y));
                }
            }

            for (var i = 0; i < 60; i++)
            {
                operands.Add((p, RandomCode(random, a), RandomCode(random, b)));
            }
        }

        return operands;
    }

    private static BigInteger RandomCode(Random random, ApFixedType type)
    {
        var bytes = new byte[(type.Width / 8) + 1];
        random.NextBytes(bytes);
        bytes[^1] = 0;
        var magnitude = new BigInteger(bytes) >> random.Next(0, type.Width); // all magnitudes, not only huge ones
        var code = type.MinCode + ((magnitude << random.Next(0, 2)) % (type.MaxCode - type.MinCode + 1));
        return code;
    }

    private string Source()
    {
        var cpp = new StringBuilder(CppProgram.Prelude);
        cpp.AppendLine("""
            #include <array>
            template <class T> int comparisons(const T& a_op_b) { return a_op_b[0] | a_op_b[1] << 1 | a_op_b[2] << 2 | a_op_b[3] << 3 | a_op_b[4] << 4 | a_op_b[5] << 5; }
            #define CMP(a, b) comparisons(std::array<int, 6>{{(a) == (b), (a) != (b), (a) < (b), (a) <= (b), (a) > (b), (a) >= (b)}})
            template <class R> void type_of() { std::printf(" %d,%d,%d", R::width, R::iwidth, R::sign_flag ? 1 : 0); }

            template <class A, class B> void pair_ops() {
              std::printf("P");
              type_of<decltype(A() + B())>(); type_of<decltype(A() - B())>(); type_of<decltype(A() * B())>();
              std::printf("\nV");
              for (long long x = min_code<A>(); x <= max_code<A>(); ++x)
                for (long long y = min_code<B>(); y <= max_code<B>(); ++y) {
                  const A a = from_code<A>(x);
                  const B b = from_code<B>(y);
                  std::printf(" %lld,%lld,%lld,%d", code_of(a + b), code_of(a - b), code_of(a * b), CMP(a, b));
                }
              std::printf("\n");
            }

            template <class A> void negate() {
              std::printf("N");
              type_of<decltype(-A())>();
              for (long long x = min_code<A>(); x <= max_code<A>(); ++x) std::printf(" %lld", code_of(-from_code<A>(x)));
              std::printf("\n");
            }

            template <class A, class B> void compound() {
              std::printf("C");
              for (long long x = min_code<A>(); x <= max_code<A>(); ++x)
                for (long long y = min_code<B>(); y <= max_code<B>(); ++y) {
                  A sum = from_code<A>(x), difference = sum, product = sum;
                  const B b = from_code<B>(y);
                  sum += b;
                  difference -= b;
                  product *= b;
                  std::printf(" %lld,%lld,%lld", code_of(sum), code_of(difference), code_of(product));
                }
              std::printf("\n");
            }

            template <class A> void increments() {
              std::printf("X");
              for (long long x = min_code<A>(); x <= max_code<A>(); ++x) {
                A up = from_code<A>(x), down = up, post = up;
                ++up;
                --down;
                const A before = post++;
                std::printf(" %lld,%lld,%lld,%lld", code_of(up), code_of(down), code_of(post), code_of(before));
              }
              std::printf("\n");
            }

            template <class A, class T> void with_c_int(T v) {
              std::printf("K");
              type_of<decltype(A() + v)>(); type_of<decltype(v + A())>(); type_of<decltype(A() - v)>();
              type_of<decltype(v - A())>(); type_of<decltype(A() * v)>(); type_of<decltype(v * A())>();
              for (long long x = min_code<A>(); x <= max_code<A>(); ++x) {
                const A a = from_code<A>(x);
                std::printf(" %s,%s,%s,%s,%s,%s,%d,%d", code_text(a + v).c_str(), code_text(v + a).c_str(), code_text(a - v).c_str(),
                            code_text(v - a).c_str(), code_text(a * v).c_str(), code_text(v * a).c_str(), CMP(a, v), CMP(v, a));
              }
              std::printf("\n");
            }

            template <class A> void shifts(int count) {
              std::printf("S");
              for (long long x = min_code<A>(); x <= max_code<A>(); ++x) {
                const A a = from_code<A>(x);
                A assigned = a;
                assigned <<= count;
                std::printf(" %lld,%lld,%lld", code_of(a << count), code_of(a >> count), code_of(assigned));
              }
              std::printf("\n");
            }

            template <class A, class B> void wide(std::uint64_t x, std::uint64_t y) {
              const A a = A::from_raw_bits(x);
              const B b = B::from_raw_bits(y);
            """);
        cpp.AppendLine(CultureInfo.InvariantCulture, $$"""
              const {{ApTypeCases.Cpp(WideProductTarget)}} assigned = a * b;
            """);
        cpp.AppendLine("""
              std::printf("W %s %s %s %d %s %s %s %s\n", code_text(a + b).c_str(), code_text(a - b).c_str(), code_text(a * b).c_str(),
                          CMP(a, b), code_text(assigned).c_str(), a.to_string().c_str(), (a * b).to_string().c_str(), assigned.to_string().c_str());
            }
            """);
        cpp.AppendLine("int main() {");
        foreach (var a in SmallTypes)
        {
            foreach (var b in SmallTypes)
            {
                cpp.AppendLine(CultureInfo.InvariantCulture, $"  pair_ops<{ApTypeCases.Cpp(a)}, {ApTypeCases.Cpp(b)}>();");
            }

            cpp.AppendLine(CultureInfo.InvariantCulture, $"  negate<{ApTypeCases.Cpp(a)}>();");
        }

        foreach (var a in CompoundLeft)
        {
            foreach (var b in CompoundRight)
            {
                cpp.AppendLine(CultureInfo.InvariantCulture, $"  compound<{ApTypeCases.Cpp(a)}, {ApTypeCases.Cpp(b)}>();");
            }

            cpp.AppendLine(CultureInfo.InvariantCulture, $"  increments<{ApTypeCases.Cpp(a)}>();");
        }

        foreach (var a in CIntOperandTypes)
        {
            foreach (var (cppType, _, _, value) in CIntOperands)
            {
                cpp.AppendLine(CultureInfo.InvariantCulture, $"  with_c_int<{ApTypeCases.Cpp(a)}>(static_cast<{cppType}>({ApTypeCases.Literal(value)}));");
            }
        }

        foreach (var a in ShiftTypes)
        {
            foreach (var count in ShiftCounts)
            {
                cpp.AppendLine(CultureInfo.InvariantCulture, $"  shifts<{ApTypeCases.Cpp(a)}>({count});");
            }
        }

        foreach (var (pair, x, y) in WideOperands)
        {
            var (a, b) = WidePairs[pair];
            cpp.AppendLine(CultureInfo.InvariantCulture, $"  wide<{ApTypeCases.Cpp(a)}, {ApTypeCases.Cpp(b)}>({Bits64(x)}, {Bits64(y)});");
        }

        cpp.AppendLine("  return 0;\n}");
        return cpp.ToString();
    }

    /// <summary>The low 64 bits of a code as a C literal (from_raw_bits extends them by the type's sign).</summary>
    private static string Bits64(BigInteger code) =>
        string.Create(CultureInfo.InvariantCulture, $"0x{(ulong)(code & ulong.MaxValue):x16}ULL");
}
