using Codesign.Qonnx.Reading;

namespace Codesign.Qonnx.Execution;

/// <summary>Operators that only move elements: Flatten, Reshape, Transpose.</summary>
public sealed partial class OnnxFloatExecutor
{
    private static OnnxTensor Flatten(LoadedNode node, OnnxTensor x, OnnxDiagnostics d)
    {
        var axis = OnnxAttributes.Int(node, "axis", 1, d);
        if (axis < -x.Rank || axis > x.Rank)
        {
            throw d.Invalid($"{node.Label}: axis {axis} is outside a rank-{x.Rank} input");
        }

        var split = (int)(axis < 0 ? axis + x.Rank : axis);
        var outer = x.Shape[..split].Aggregate(1, (product, dim) => product * dim);
        var inner = x.Shape[split..].Aggregate(1, (product, dim) => product * dim);
        return new OnnxTensor([outer, inner], x.Data);
    }

    /// <summary>ONNX Reshape: 0 copies the input's dimension (unless allowzero=1), one -1 takes what is left.</summary>
    private static OnnxTensor Reshape(LoadedNode node, OnnxTensor x, OnnxTensor target, OnnxDiagnostics d)
    {
        if (target.Rank != 1)
        {
            throw d.Invalid($"{node.Label}: the target shape '{node.InputAt(1)}' has shape {target.DescribeShape()}; a 1-D tensor is expected");
        }

        var allowZero = OnnxAttributes.Int(node, "allowzero", 0, d) != 0;
        var shape = new long[target.Size];
        var inferred = -1;
        for (var i = 0; i < shape.Length; i++)
        {
            var value = target.Data[i];
            if (value != Math.Floor(value) || value < -1 || value > OnnxTensor.MaxElements)
            {
                throw d.Invalid($"{node.Label}: target dimension {value} is not a size, 0 or -1");
            }

            shape[i] = (long)value;
            if (shape[i] == 0 && !allowZero)
            {
                shape[i] = i < x.Rank ? x.Shape[i] : throw d.Invalid($"{node.Label}: target dimension {i} is 0 (copy), but the input has rank {x.Rank}");
            }
            else if (shape[i] == -1)
            {
                inferred = inferred < 0 ? i : throw d.Invalid($"{node.Label}: more than one target dimension is -1");
            }
        }

        var known = OnnxTensor.ElementCount(shape.Where((_, i) => i != inferred));
        if (known < 0)
        {
            throw d.TooLarge($"{node.Label}: target shape {OnnxTensor.Describe(shape)} has more than {OnnxTensor.MaxElements} elements");
        }

        if (inferred >= 0)
        {
            shape[inferred] = known == 0 ? throw d.Invalid($"{node.Label}: -1 cannot be inferred next to a zero dimension") : x.Size / known;
        }

        if (OnnxTensor.ElementCount(shape) != x.Size)
        {
            throw d.Invalid($"{node.Label}: cannot reshape {x.DescribeShape()} ({x.Size} elements) to {OnnxTensor.Describe(target.Data.Select(v => (long)v))}");
        }

        return new OnnxTensor(shape.Select(dim => (int)dim).ToArray(), x.Data);
    }

    private static OnnxTensor Transpose(LoadedNode node, OnnxTensor x, OnnxDiagnostics d)
    {
        var perm = OnnxAttributes.Ints(node, "perm", d) ?? Enumerable.Range(0, x.Rank).Reverse().Select(axis => (long)axis).ToArray();
        if (perm.Length != x.Rank || perm.Any(axis => axis < 0 || axis >= x.Rank) || perm.Distinct().Count() != perm.Length)
        {
            throw d.Invalid($"{node.Label}: perm {OnnxTensor.Describe(perm)} is not a permutation of the {x.Rank} axes of {x.DescribeShape()}");
        }

        var shape = perm.Select(axis => x.Shape[axis]).ToArray();

        // Input strides in the output's axis order; walk the output row-major.
        var inputStrides = new long[x.Rank];
        long stride = 1;
        for (var axis = x.Rank - 1; axis >= 0; axis--)
        {
            inputStrides[axis] = stride;
            stride *= x.Shape[axis];
        }

        var strides = perm.Select(axis => inputStrides[axis]).ToArray();
        var result = new double[x.Size];
        var index = new int[shape.Length];
        long source = 0;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = x.Data[source];
            for (var axis = shape.Length - 1; axis >= 0; axis--)
            {
                source += strides[axis];
                if (++index[axis] < shape[axis])
                {
                    break;
                }

                source -= strides[axis] * index[axis];
                index[axis] = 0;
            }
        }

        return new OnnxTensor(shape, result);
    }
}
