using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Execution;

/// <summary>The table softmax of <see cref="SoftmaxTables"/> on every row, in the integer steps its summary lists.</summary>
internal static class SoftmaxKernel
{
    public static long[] Run(SoftmaxNode softmax, long[] inputs, int rows)
    {
        var tables = softmax.Tables;
        var size = rows == 0 ? 0 : inputs.Length / rows;
        var result = new long[inputs.Length];
        var exps = new long[size];
        var productFraction = tables.ProductFormat.FractionalBits;
        for (var row = 0; row < rows; row++)
        {
            var x = inputs.AsSpan(row * size, size);
            var max = x[0];
            foreach (var value in x)
            {
                max = Math.Max(max, value);
            }

            long sum = 0;
            for (var i = 0; i < size; i++)
            {
                exps[i] = tables.ExpCodes[Index(max - x[i], tables.ExpIndexShift, tables.ExpCodes.Length)];
                sum += exps[i];
            }

            var inverse = tables.InverseCodes[Index(sum - tables.ExpCodes[0], tables.InverseIndexShift, tables.InverseCodes.Length)];
            for (var i = 0; i < size; i++)
            {
                result[(row * size) + i] = FixedPointRequantizer.Requantize(exps[i] * inverse, productFraction, tables.OutputFormat);
            }
        }

        return result;
    }

    private static int Index(long code, int shift, int entries) => (int)Math.Min(code >> shift, entries - 1);
}
