using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Core.Tests.Graph;

/// <summary>What <see cref="SoftmaxTables.Create"/> promises about the exp and inverse tables, checked from outside.</summary>
public class SoftmaxTablesTests
{
    private const long One = 1L << 17; // 1.0 in ap_ufixed<18,1>

    /// <summary>The smallest difference (in input codes) whose exp rounds to code 0 in the exp format.</summary>
    private static long Vanishing(FixedPointFormat input)
    {
        // exp(-d·lsb) falls with d, so bisect: low has a nonzero code, high has code 0 (exp(-20) < 2^-18).
        long low = 0;
        var high = (long)Math.Ceiling(20 / input.Lsb);
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (SoftmaxTables.DefaultExpFormat.ToCode(Math.Exp(-middle * input.Lsb)) > 0)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    [Theory]
    [InlineData(true, 2, 1, 64)]
    [InlineData(true, 4, 2, 64)]
    [InlineData(false, 4, 1, 64)]
    [InlineData(false, 6, 3, 64)]
    [InlineData(true, 8, 3, 256)]
    [InlineData(false, 8, 0, 1024)]
    [InlineData(true, 10, 4, 1024)]
    [InlineData(true, 12, 5, 4096)]
    [InlineData(false, 16, 6, 65536)]
    public void Inputs_with_at_most_table_size_codes_get_an_exact_table_with_shift_0(bool isSigned, int bits, int integerBits, int tableSize)
    {
        var input = new FixedPointFormat(isSigned, bits, integerBits);
        var tables = SoftmaxTables.Create(input, 5, tableSize);

        Assert.Equal(0, tables.ExpIndexShift);
        Assert.Equal(1L << bits, tables.ExpCodes.Length);
        Assert.Equal(One, tables.ExpCodes[0]);
        for (var d = 0; d < tables.ExpCodes.Length; d++)
        {
            Assert.Equal(tables.ExpFormat.ToCode(Math.Exp(-d * input.Lsb)), tables.ExpCodes[d]);
        }
    }

    [Theory]
    [InlineData(true, 12, 3, 64)]
    [InlineData(true, 12, 5, 256)]
    [InlineData(false, 14, 2, 128)]
    [InlineData(true, 16, 6, 64)]
    [InlineData(true, 16, 6, 1024)]
    [InlineData(false, 16, 4, 4096)]
    [InlineData(true, 20, 8, 4096)]
    [InlineData(true, 20, 10, 64)]
    [InlineData(true, 24, 4, 65536)]
    [InlineData(true, 32, 16, 1024)]
    [InlineData(false, 32, -8, 64)]
    public void Wider_inputs_get_binned_tables_that_cover_every_difference_whose_exp_is_not_zero(bool isSigned, int bits, int integerBits, int tableSize)
    {
        var input = new FixedPointFormat(isSigned, bits, integerBits);
        var tables = SoftmaxTables.Create(input, 5, tableSize);
        var shift = tables.ExpIndexShift;
        var largestDifference = input.MaxCode - input.MinCode;
        var reach = Math.Min(largestDifference, Vanishing(input));

        Assert.True(shift > 0, $"shift {shift}");
        Assert.True(tables.ExpCodes.Length <= tableSize, $"{tables.ExpCodes.Length} entries");

        // Every difference up to where exp rounds to 0 has its own bin (no clamping onto the last entry) ...
        Assert.True((reach >> shift) < tables.ExpCodes.Length, $"difference {reach} falls beyond {tables.ExpCodes.Length} bins of 2^{shift}");

        // ... and the bins are as fine as the table size allows: one shift less would not fit.
        Assert.True((reach >> (shift - 1)) >= tableSize, $"shift {shift} is coarser than needed for {reach}");

        // Each entry is exp somewhere inside its bin: between the exps of the bin's first and last difference.
        for (var j = 0; j < tables.ExpCodes.Length; j++)
        {
            var first = (long)j << shift;
            var last = Math.Min(((long)(j + 1) << shift) - 1, largestDifference);
            var high = tables.ExpFormat.ToCode(Math.Exp(-first * input.Lsb));
            var low = tables.ExpFormat.ToCode(Math.Exp(-last * input.Lsb));
            Assert.InRange(tables.ExpCodes[j], low, high);
        }
    }

    [Fact]
    public void A_coarse_input_grid_keeps_shift_0_and_its_entries_past_the_vanishing_point_are_zero()
    {
        // lsb = 1: exp(-d) rounds to 0 from d = 13 on, far below the 4096 codes of the format.
        var input = new FixedPointFormat(true, 12, 12);
        var tables = SoftmaxTables.Create(input, 3, 64);

        Assert.Equal(0, tables.ExpIndexShift);
        Assert.Equal(64, tables.ExpCodes.Length);
        Assert.Equal(13, Vanishing(input));
        Assert.All(tables.ExpCodes.Skip(13), code => Assert.Equal(0, code));
        Assert.True(tables.ExpCodes[12] > 0);
    }

    /// <summary>A deterministic sweep over formats, input counts and table sizes.</summary>
    public static TheoryData<bool, int, int, int, int> Sweep()
    {
        var data = new TheoryData<bool, int, int, int, int>();
        var random = new Random(8);
        for (var k = 0; k < 120; k++)
        {
            var signed = random.Next(2) == 0;
            var bits = random.Next(signed ? 2 : 1, 33);
            var integerBits = random.Next(-6, bits + 6);
            var inputs = random.Next(3) == 0 ? 1 : random.Next(2, 129);
            var tableSize = 1 << random.Next(6, 17);
            data.Add(signed, bits, integerBits, inputs, tableSize);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sweep))]
    public void Tables_are_non_increasing_and_the_inverse_covers_every_possible_sum(bool isSigned, int bits, int integerBits, int inputs, int tableSize)
    {
        var tables = SoftmaxTables.Create(new FixedPointFormat(isSigned, bits, integerBits), inputs, tableSize);
        var exp = tables.ExpCodes;
        var inverse = tables.InverseCodes;

        Assert.True(exp.Length <= tableSize);
        Assert.True(exp[0] > One / 2 && exp[0] <= One, $"ExpCodes[0] = {exp[0]}");
        for (var j = 1; j < exp.Length; j++)
        {
            Assert.True(exp[j] <= exp[j - 1], $"exp entry {j}");
        }

        // The largest possible rest of the sum, (n - 1)·ExpCodes[0], indexes the last entry exactly.
        var largestRest = (inputs - 1) * exp[0];
        Assert.Equal((largestRest >> tables.InverseIndexShift) + 1, inverse.Length);
        Assert.True(inverse.Length <= tableSize);
        Assert.True(tables.InverseIndexShift == 0 || (largestRest >> (tables.InverseIndexShift - 1)) >= tableSize, "the inverse bins are coarser than needed");

        var lsb = tables.ExpFormat.Lsb;
        for (var j = 0; j < inverse.Length; j++)
        {
            // Within (0, 2), and 1/sum somewhere inside the bin of sums.
            Assert.True(inverse[j] > 0 && tables.InverseFormat.FromCode(inverse[j]) < 2, $"inverse entry {j} = {inverse[j]}");
            Assert.True(j == 0 || inverse[j] <= inverse[j - 1], $"inverse entry {j}");
            var first = (long)j << tables.InverseIndexShift;
            var last = Math.Min(((long)(j + 1) << tables.InverseIndexShift) - 1, largestRest);
            var high = tables.InverseFormat.ToCode(1 / ((exp[0] + first) * lsb));
            var low = tables.InverseFormat.ToCode(1 / ((exp[0] + last) * lsb));
            Assert.InRange(inverse[j], low, high);
        }
    }

    [Theory]
    [InlineData(1000, 64)]
    [InlineData(65536, 1024)]
    [InlineData(65536, 65536)]
    public void Even_the_widest_layer_keeps_every_inverse_entry_above_zero(int inputs, int tableSize)
    {
        var tables = SoftmaxTables.Create(new FixedPointFormat(true, 8, 3), inputs, tableSize);

        // The smallest 1/sum is about 1/n ≥ 2^-16, two LSBs of the inverse format.
        Assert.True(tables.InverseCodes[^1] >= 2, $"last inverse entry {tables.InverseCodes[^1]}");
        Assert.True(tables.InverseCodes.Length <= tableSize);
    }

    [Theory]
    [InlineData(true, 8, 3, 64)]
    [InlineData(true, 20, 8, 4096)]
    [InlineData(false, 32, 0, 65536)]
    public void One_input_gives_a_single_inverse_entry_of_one_over_the_first_exp_entry(bool isSigned, int bits, int integerBits, int tableSize)
    {
        var tables = SoftmaxTables.Create(new FixedPointFormat(isSigned, bits, integerBits), 1, tableSize);

        var entry = Assert.Single(tables.InverseCodes);
        Assert.Equal(tables.InverseFormat.ToCode(1 / tables.ExpFormat.FromCode(tables.ExpCodes[0])), entry);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-64)]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(1023)]
    [InlineData(65537)]
    [InlineData(131072)]
    [InlineData(int.MinValue)]
    public void Table_sizes_other_than_powers_of_two_from_64_to_65536_are_refused(int tableSize)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxTables.Create(new FixedPointFormat(true, 8, 3), 4, tableSize));
        Assert.Equal("tableSize", exception.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Fewer_than_one_input_is_refused(int inputs)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxTables.Create(new FixedPointFormat(true, 8, 3), inputs));
    }

    [Theory]
    [InlineData(true, 33, 10)]
    [InlineData(false, 33, 0)]
    [InlineData(true, 62, 20)]
    public void Inputs_wider_than_32_bits_are_refused(bool isSigned, int bits, int integerBits)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxTables.Create(new FixedPointFormat(isSigned, bits, integerBits), 4));
        Assert.Equal("input", exception.ParamName);
    }

    [Fact]
    public void Thirty_two_bit_inputs_and_the_extreme_table_sizes_are_accepted()
    {
        Assert.Equal(64, SoftmaxTables.Create(new FixedPointFormat(true, 32, 8), 4, 64).ExpCodes.Length);
        Assert.Equal(65536, SoftmaxTables.Create(new FixedPointFormat(false, 32, 8), 4, 65536).ExpCodes.Length);
    }

    [Fact]
    public void The_same_arguments_give_equal_tables()
    {
        var input = new FixedPointFormat(true, 20, 8);
        var first = SoftmaxTables.Create(input, 12, 4096);
        var second = SoftmaxTables.Create(input, 12, 4096);

        Assert.Equal(
            (first.ExpIndexShift, first.ExpFormat, first.InverseIndexShift, first.InverseFormat, first.OutputFormat),
            (second.ExpIndexShift, second.ExpFormat, second.InverseIndexShift, second.InverseFormat, second.OutputFormat));
        Assert.Equal(first.ExpCodes, second.ExpCodes);
        Assert.Equal(first.InverseCodes, second.InverseCodes);
        Assert.NotEqual(first.ExpCodes, SoftmaxTables.Create(input, 12, 2048).ExpCodes);
    }

    [Fact]
    public void The_formats_are_18_bit_tables_and_a_16_bit_probability_that_holds_1()
    {
        var tables = SoftmaxTables.Create(new FixedPointFormat(true, 8, 3), 5);

        Assert.Equal(new FixedPointFormat(false, 18, 1), tables.ExpFormat);
        Assert.Equal(new FixedPointFormat(false, 18, 1), tables.InverseFormat);
        Assert.Equal(new FixedPointFormat(false, 16, 1), tables.OutputFormat);
        Assert.Equal(1.0, tables.OutputFormat.FromCode(tables.OutputFormat.ToCode(1.0)));
    }
}
