using System.Globalization;
using System.Numerics;
using Codesign.Hls.Numerics;

namespace Codesign.Hls.Tests.ApTypes;

/// <summary>Conversions in our ap_fixed.h, compared result by result with the C# model.</summary>
public sealed class ConversionTests(ConversionProgram program) : IClassFixture<ConversionProgram>
{
    [Fact]
    public void Rounding_and_overflow_match_the_model_on_every_code_of_small_widths()
    {
        var lines = program.Sections["E"];
        var cases = (from source in ConversionProgram.EngineSources
                     from target in ConversionProgram.EngineTargets
                     from mode in ApTypeCases.Modes
                     select (source, target.WithModes(mode.Q, mode.O))).ToArray();
        Assert.Equal(cases.Length, lines.Count);

        var mismatches = new ApTypeCases.Mismatches();
        var total = 0;
        Parallel.For(0, cases.Length, index =>
        {
            var (source, target) = cases[index];
            var actual = lines[index].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var codes = ApTypeCases.AllCodes(source).ToArray();
            mismatches.Check(codes.Length, actual.Length, () => $"{source} -> {target} code count");
            for (var i = 0; i < Math.Min(codes.Length, actual.Length); i++)
            {
                var expected = ApFixedArithmetic.Quantize(codes[i], source.FractionalBits, target);
                mismatches.Check(expected, ApTypeCases.ParseNumber(actual[i]), () => $"code {codes[i]} of {source} -> {target}");
            }

            Interlocked.Add(ref total, codes.Length);
        });
        mismatches.AssertNone(total);
    }

    [Fact]
    public void Class_templates_convert_between_ap_types_like_the_model_in_every_mode()
    {
        var lines = program.Sections["T"];
        var pairs = ConversionProgram.TemplatePairs().ToArray();
        Assert.Equal(pairs.Length, lines.Count);
        Assert.All(ApTypeCases.Modes, mode => Assert.Contains(pairs, p => p.Target.Quantization == mode.Q && p.Target.Overflow == mode.O));

        var mismatches = new ApTypeCases.Mismatches();
        var total = 0;
        for (var index = 0; index < pairs.Length; index++)
        {
            var (source, target) = pairs[index];
            var actual = lines[index].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var codes = ApTypeCases.AllCodes(source).ToArray();
            Assert.Equal(codes.Length, actual.Length);
            for (var i = 0; i < codes.Length; i++)
            {
                var expected = ApTypeCases.Number(ApFixedArithmetic.Quantize(codes[i], source.FractionalBits, target));

                // Constructor, assignment and copy-initialization must all agree with the model.
                mismatches.Check($"{expected},{expected},{expected}", actual[i], () => $"code {codes[i]} of {source} -> {target}");
                total++;
            }
        }

        mismatches.AssertNone(total);
    }

    [Fact]
    public void Doubles_convert_exactly_across_the_exponent_range_in_every_mode()
    {
        var doubles = ConversionProgram.Doubles;
        var floats = doubles.Where(d => (double)(float)d == d).ToArray(); // as the C++ filters: NaN != NaN, so no NaN
        var targets = ConversionProgram.DoubleTargets;
        Assert.Equal(targets.Length, program.Sections["D"].Count);
        Assert.Equal(targets.Length, program.Sections["F"].Count);

        var mismatches = new ApTypeCases.Mismatches();
        var total = 0;
        for (var t = 0; t < targets.Length; t++)
        {
            var target = targets[t];
            total += CheckDoubles(mismatches, target, doubles, program.Sections["D"][t], "double");
            total += CheckDoubles(mismatches, target, floats, program.Sections["F"][t], "float");
        }

        mismatches.AssertNone(total);
        Assert.True(floats.Length > 100, "the float check needs values that are floats");
    }

    [Fact]
    public void C_integers_convert_as_ap_fixed_of_their_own_width_and_signedness()
    {
        var lines = program.Sections["I"];
        var cases = (from target in ConversionProgram.IntegerTargets from integer in ConversionProgram.CIntegers select (target, integer)).ToArray();
        Assert.Equal(cases.Length, lines.Count);

        var mismatches = new ApTypeCases.Mismatches();
        var total = 0;
        for (var index = 0; index < cases.Length; index++)
        {
            var (target, (cppType, bits, signed, values)) = cases[index];
            var actual = lines[index].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(values.Length, actual.Length);
            for (var i = 0; i < values.Length; i++)
            {
                var value = CValue(values[i]);

                // Going through the C type's own ap type first must change nothing: it holds the value exactly.
                var asCType = ApFixedArithmetic.Quantize(value, 0, ApFixedType.ForCInteger(bits, signed));
                Assert.Equal(value, asCType);
                var expected = ApFixedArithmetic.Quantize(value, 0, target);
                mismatches.Check(expected, ApTypeCases.ParseNumber(actual[i]), () => $"({cppType}){values[i]} -> {target}");
                total++;
            }
        }

        mismatches.AssertNone(total);
    }

    private static int CheckDoubles(ApTypeCases.Mismatches mismatches, ApFixedType target, double[] values, string line, string kind)
    {
        var actual = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        mismatches.Check(values.Length, actual.Length, () => $"{kind} count for {target}");
        for (var i = 0; i < Math.Min(values.Length, actual.Length); i++)
        {
            var expected = ApFixedArithmetic.FromDouble(values[i], target);
            var value = values[i];
            mismatches.Check(expected, ApTypeCases.ParseNumber(actual[i]), () => $"{kind} {value.ToString("R", CultureInfo.InvariantCulture)} -> {target}");
        }

        return values.Length;
    }

    /// <summary>The value of a C literal as written in <see cref="ConversionProgram.CIntegers"/>.</summary>
    private static BigInteger CValue(string literal)
    {
        if (literal is "false" or "true")
        {
            return literal == "true" ? BigInteger.One : BigInteger.Zero;
        }

        // "-2147483647 - 1" and friends spell the minimum without overflowing the literal.
        var parts = literal.Split(" - ");
        var first = ApTypeCases.ParseNumber(parts[0].TrimEnd('u', 'U', 'l', 'L'));
        return parts.Length == 1 ? first : first - ApTypeCases.ParseNumber(parts[1]);
    }
}
