using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Reading;

/// <summary>The data-path nodes: each becomes an IR node, or a reason naming the node and the property at fault.</summary>
internal sealed partial class QuantizedGraphRecognizer
{
    private TensorState QuantOnData(LoadedNode node, DataState source)
    {
        if (Constants(node, 1, 3) is not { } parameters)
        {
            return Broken($"{node.Label}: scale, zero point and bit width must be constants");
        }

        var attributes = QuantAttributes.Read(node, graph.Diagnostics);
        var bits = QuantAttributes.BitWidth(node, parameters[2], graph.Diagnostics);
        if (QuantFormats.Analyze(node, parameters[0], parameters[1], bits, attributes, onData: true, reasons) is not { } format)
        {
            return new BrokenState();
        }

        return Emit(new QuantNode(UniqueName(node, node.Name), source.IrName, node.Output, format), new DataState(node.Output, source.Shape, format.FractionalBits));
    }

    private TensorState MatMul(LoadedNode node, DataState source)
    {
        if (Parameter(node, 1, "weight", rank: 2) is not (var weights, var format, var shape))
        {
            return new BrokenState();
        }

        var name = UniqueName(node, WithoutSuffix(node.Name, "_matmul"));
        return new PendingDenseState(new DenseDraft(name, source.IrName, shape[0], shape[1], format, weights, source.Fraction, node.Output));
    }

    private TensorState Gemm(LoadedNode node, DataState source)
    {
        var d = graph.Diagnostics;
        if (OnnxAttributes.Int(node, "transA", 0, d) != 0 || OnnxAttributes.Float(node, "alpha", 1, d) != 1 || OnnxAttributes.Float(node, "beta", 1, d) != 1)
        {
            return Broken($"{node.Label}: transA, alpha or beta differ from 0, 1, 1; the IR's dense layer has none of them");
        }

        if (Parameter(node, 1, "weight", rank: 2) is not (var weights, var format, var shape))
        {
            return new BrokenState();
        }

        var (inputs, units) = (shape[0], shape[1]);
        if (OnnxAttributes.Int(node, "transB", 0, d) != 0)
        {
            // Stored [units, inputs] (PyTorch's Linear layout); the IR is input-major.
            (inputs, units) = (units, inputs);
            weights = Transposed(weights, units, inputs);
        }

        var draft = new DenseDraft(UniqueName(node, node.Name), source.IrName, inputs, units, format, weights, source.Fraction, node.Output);
        return node.InputAt(2) is { } bias ? AddBias(node, draft, bias) : Finish(draft);
    }

    /// <summary>The Add after a MatMul (or Gemm's C): the bias of the dense layer, which then writes the Add's output.</summary>
    private TensorState AddBias(LoadedNode node, DenseDraft draft, string bias)
    {
        var position = node.Proto.Input.IndexOf(bias);
        if (Parameter(node, position, "bias", rank: null) is not (var codes, var format, var shape))
        {
            return new BrokenState();
        }

        if (codes.Length != draft.Units || shape.Length > 2 || shape.Length == 0 || shape[^1] != draft.Units)
        {
            return Broken($"{node.Label}: bias '{bias}' has shape {OnnxTensor.Describe(shape)}; [{draft.Units}] is expected");
        }

        return Emit(
            new DenseNode(draft.Name, draft.Input, node.Output, draft.Inputs, draft.Units, draft.WeightFormat, draft.WeightCodes, format, codes),
            new DataState(node.Output, new TensorShape(draft.Units), Accumulator(draft.InputFraction, draft.WeightFormat, format)));
    }

    /// <summary>A MatMul with no bias after it: a dense layer with zero biases on the product grid.</summary>
    private DataState Finish(DenseDraft draft)
    {
        var bias = new FixedPointFormat(true, 2, 2 - ((draft.InputFraction ?? 0) + draft.WeightFormat.FractionalBits));
        return Emit(
            new DenseNode(draft.Name, draft.Input, draft.Output, draft.Inputs, draft.Units, draft.WeightFormat, draft.WeightCodes, bias, new long[draft.Units]),
            new DataState(draft.Output, new TensorShape(draft.Units), Accumulator(draft.InputFraction, draft.WeightFormat, bias)));
    }

    private TensorState Conv(LoadedNode node, DataState source)
    {
        if (Parameter(node, 1, "weight", rank: 4) is not (var ohwi, var format, var shape))
        {
            return new BrokenState();
        }

        var (outChannels, kernelHeight, kernelWidth, inChannels) = (shape[0], shape[1], shape[2], shape[3]);
        var a = ConvAttributes.Read(node, kernelHeight, kernelWidth, graph.Diagnostics);
        if (a.DilationHeight != 1 || a.DilationWidth != 1)
        {
            return Broken($"{node.Label}: dilations [{a.DilationHeight}, {a.DilationWidth}]; the IR convolves without dilation");
        }

        var (biasCodes, biasFormat) = (new long[outChannels], new FixedPointFormat(true, 2, 2 - ((source.Fraction ?? 0) + format.FractionalBits)));
        if (node.InputAt(2) is not null)
        {
            if (Parameter(node, 2, "bias", rank: 1) is not (var codes, var bf, _))
            {
                return new BrokenState();
            }

            (biasCodes, biasFormat) = (codes, bf);
        }

        if (source.Shape is not { Rank: 3 } input)
        {
            return Broken($"{node.Label} reads '{source.IrName}' of shape {source.Shape}; the IR convolves [height, width, channels]");
        }

        var geometry = new Conv2dGeometry(kernelHeight, kernelWidth, inChannels, outChannels, a.StrideHeight, a.StrideWidth, a.PadTop, a.PadLeft, a.PadBottom, a.PadRight);
        TensorShape output;
        try
        {
            output = geometry.OutputShape(input[0], input[1]);
        }
        catch (ArgumentException exception)
        {
            return Broken($"{node.Label}: {exception.Message}");
        }

        // OHWI in the file, HWIO ([kh, kw, cin, cout]) in the IR.
        var hwio = Conv2dWeightLayout.FromOhwi(geometry, ohwi);

        return Emit(
            new Conv2dNode(UniqueName(node, WithoutSuffix(node.Name, "_conv")), source.IrName, node.Output, geometry, format, hwio, biasFormat, biasCodes),
            new DataState(node.Output, output, Accumulator(source.Fraction, format, biasFormat)));
    }

    private TensorState Flatten(LoadedNode node, DataState source)
    {
        var axis = OnnxAttributes.Int(node, "axis", 1, graph.Diagnostics);
        if (source.Shape is null || (axis != 1 && axis != -source.Shape.Rank))
        {
            return Broken($"{node.Label}: axis {axis}; the IR flattens everything after the batch dimension (axis=1)");
        }

        return Reshaped(node, source, new TensorShape(source.Shape.Size));
    }

    /// <summary>A Reshape that keeps the batch first (-1, 0, or 1 for Brevitas' fixed batch) and reshapes each sample.</summary>
    private TensorState Reshape(LoadedNode node, DataState source)
    {
        if (states[node.InputAt(1)!] is not ConstantState { Values: { Rank: 1, Size: >= 2 } target } || source.Shape is null)
        {
            return Broken($"{node.Label}: the target shape must be a constant 1-D tensor [batch, ...]");
        }

        var batch = target.Data[0];
        var dims = target.Data.Skip(1).ToArray();
        if (batch is not (-1 or 0 or 1) || (batch == -1 && dims.Contains(-1)))
        {
            return Broken($"{node.Label}: target shape {OnnxTensor.Describe(target.Data.Select(v => (long)v))} does not keep the batch dimension first");
        }

        var sample = new long[dims.Length];
        var inferred = -1;
        for (var i = 0; i < dims.Length; i++)
        {
            sample[i] = dims[i] == 0 && i < source.Shape.Rank ? source.Shape[i] : (long)dims[i];
            inferred = dims[i] == -1 ? i : inferred;
        }

        var known = OnnxTensor.ElementCount(sample.Where((_, i) => i != inferred));
        if (inferred >= 0 && known > 0)
        {
            sample[inferred] = source.Shape.Size / known;
        }

        if (sample.Any(dim => dim < 1 || dim > int.MaxValue) || OnnxTensor.ElementCount(sample) != source.Shape.Size)
        {
            return Broken($"{node.Label}: cannot reshape {source.Shape} to {OnnxTensor.Describe(target.Data.Select(v => (long)v))}");
        }

        return Reshaped(node, source, new TensorShape(sample.Select(dim => (int)dim).ToArray()));
    }

    private DataState Reshaped(LoadedNode node, DataState source, TensorShape shape) =>
        Emit(new ReshapeNode(UniqueName(node, node.Name), source.IrName, node.Output, shape), source with { IrName = node.Output, Shape = shape });

    /// <summary>Inputs <paramref name="first"/>..<paramref name="last"/> as folded constants, or null when one is not.</summary>
    private OnnxTensor[]? Constants(LoadedNode node, int first, int last)
    {
        var values = new OnnxTensor[last - first + 1];
        for (var position = first; position <= last; position++)
        {
            if (states[node.InputAt(position)!] is not ConstantState { Values: { } tensor })
            {
                return null;
            }

            values[position - first] = tensor;
        }

        return values;
    }

    /// <summary>A weight or bias input: a constant that a Quant node made fixed-point, as integer codes.</summary>
    private (long[] Codes, FixedPointFormat Format, int[] Shape)? Parameter(LoadedNode node, int position, string role, int? rank)
    {
        var name = node.InputAt(position)!;
        if (states[name] is not ConstantState constant)
        {
            Reason($"{node.Label}: {role} '{name}' is computed from the input; it must be a constant");
            return null;
        }

        if (constant.Format is not { } format || constant.Values is not { } values)
        {
            Reason($"{node.Label}: {role} '{name}' is not a fixed-point constant: {constant.Problem}");
            return null;
        }

        if ((rank is { } expected && values.Rank != expected) || values.Size == 0)
        {
            Reason($"{node.Label}: {role} '{name}' has shape {values.DescribeShape()}; {(values.Size == 0 ? "it is empty" : $"rank {rank} is expected")}");
            return null;
        }

        var codes = new long[values.Size];
        for (var i = 0; i < codes.Length; i++)
        {
            var code = Math.ScaleB(values.Data[i], format.FractionalBits);
            if (!(code >= format.MinCode && code <= format.MaxCode && code == Math.Floor(code)))
            {
                Reason($"{node.Label}: {role} '{name}' value {QuantFormats.Format(values.Data[i])} at index {i} is not a code of {format}");
                return null;
            }

            codes[i] = (long)code;
        }

        return (codes, format, values.Shape);
    }

    private static long[] Transposed(long[] values, int rows, int columns)
    {
        var result = new long[values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                result[(c * rows) + r] = values[(r * columns) + c];
            }
        }

        return result;
    }

    private static int? Accumulator(int? inputFraction, FixedPointFormat weight, FixedPointFormat bias) =>
        inputFraction is { } fraction ? Math.Max(fraction + weight.FractionalBits, bias.FractionalBits) : null;
}
