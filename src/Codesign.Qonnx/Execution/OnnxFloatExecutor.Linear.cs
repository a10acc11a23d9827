using Codesign.Qonnx.Reading;

namespace Codesign.Qonnx.Execution;

/// <summary>MatMul (a batch of matrices times one matrix) and Gemm (alpha · A' · B' + beta · C).</summary>
public sealed partial class OnnxFloatExecutor
{
    private static OnnxTensor MatMul(LoadedNode node, OnnxTensor a, OnnxTensor b, OnnxDiagnostics d)
    {
        if (a.Rank < 2 || b.Rank != 2)
        {
            throw d.UnsupportedFeature($"{node.Label} multiplies shapes {a.DescribeShape()} and {b.DescribeShape()}; the left operand must be at least 2-D and the right one a matrix");
        }

        var inner = a.Shape[^1];
        if (b.Shape[0] != inner)
        {
            throw d.Invalid($"{node.Label}: shapes {a.DescribeShape()} and {b.DescribeShape()} do not fit for MatMul");
        }

        var columns = b.Shape[1];
        int[] shape = [.. a.Shape[..^1], columns];
        CheckedSize(node, shape, d);

        // Every tensor's dimensions multiply to at most MaxElements (zeros aside), so this product fits an int.
        var rows = a.Shape[..^1].Aggregate(1, (product, dim) => product * dim);
        return new OnnxTensor(shape, Multiply(a.Data, b.Data, rows, inner, columns, transposeA: false, transposeB: false));
    }

    private static OnnxTensor Gemm(LoadedNode node, OnnxTensor a, OnnxTensor b, OnnxTensor? c, OnnxDiagnostics d)
    {
        var transposeA = OnnxAttributes.Int(node, "transA", 0, d) != 0;
        var transposeB = OnnxAttributes.Int(node, "transB", 0, d) != 0;
        var alpha = OnnxAttributes.Float(node, "alpha", 1, d);
        var beta = OnnxAttributes.Float(node, "beta", 1, d);
        if (a.Rank != 2 || b.Rank != 2)
        {
            throw d.Invalid($"{node.Label}: Gemm takes two matrices, got shapes {a.DescribeShape()} and {b.DescribeShape()}");
        }

        var (m, k) = transposeA ? (a.Shape[1], a.Shape[0]) : (a.Shape[0], a.Shape[1]);
        var (kb, n) = transposeB ? (b.Shape[1], b.Shape[0]) : (b.Shape[0], b.Shape[1]);
        if (k != kb)
        {
            throw d.Invalid($"{node.Label}: shapes {a.DescribeShape()} and {b.DescribeShape()} (transA={(transposeA ? 1 : 0)}, transB={(transposeB ? 1 : 0)}) do not fit");
        }

        int[] shape = [m, n];
        CheckedSize(node, shape, d);
        var product = Multiply(a.Data, b.Data, m, k, n, transposeA, transposeB);
        if (alpha != 1)
        {
            for (var i = 0; i < product.Length; i++)
            {
                product[i] *= alpha;
            }
        }

        if (c is not null)
        {
            if (!BroadcastsTo(c.Shape, shape) || c.Rank > 2)
            {
                throw d.Invalid($"{node.Label}: C of shape {c.DescribeShape()} does not broadcast to [{m}, {n}]");
            }

            var bias = Expand(c, shape);
            for (var i = 0; i < product.Length; i++)
            {
                product[i] += beta * bias[i];
            }
        }

        return new OnnxTensor(shape, product);
    }

    /// <summary>[rows, inner] × [inner, columns], each operand optionally stored transposed; sums run in index order.</summary>
    private static double[] Multiply(double[] a, double[] b, int rows, int inner, int columns, bool transposeA, bool transposeB)
    {
        var result = new double[(long)rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var sum = 0.0;
                for (var i = 0; i < inner; i++)
                {
                    var left = transposeA ? a[((long)i * rows) + r] : a[((long)r * inner) + i];
                    var right = transposeB ? b[((long)c * inner) + i] : b[((long)i * columns) + c];
                    sum += left * right;
                }

                result[((long)r * columns) + c] = sum;
            }
        }

        return result;
    }

    private static long CheckedSize(LoadedNode node, int[] shape, OnnxDiagnostics d)
    {
        var size = OnnxTensor.ElementCount(shape.Select(dim => (long)dim));
        if (size < 0)
        {
            throw d.TooLarge($"{node.Label}: its output {OnnxTensor.Describe(shape)} would have more than {OnnxTensor.MaxElements} elements");
        }

        return size;
    }
}
