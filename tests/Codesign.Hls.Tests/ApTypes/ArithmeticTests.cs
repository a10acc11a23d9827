using System.Globalization;
using System.Numerics;
using Codesign.Hls.Numerics;

namespace Codesign.Hls.Tests.ApTypes;

/// <summary>Operators of our ap_fixed.h against exact arithmetic and the C# model's result types.</summary>
public sealed class ArithmeticTests(ArithmeticProgram program) : IClassFixture<ArithmeticProgram>
{
    [Fact]
    public void Sum_difference_and_product_are_exact_in_their_full_precision_types_for_every_pair_of_codes()
    {
        var types = program.Sections["P"];
        var values = program.Sections["V"];
        var pairs = (from a in ArithmeticProgram.SmallTypes from b in ArithmeticProgram.SmallTypes select (a, b)).ToArray();
        Assert.Equal(pairs.Length, types.Count);
        Assert.Equal(pairs.Length, values.Count);

        var mismatches = new ApTypeCases.Mismatches();
        var total = 0;
        for (var p = 0; p < pairs.Length; p++)
        {
            var (a, b) = pairs[p];
            var plus = ApFixedArithmetic.AddType(a, b);
            var minus = ApFixedArithmetic.SubtractType(a, b);
            var times = ApFixedArithmetic.MultiplyType(a, b);
            mismatches.Check($"{Shape(plus)} {Shape(minus)} {Shape(times)}", types[p], () => $"result types of {a} and {b}");

            var results = values[p].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var i = 0;
            foreach (var x in ApTypeCases.AllCodes(a))
            {
                foreach (var y in ApTypeCases.AllCodes(b))
                {
                    var sum = ApTypeCases.Align(x, a.FractionalBits, plus.FractionalBits) + ApTypeCases.Align(y, b.FractionalBits, plus.FractionalBits);
                    var difference = ApTypeCases.Align(x, a.FractionalBits, minus.FractionalBits) - ApTypeCases.Align(y, b.FractionalBits, minus.FractionalBits);
                    var expected = $"{sum},{difference},{x * y},{ComparisonBits(ApTypeCases.Compare(x, a.FractionalBits, y, b.FractionalBits))}";
                    mismatches.Check(expected, i < results.Length ? results[i] : "(missing)", () => $"codes {x} of {a}, {y} of {b}");
                    Assert.InRange(sum, plus.MinCode, plus.MaxCode); // the model's type holds the exact result
                    Assert.InRange(difference, minus.MinCode, minus.MaxCode);
                    Assert.InRange(x * y, times.MinCode, times.MaxCode);
                    i++;
                }
            }

            total += i;
        }

        mismatches.AssertNone(total);
    }

    [Fact]
    public void Unary_minus_is_exact_with_one_more_signed_bit()
    {
        var lines = program.Sections["N"];
        Assert.Equal(ArithmeticProgram.SmallTypes.Length, lines.Count);
        for (var t = 0; t < lines.Count; t++)
        {
            var a = ArithmeticProgram.SmallTypes[t];
            var negated = ApFixedArithmetic.NegateType(a);
            Assert.Equal(new ApFixedType(true, a.Width + 1, a.IntegerBits + 1), negated);
            var expected = string.Join(' ', ApTypeCases.AllCodes(a).Select(x => ApTypeCases.Number(-x)).Prepend(Shape(negated)));
            Assert.Equal(expected, lines[t]);
        }
    }

    [Fact]
    public void Compound_assignment_rounds_the_exact_result_into_the_left_type_in_every_mode()
    {
        var lines = program.Sections["C"];
        var cases = (from a in ArithmeticProgram.CompoundLeft from b in ArithmeticProgram.CompoundRight select (a, b)).ToArray();
        Assert.Equal(cases.Length, lines.Count);

        var mismatches = new ApTypeCases.Mismatches();
        var total = 0;
        for (var c = 0; c < cases.Length; c++)
        {
            var (a, b) = cases[c];
            var plus = ApFixedArithmetic.AddType(a, b);
            var minus = ApFixedArithmetic.SubtractType(a, b);
            var results = lines[c].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var i = 0;
            foreach (var x in ApTypeCases.AllCodes(a))
            {
                foreach (var y in ApTypeCases.AllCodes(b))
                {
                    var sum = ApTypeCases.Align(x, a.FractionalBits, plus.FractionalBits) + ApTypeCases.Align(y, b.FractionalBits, plus.FractionalBits);
                    var difference = ApTypeCases.Align(x, a.FractionalBits, minus.FractionalBits) - ApTypeCases.Align(y, b.FractionalBits, minus.FractionalBits);
                    var expected = string.Join(',', new[]
                    {
                        ApFixedArithmetic.Quantize(sum, plus.FractionalBits, a),
                        ApFixedArithmetic.Quantize(difference, minus.FractionalBits, a),
                        ApFixedArithmetic.Quantize(x * y, a.FractionalBits + b.FractionalBits, a),
                    }.Select(ApTypeCases.Number));
                    mismatches.Check(expected, i < results.Length ? results[i] : "(missing)", () => $"{a} {x} op= {b} {y}");
                    i++;
                }
            }

            total += i;
        }

        mismatches.AssertNone(total);
    }

    [Fact]
    public void Increment_and_decrement_add_one_with_the_types_modes()
    {
        var lines = program.Sections["X"];
        Assert.Equal(ArithmeticProgram.CompoundLeft.Length, lines.Count);
        for (var t = 0; t < lines.Count; t++)
        {
            var a = ArithmeticProgram.CompoundLeft[t];
            var one = BigInteger.One << a.FractionalBits; // both left types have F >= 0
            var expected = string.Join(' ', ApTypeCases.AllCodes(a).Select(x =>
            {
                var up = ApFixedArithmetic.Quantize(x + one, a.FractionalBits, a);
                var down = ApFixedArithmetic.Quantize(x - one, a.FractionalBits, a);
                return $"{up},{down},{up},{x}";
            }));
            Assert.Equal(expected, lines[t]);
        }
    }

    [Fact]
    public void C_integer_operands_behave_as_ap_int_of_their_width_on_either_side()
    {
        var lines = program.Sections["K"];
        var cases = (from a in ArithmeticProgram.CIntOperandTypes from v in ArithmeticProgram.CIntOperands select (a, v)).ToArray();
        Assert.Equal(cases.Length, lines.Count);

        var mismatches = new ApTypeCases.Mismatches();
        var total = 0;
        for (var c = 0; c < cases.Length; c++)
        {
            var (a, (cppType, bits, signed, value)) = cases[c];
            var n = ApFixedType.ForCInteger(bits, signed);
            var types = new[]
            {
                ApFixedArithmetic.AddType(a, n), ApFixedArithmetic.AddType(n, a), ApFixedArithmetic.SubtractType(a, n),
                ApFixedArithmetic.SubtractType(n, a), ApFixedArithmetic.MultiplyType(a, n), ApFixedArithmetic.MultiplyType(n, a),
            };
            var expected = new List<string> { string.Join(' ', types.Select(Shape)) };
            foreach (var x in ApTypeCases.AllCodes(a))
            {
                BigInteger At(BigInteger code, int from, ApFixedType result) => ApTypeCases.Align(code, from, result.FractionalBits);
                var f = a.FractionalBits;
                var results = new[]
                {
                    At(x, f, types[0]) + At(value, 0, types[0]), At(value, 0, types[1]) + At(x, f, types[1]),
                    At(x, f, types[2]) - At(value, 0, types[2]), At(value, 0, types[3]) - At(x, f, types[3]), x * value, value * x,
                };
                var compare = ApTypeCases.Compare(x, f, value, 0);
                expected.Add(string.Join(',', results.Select(ApTypeCases.Number)) + $",{ComparisonBits(compare)},{ComparisonBits(-compare)}");
            }

            total += expected.Count;
            mismatches.Check(string.Join(' ', expected), lines[c], () => $"{a} with ({cppType}){value}");
        }

        mismatches.AssertNone(total);
    }

    [Fact]
    public void Shifts_move_bits_and_keep_the_left_type()
    {
        var lines = program.Sections["S"];
        var cases = (from a in ArithmeticProgram.ShiftTypes from n in ArithmeticProgram.ShiftCounts select (a, n)).ToArray();
        Assert.Equal(cases.Length, lines.Count);
        for (var c = 0; c < cases.Length; c++)
        {
            var (a, n) = cases[c];

            // A left shift by n keeps the low W bits of code · 2^n; a right shift drops n bits (floor).
            BigInteger Shift(BigInteger x, int count) => count >= 0
                ? ApFixedArithmetic.Quantize(x << count, a.FractionalBits, a)
                : ApFixedArithmetic.Quantize(x, a.FractionalBits - count, a);
            var expected = string.Join(' ', ApTypeCases.AllCodes(a).Select(x => $"{Shift(x, n)},{Shift(x, -n)},{Shift(x, n)}"));
            Assert.Equal(expected, lines[c]);
        }
    }

    [Fact]
    public void Sixty_four_bit_sums_products_and_printing_are_exact()
    {
        var lines = program.Sections["W"];
        Assert.Equal(program.WideOperands.Count, lines.Count);

        var mismatches = new ApTypeCases.Mismatches();
        for (var i = 0; i < lines.Count; i++)
        {
            var (pair, x, y) = program.WideOperands[i];
            var (a, b) = ArithmeticProgram.WidePairs[pair];
            var plus = ApFixedArithmetic.AddType(a, b);
            var minus = ApFixedArithmetic.SubtractType(a, b);
            var times = ApFixedArithmetic.MultiplyType(a, b);
            Assert.True(times.Width <= 128 && plus.Width <= 128);
            var sum = ApTypeCases.Align(x, a.FractionalBits, plus.FractionalBits) + ApTypeCases.Align(y, b.FractionalBits, plus.FractionalBits);
            var difference = ApTypeCases.Align(x, a.FractionalBits, minus.FractionalBits) - ApTypeCases.Align(y, b.FractionalBits, minus.FractionalBits);
            var assigned = ApFixedArithmetic.Quantize(x * y, times.FractionalBits, ArithmeticProgram.WideProductTarget);
            var expected = string.Join(' ', new[] { sum, difference, x * y }.Select(ApTypeCases.Number)) +
                $" {ComparisonBits(ApTypeCases.Compare(x, a.FractionalBits, y, b.FractionalBits))} {assigned}" +
                $" {ExactDecimal(x, a.FractionalBits)} {ExactDecimal(x * y, times.FractionalBits)} {ExactDecimal(assigned, ArithmeticProgram.WideProductTarget.FractionalBits)}";
            mismatches.Check(expected, lines[i], () => $"{a} {x} and {b} {y}");
        }

        mismatches.AssertNone(lines.Count);
    }

    /// <summary>The exact decimal expansion of code · 2^-f, as to_string(10) prints it ("-12.375", "3").</summary>
    internal static string ExactDecimal(BigInteger code, int f)
    {
        if (f <= 0)
        {
            return ApTypeCases.Number(code << -f);
        }

        var magnitude = BigInteger.Abs(code);
        var integer = magnitude >> f;
        var fraction = magnitude - (integer << f);
        var sign = code.Sign < 0 ? "-" : string.Empty;
        if (fraction.IsZero)
        {
            return sign + ApTypeCases.Number(integer);
        }

        // fraction / 2^f = fraction · 5^f / 10^f: exactly f decimal places, trailing zeros dropped.
        var digits = ApTypeCases.Number(fraction * BigInteger.Pow(5, f)).PadLeft(f, '0').TrimEnd('0');
        return $"{sign}{ApTypeCases.Number(integer)}.{digits}";
    }

    private static string Shape(ApFixedType t) => string.Create(CultureInfo.InvariantCulture, $"{t.Width},{t.IntegerBits},{(t.IsSigned ? 1 : 0)}");

    /// <summary>== != &lt; &lt;= &gt; &gt;= as bits 0..5, for a comparison result -1, 0 or 1.</summary>
    private static int ComparisonBits(int c) =>
        (c == 0 ? 1 : 0) | (c != 0 ? 2 : 0) | (c < 0 ? 4 : 0) | (c <= 0 ? 8 : 0) | (c > 0 ? 16 : 0) | (c >= 0 ? 32 : 0);
}
