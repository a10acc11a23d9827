using Codesign.Qonnx.Reading;

namespace Codesign.Qonnx.Execution;

/// <summary>Numpy-style broadcasting and the element-wise operators (Add, Mul, Relu, Softmax).</summary>
public sealed partial class OnnxFloatExecutor
{
    private static OnnxTensor Elementwise(LoadedNode node, OnnxTensor a, OnnxTensor b, Func<double, double, double> operation, OnnxDiagnostics d)
    {
        var shape = BroadcastShape(node, a.Shape, b.Shape, d);
        var left = Expand(a, shape);
        var right = Expand(b, shape);
        var result = new double[left.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = operation(left[i], right[i]);
        }

        return new OnnxTensor(shape, result);
    }

    private static OnnxTensor Map(OnnxTensor x, Func<double, double> operation)
    {
        var result = new double[x.Size];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = operation(x.Data[i]);
        }

        return new OnnxTensor(x.Shape, result);
    }

    /// <summary>The numpy broadcast of two shapes: aligned at the right, each pair equal or one of them 1.</summary>
    internal static int[] BroadcastShape(LoadedNode node, int[] a, int[] b, OnnxDiagnostics d)
    {
        var rank = Math.Max(a.Length, b.Length);
        var shape = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var x = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            var y = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (x != y && x != 1 && y != 1)
            {
                throw d.Invalid($"{node.Label}: shapes {OnnxTensor.Describe(a)} and {OnnxTensor.Describe(b)} do not broadcast");
            }

            shape[i] = x == 1 ? y : x;
        }

        if (OnnxTensor.ElementCount(shape.Select(dim => (long)dim)) < 0)
        {
            throw d.TooLarge($"{node.Label}: the broadcast shape {OnnxTensor.Describe(shape)} has more than {OnnxTensor.MaxElements} elements");
        }

        return shape;
    }

    /// <summary>True when <paramref name="source"/> broadcasts to <paramref name="target"/> without growing it.</summary>
    internal static bool BroadcastsTo(int[] source, int[] target)
    {
        if (source.Length > target.Length)
        {
            return source.Take(source.Length - target.Length).All(dim => dim == 1) && BroadcastsTo(source[(source.Length - target.Length)..], target);
        }

        var offset = target.Length - source.Length;
        return source.Select((dim, i) => dim == 1 || dim == target[i + offset]).All(fits => fits);
    }

    /// <summary>The values of <paramref name="tensor"/> repeated to fill <paramref name="target"/> (which it broadcasts to).</summary>
    internal static double[] Expand(OnnxTensor tensor, int[] target)
    {
        var size = (int)OnnxTensor.ElementCount(target.Select(dim => (long)dim));
        if (tensor.Size == size && tensor.Shape.AsSpan().SequenceEqual(target))
        {
            return tensor.Data;
        }

        var result = new double[size];
        if (tensor.Size == 1)
        {
            Array.Fill(result, tensor.Data[0]);
            return result;
        }

        // Source strides aligned at the right, 0 where the source dimension is broadcast.
        var strides = new long[target.Length];
        long stride = 1;
        for (int t = target.Length - 1, s = tensor.Rank - 1; t >= 0; t--, s--)
        {
            var dim = s >= 0 ? tensor.Shape[s] : 1;
            strides[t] = dim == 1 ? 0 : stride;
            stride *= dim;
        }

        var index = new int[target.Length];
        long source = 0;
        for (var i = 0; i < size; i++)
        {
            result[i] = tensor.Data[source];
            for (var axis = target.Length - 1; axis >= 0; axis--)
            {
                source += strides[axis];
                if (++index[axis] < target[axis])
                {
                    break;
                }

                source -= strides[axis] * index[axis];
                index[axis] = 0;
            }
        }

        return result;
    }

    /// <summary>
    /// Softmax with the max subtracted for stability. From opset 13 it runs along one axis (default -1); before,
    /// the input was coerced to 2-D at the axis (default 1) and normalised over everything from that axis on.
    /// </summary>
    private static OnnxTensor Softmax(LoadedNode node, OnnxTensor x, long opset, OnnxDiagnostics d)
    {
        var modern = opset >= 13;
        var axis = OnnxAttributes.Int(node, "axis", modern ? -1 : 1, d);
        if (axis < -x.Rank || axis >= Math.Max(x.Rank, 1))
        {
            throw d.Invalid($"{node.Label}: axis {axis} is outside a rank-{x.Rank} input");
        }

        var a = (int)(axis < 0 ? axis + x.Rank : axis);
        var outer = x.Shape.Take(a).Aggregate(1, (p, dim) => p * dim);
        var length = modern ? (x.Rank == 0 ? 1 : x.Shape[a]) : x.Shape.Skip(a).Aggregate(1, (p, dim) => p * dim);
        var inner = modern ? x.Shape.Skip(a + 1).Aggregate(1, (p, dim) => p * dim) : 1;
        var result = new double[x.Size];
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var start = (o * length * inner) + i;
                var max = double.NegativeInfinity;
                for (var k = 0; k < length; k++)
                {
                    max = Math.Max(max, x.Data[start + (k * inner)]);
                }

                var sum = 0.0;
                for (var k = 0; k < length; k++)
                {
                    var e = Math.Exp(x.Data[start + (k * inner)] - max);
                    result[start + (k * inner)] = e;
                    sum += e;
                }

                for (var k = 0; k < length; k++)
                {
                    result[start + (k * inner)] /= sum;
                }
            }
        }

        return new OnnxTensor(x.Shape, result);
    }
}
