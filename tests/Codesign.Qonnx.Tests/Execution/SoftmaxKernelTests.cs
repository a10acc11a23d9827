using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Qonnx.Execution;
using Codesign.Qonnx.Tests.Reading;
using Xunit.Abstractions;

namespace Codesign.Qonnx.Tests.Execution;

/// <summary>
/// The executor's table softmax against the real softmax of the quantized inputs, and the properties the table
/// design promises exactly: ties, order, shift invariance, one input.
/// </summary>
public sealed class SoftmaxKernelTests(ITestOutputHelper output)
{
    private const int Rows = 4000;

    private static QuantizedGraph Graph(FixedPointFormat input, int n, int tableSize) =>
        new QuantizedGraphBuilder("softmax", GraphNames.Input, new TensorShape(n))
            .Quant("input_quant", input)
            .Softmax("softmax", SoftmaxTables.Create(input, n, tableSize))
            .Build();

    private static SoftmaxTables TablesOf(QuantizedGraph graph) => ((SoftmaxNode)graph.Nodes[^1]).Tables;

    /// <summary>
    /// Rows of input codes in four kinds: uniform over the whole format; a spread of a few units of value below a
    /// random maximum (where exp is neither 1 nor 0, the interesting range); rows drawn from two or three distinct
    /// codes (tied maxima and tied others); and rows at the extremes of the format.
    /// </summary>
    private static long[] Codes(Random random, FixedPointFormat input, int n, int rows)
    {
        var codes = new long[rows * n];
        for (var row = 0; row < rows; row++)
        {
            var x = codes.AsSpan(row * n, n);
            var kind = row % 4;
            var top = random.NextInt64(input.MinCode, input.MaxCode + 1);
            var spread = Math.Max(1, (long)Math.Min(input.MaxCode - input.MinCode, Math.Ceiling(random.NextDouble() * 16 / input.Lsb)));
            long[] few = [top, Math.Max(input.MinCode, top - random.NextInt64(0, spread + 1)), Math.Max(input.MinCode, top - random.NextInt64(0, spread + 1))];
            for (var i = 0; i < n; i++)
            {
                x[i] = kind switch
                {
                    0 => random.NextInt64(input.MinCode, input.MaxCode + 1),
                    1 => Math.Max(input.MinCode, top - random.NextInt64(0, spread + 1)),
                    2 => few[random.Next(few.Length)],
                    _ => random.Next(2) == 0 ? input.MinCode : input.MaxCode,
                };
            }
        }

        return codes;
    }

    private static float[] Values(long[] codes, FixedPointFormat input) => codes.Select(code => (float)input.FromCode(code)).ToArray();

    /// <summary>
    /// A bound on |y − softmax(x)| that follows from the tables alone (derivation in the comments), for inputs of
    /// <paramref name="input"/> and <paramref name="n"/> elements.
    /// </summary>
    private static (double Total, double Exp, double Inverse) Bound(SoftmaxTables tables, FixedPointFormat input, int n)
    {
        // Exp bins. An element whose difference d lies in a bin of 2^s codes reads exp at the bin's centre c, with
        // |d − c| ≤ (2^s − 1)/2 = h/lsb: its exp carries a factor within [e^−h, e^h]. Perturbing every weight of a
        // softmax by such factors moves each probability by at most tanh(h/2) (the extreme: the element's own factor
        // e^h, all others e^−h, maximised over its probability).
        var h = ((1L << tables.ExpIndexShift) - 1) / 2.0 * input.Lsb;
        var binning = Math.Tanh(h / 2);

        // Exp rounding. Each entry is off by at most half an exp LSB (2^-18); a difference past the table's end reads
        // the last entry instead of exp ≤ 2^-18 (it is past where exp rounds to 0), so off by at most that entry.
        // Absolute errors b_j in the entries move e_i/Σe by (b_i − p_i·Σb)/Σe, at most max(1, n−1)·B/Σe, and
        // Σe ≥ ExpCodes[0] > 1/2.
        var clamps = ((long)tables.ExpCodes.Length << tables.ExpIndexShift) <= input.MaxCode - input.MinCode;
        var b = Math.Max(tables.ExpFormat.Lsb / 2, clamps ? tables.ExpFormat.FromCode(tables.ExpCodes[^1]) : 0);
        var rounding = Math.Max(1, n - 1) * b / tables.ExpFormat.FromCode(tables.ExpCodes[0]);

        // Inverse bins, measured on the table itself: the worst relative error of the inverse entry over the sums of
        // its bin (its own rounding included). The product e_i·v = (e_i/Σe)(1 + γ) with e_i/Σe ≤ 1, so it adds |γ|.
        var e0 = tables.ExpCodes[0];
        var largestRest = (n - 1) * e0;
        var inverse = 0.0;
        for (var j = 0; j < tables.InverseCodes.Length; j++)
        {
            var v = tables.InverseFormat.FromCode(tables.InverseCodes[j]);
            var first = (long)j << tables.InverseIndexShift;
            var last = Math.Min(((long)(j + 1) << tables.InverseIndexShift) - 1, largestRest);
            inverse = Math.Max(inverse, Math.Abs((v * (e0 + first) * tables.ExpFormat.Lsb) - 1));
            inverse = Math.Max(inverse, Math.Abs((v * (e0 + last) * tables.ExpFormat.Lsb) - 1));
        }

        // Output rounding onto 15 fraction bits: half an output LSB, 2^-16.
        var output = tables.OutputFormat.Lsb / 2;
        return (binning + rounding + inverse + output, binning + rounding, inverse);
    }

    /// <summary>softmax(x) in double for one row of codes: exp of the exact differences to the maximum.</summary>
    private static double[] Softmax(ReadOnlySpan<long> x, FixedPointFormat input)
    {
        var max = long.MinValue;
        foreach (var code in x)
        {
            max = Math.Max(max, code);
        }

        var e = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            e[i] = Math.Exp(-(max - x[i]) * input.Lsb);
        }

        var sum = e.Sum();
        return e.Select(value => value / sum).ToArray();
    }

    /// <remarks>
    /// The inverse table usually dominates: its bins are uniform over the possible sums [E0, n·E0], so where one
    /// class dominates (sum near 1) a bin's half width is about (n − 1)/(2·entries) of the sum. With exact exp tables
    /// the error is that bin error and little else (measured: 64 to 1850 output LSBs, while the outputs divided by
    /// their row sum are within 4.3 LSBs); coarse exp bins add tanh(h/2).
    /// </remarks>
    [Theory]
    [InlineData(true, 4, 2, 3, 64)]      // exact exp table (16 codes)
    [InlineData(false, 4, 1, 5, 64)]     // exact, unsigned
    [InlineData(false, 6, 3, 7, 64)]     // exact, 64 codes in 64 entries
    [InlineData(true, 8, 3, 5, 1024)]    // exact, the firmware default table size
    [InlineData(true, 8, 3, 16, 256)]    // exact, 16 classes
    [InlineData(true, 10, 4, 10, 4096)]  // exact, 10 classes
    [InlineData(true, 6, 6, 4, 64)]      // exact, integer logits: exp rounds to 0 from d = 13
    [InlineData(true, 12, 5, 5, 64)]     // binned, shift 5
    [InlineData(false, 14, 2, 2, 128)]   // binned, two classes
    [InlineData(true, 16, 6, 5, 1024)]   // binned, shift 4
    [InlineData(true, 16, 10, 5, 1024)]  // coarse grid: shift 0, exp is 0 past d = 799, larger d clamp
    [InlineData(true, 20, 8, 12, 4096)]  // binned, shift 4
    [InlineData(true, 20, 10, 16, 64)]   // binned, the coarsest: 64 entries for 16 classes
    public void Every_probability_is_within_the_bound_the_tables_give(bool isSigned, int bits, int integerBits, int n, int tableSize)
    {
        var input = new FixedPointFormat(isSigned, bits, integerBits);
        var graph = Graph(input, n, tableSize);
        var tables = TablesOf(graph);
        var codes = Codes(new Random(bits * 1000 + n * 10 + tableSize), input, n, Rows);

        var y = GraphExecutor.RunCodes(graph, Values(codes, input), Rows);

        var bound = Bound(tables, input, n);
        var worst = 0.0;
        var worstSum = 0.0;
        var worstShape = 0.0;
        var value = new double[n];
        for (var row = 0; row < Rows; row++)
        {
            var p = Softmax(codes.AsSpan(row * n, n), input);
            for (var i = 0; i < n; i++)
            {
                value[i] = tables.OutputFormat.FromCode(y[(row * n) + i]);
                worst = Math.Max(worst, Math.Abs(value[i] - p[i]));
            }

            var sum = value.Sum();
            worstSum = Math.Max(worstSum, Math.Abs(sum - 1));
            for (var i = 0; i < n; i++)
            {
                worstShape = Math.Max(worstShape, Math.Abs((value[i] / sum) - p[i]));
            }
        }

        var lsb = tables.OutputFormat.Lsb;
        output.WriteLine(FormattableString.Invariant(
            $"{input} n={n} table={tableSize} shifts {tables.ExpIndexShift}/{tables.InverseIndexShift}: max |y-p| {worst:E3} ({worst / lsb:F1} LSB) bound {bound.Total:E3} (exp {bound.Exp:E3}, inverse {bound.Inverse:E3}); max |sum-1| {worstSum:E3}; max |y/sum-p| {worstShape:E3} ({worstShape / lsb:F1} LSB)"));

        // The bound is rigorous in real arithmetic; 1e-12 only covers the double rounding of the reference softmax.
        Assert.True(worst <= bound.Total + 1e-12, $"max error {worst} above the bound {bound.Total}");

        // Σ y_i = Σ e_i·v ± n/2 output LSBs = Σe·v ± n/2 LSBs = 1 + γ ± n/2 LSBs: only the inverse table and the
        // output rounding count.
        var sumBound = bound.Inverse + (n * lsb / 2);
        Assert.True(worstSum <= sumBound + 1e-12, $"row sums off by {worstSum}, above {sumBound}");

        // The inverse factor v is common to the row, so the outputs divided by their sum lose it: y_i/Σy differs from
        // the table entries' e_i/Σe only by the output rounding, (r_i − q_i·Σr)/Σy with |r| ≤ 2^-16, at most
        // max(1, n−1)·2^-16/Σy; e_i/Σe is within the exp bound of p_i. With an exact exp table: a few output LSBs.
        var shapeBound = bound.Exp + (Math.Max(1, n - 1) * lsb / 2 / (1 - sumBound));
        Assert.True(worstShape <= shapeBound + 1e-12, $"normalized outputs off by {worstShape}, above {shapeBound}");
    }

    [Theory]
    [InlineData(true, 8, 3, 5, 64)]
    [InlineData(false, 6, 3, 7, 1024)]
    [InlineData(true, 12, 5, 5, 64)]
    [InlineData(true, 20, 8, 12, 4096)]
    [InlineData(true, 32, 16, 3, 256)]
    public void The_outputs_are_the_documented_integer_steps_bit_for_bit(bool isSigned, int bits, int integerBits, int n, int tableSize)
    {
        var input = new FixedPointFormat(isSigned, bits, integerBits);
        var graph = Graph(input, n, tableSize);
        var t = TablesOf(graph);
        var codes = Codes(new Random(bits + tableSize), input, n, Rows);

        // The steps of the SoftmaxTables summary, written out again: m, d_i, e_i, s, r, v, then e_i·v (36 bits, exact
        // in a double) scaled to 15 fraction bits, rounded half to even and saturated onto [0, 2^16 − 1].
        var expected = new long[codes.Length];
        for (var row = 0; row < Rows; row++)
        {
            var x = codes.AsSpan(row * n, n);
            var m = x.ToArray().Max();
            var e = x.ToArray().Select(xi => t.ExpCodes[Math.Min((m - xi) >> t.ExpIndexShift, t.ExpCodes.Length - 1)]).ToArray();
            var r = e.Sum() - t.ExpCodes[0];
            var v = t.InverseCodes[Math.Min(r >> t.InverseIndexShift, t.InverseCodes.Length - 1)];
            for (var i = 0; i < n; i++)
            {
                var scaled = Math.Round(Math.ScaleB((double)(e[i] * v), -(17 + 17 - 15)), MidpointRounding.ToEven);
                expected[(row * n) + i] = (long)Math.Clamp(scaled, 0, (1 << 16) - 1);
            }
        }

        // 32-bit codes are not all floats: feed those through the executor's kernel directly.
        var actual = bits <= 24
            ? GraphExecutor.RunCodes(graph, Values(codes, input), Rows)
            : SoftmaxKernel.Run((SoftmaxNode)graph.Nodes[^1], codes, Rows);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(true, 8, 3, 5, 64)]
    [InlineData(false, 6, 3, 7, 64)]
    [InlineData(true, 12, 5, 5, 64)]
    [InlineData(true, 20, 8, 12, 4096)]
    [InlineData(true, 4, 1, 16, 256)]
    public void Ties_give_equal_outputs_and_larger_inputs_never_smaller_ones(bool isSigned, int bits, int integerBits, int n, int tableSize)
    {
        var input = new FixedPointFormat(isSigned, bits, integerBits);
        var graph = Graph(input, n, tableSize);
        var codes = Codes(new Random(bits + n), input, n, Rows);

        var y = GraphExecutor.RunCodes(graph, Values(codes, input), Rows);

        var ties = 0;
        for (var row = 0; row < Rows; row++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var (xi, xj, yi, yj) = (codes[(row * n) + i], codes[(row * n) + j], y[(row * n) + i], y[(row * n) + j]);
                    if (xi == xj)
                    {
                        Assert.Equal(yi, yj);
                        ties += i < j ? 1 : 0;
                    }
                    else if (xi > xj)
                    {
                        Assert.True(yi >= yj, $"row {row}: x {xi} > {xj} but y {yi} < {yj}");
                    }
                }
            }
        }

        Assert.True(ties > Rows / 4, $"{ties} tied pairs");
    }

    [Theory]
    [InlineData(true, 8, 3, 5, 64)]
    [InlineData(false, 6, 3, 7, 64)]
    [InlineData(true, 12, 5, 5, 64)]
    [InlineData(true, 20, 8, 12, 4096)]
    [InlineData(false, 16, 4, 3, 1024)]
    public void Adding_the_same_code_to_every_input_changes_no_output(bool isSigned, int bits, int integerBits, int n, int tableSize)
    {
        var input = new FixedPointFormat(isSigned, bits, integerBits);
        var graph = Graph(input, n, tableSize);
        var random = new Random(bits * n);
        var codes = Codes(random, input, n, Rows);
        var shifted = new long[codes.Length];
        for (var row = 0; row < Rows; row++)
        {
            // Any offset that keeps the whole row inside the format, so nothing saturates.
            var x = codes.AsSpan(row * n, n);
            var (min, max) = (x[0], x[0]);
            foreach (var code in x)
            {
                (min, max) = (Math.Min(min, code), Math.Max(max, code));
            }

            var offset = random.NextInt64(input.MinCode - min, input.MaxCode - max + 1);
            for (var i = 0; i < n; i++)
            {
                shifted[(row * n) + i] = x[i] + offset;
            }
        }

        Assert.All(shifted, code => Assert.InRange(code, input.MinCode, input.MaxCode));
        Assert.Equal(GraphExecutor.RunCodes(graph, Values(codes, input), Rows), GraphExecutor.RunCodes(graph, Values(shifted, input), Rows));
    }

    [Theory]
    [InlineData(true, 8, 3, 64)]
    [InlineData(false, 10, 4, 64)]
    [InlineData(true, 20, 8, 4096)]
    [InlineData(true, 32, 16, 65536)]
    [InlineData(false, 1, 0, 64)]
    public void A_single_input_always_gives_exactly_one(bool isSigned, int bits, int integerBits, int tableSize)
    {
        var input = new FixedPointFormat(isSigned, bits, integerBits);
        var graph = Graph(input, 1, tableSize);
        var codes = Codes(new Random(bits), input, 1, Rows);

        Assert.All(GraphExecutor.RunCodes(graph, Values(codes, input), Rows), code => Assert.Equal(1L << 15, code));
        Assert.All(GraphExecutor.Run(graph, Values(codes, input), Rows), value => Assert.Equal(1f, value));
    }

    [Fact]
    public void An_empty_batch_gives_no_outputs()
    {
        Assert.Empty(GraphExecutor.RunCodes(Graph(new FixedPointFormat(true, 8, 3), 5, 64), [], 0));
    }

    [Fact]
    public void A_classifier_ending_in_softmax_runs_on_the_reference_path_on_the_fast_path_logits()
    {
        var model = new QuantizedModel(new FixedPointFormat(true, 8, 3),
        [
            new QuantizedLayer("dense_1", 3, 4, Activation.Relu, new FixedPointFormat(true, 4, 1), [0.5f, -0.25f, 0.875f, -1f, 0.125f, 0.375f, 0.75f, -0.5f, 0.25f, 0f, -0.625f, 0.5f], new FixedPointFormat(true, 12, 4), [0.0390625f, -0.5f, 0.25f, 0f], new FixedPointFormat(false, 6, 3)),
            new QuantizedLayer("dense_2", 4, 5, Activation.None, new FixedPointFormat(true, 5, 1), [.. Enumerable.Range(0, 20).Select(k => ((k * 7 % 31) - 15) / 16f)], new FixedPointFormat(true, 12, 5), [0.1875f, -0.0625f, 0f, 0.5f, -0.25f], new FixedPointFormat(true, 10, 5)),
        ]);
        var logitsGraph = QuantizedModelGraph.Build(model, "classifier");
        var graph = QuantizedModelGraph.Build(model, "classifier", 256);
        var random = new Random(5);
        const int rows = 3000;
        var inputs = ReadingTestGraphs.Inputs(random, rows * 3, model.InputFormat);

        Assert.NotNull(Int32ChainExecutor.TryCreate(logitsGraph));
        Assert.Null(Int32ChainExecutor.TryCreate(graph));

        var probabilities = GraphExecutor.RunCodes(graph, inputs, rows);
        Assert.Equal(GraphExecutor.RunReferenceCodes(graph, inputs, rows), probabilities);

        // The logits the softmax read are the fast path's, and the softmax of those is what came out.
        var fastLogits = GraphExecutor.RunCodes(logitsGraph, inputs, rows);
        var trace = GraphExecutor.Trace(graph, inputs, rows);
        Assert.Equal(fastLogits, trace["dense_2_out"]);
        Assert.Equal(SoftmaxKernel.Run((SoftmaxNode)graph.Nodes[^1], fastLogits, rows), probabilities);
        Assert.Equal(probabilities, trace[GraphNames.Output]);
        Assert.True(probabilities.Distinct().Count() > 20);
    }
}
