using Codesign.Core.Quantized;
using Codesign.Core.Spec;

namespace Codesign.Core.Graph;

/// <summary>
/// The QAT result as a <see cref="QuantizedGraph"/>: input Quant, then per layer Dense or Conv2d (weights + bias into
/// the lossless accumulator), ReLU where the layer has one, and the Quant that rounds onto the layer's output format.
/// A dense layer that follows an image reads it through a Reshape to a vector (the spec's flatten: channels last).
/// With a softmax table size, a <see cref="SoftmaxNode"/> turns the last layer's logits into probabilities (the
/// firmware's <c>hls.output: softmax</c>).
/// </summary>
public static class QuantizedModelGraph
{
    public static QuantizedGraph Build(QuantizedModel model, string name, int? softmaxTableSize = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Layers.Count == 0)
        {
            throw new InvalidGraphException("a model needs at least one layer");
        }

        var builder = new QuantizedGraphBuilder(name, GraphNames.Input, model.InputShape)
            .Quant(GraphNames.Input + "_quant", model.InputFormat, GraphNames.Input + "_quantized");
        var shape = model.InputShape;
        var prefixes = new HashSet<string>(StringComparer.Ordinal) { GraphNames.Input, GraphNames.Output };
        for (var index = 0; index < model.Layers.Count; index++)
        {
            var layer = model.Layers[index];
            var prefix = GraphNames.Identifier(layer.Name);
            if (!prefixes.Add(prefix))
            {
                throw new InvalidGraphException($"layer name '{layer.Name}' gives the identifier '{prefix}', which is not unique");
            }

            var biases = Codes(layer.Biases, layer.BiasFormat, layer.Name, "bias");
            if (layer.Convolution is { } geometry)
            {
                if (shape.Rank != 3)
                {
                    throw new InvalidGraphException($"conv2d layer '{layer.Name}' needs an image but its input has shape {shape}");
                }

                builder.Conv2d(prefix, geometry, layer.WeightFormat, Codes(layer.Weights, layer.WeightFormat, layer.Name, "weight"), layer.BiasFormat, biases, prefix + "_conv_out");
                shape = geometry.OutputShape(shape[0], shape[1]);
            }
            else
            {
                if (shape.Rank != 1)
                {
                    builder.Reshape(prefix + "_flatten", new TensorShape(shape.Size), prefix + "_flatten_out");
                }

                builder.Dense(prefix, layer.Inputs, layer.Units, layer.WeightFormat, InputMajorCodes(layer), layer.BiasFormat, biases, prefix + "_add_out");
                shape = new TensorShape(layer.Units);
            }

            if (layer.Activation == Activation.Relu)
            {
                builder.Relu(prefix + "_relu", prefix + "_relu_out");
            }

            var last = index == model.Layers.Count - 1;
            builder.Quant(prefix + "_output_quant", layer.OutputFormat, last && softmaxTableSize is null ? GraphNames.Output : prefix + "_out");
        }

        if (softmaxTableSize is { } tableSize)
        {
            if (shape.Rank != 1 || !prefixes.Add(GraphNames.Softmax))
            {
                throw new InvalidGraphException($"a softmax output needs a vector of logits from a layer not named '{GraphNames.Softmax}', not shape {shape}");
            }

            builder.Softmax(GraphNames.Softmax, SoftmaxTables.Create(model.Layers[^1].OutputFormat, shape.Size, tableSize), GraphNames.Output);
        }

        return builder.Build();
    }

    /// <summary>The model keeps rows per output unit (w[o * in + i]); the graph is input-major (w[i * units + o]).</summary>
    private static long[] InputMajorCodes(QuantizedLayer layer)
    {
        if (layer.Weights.Length != layer.Inputs * layer.Units)
        {
            throw new InvalidGraphException($"layer '{layer.Name}' has {layer.Weights.Length} weights for {layer.Inputs} inputs and {layer.Units} units");
        }

        var codes = Codes(layer.Weights, layer.WeightFormat, layer.Name, "weight");
        var transposed = new long[codes.Length];
        for (var o = 0; o < layer.Units; o++)
        {
            for (var i = 0; i < layer.Inputs; i++)
            {
                transposed[(i * layer.Units) + o] = codes[(o * layer.Inputs) + i];
            }
        }

        return transposed;
    }

    private static long[] Codes(float[] values, Numerics.FixedPointFormat format, string layer, string what)
    {
        var codes = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]) || format.Quantize(values[i]) != values[i])
            {
                throw new InvalidGraphException(FormattableString.Invariant($"layer '{layer}' {what} {values[i]} is not a value of {format}"));
            }

            codes[i] = format.ToCode(values[i]);
        }

        return codes;
    }
}
