using Codesign.Core.Quantized;
using Codesign.Core.Spec;

namespace Codesign.Core.Graph;

/// <summary>
/// The QAT result as a <see cref="QuantizedGraph"/>: input Quant, then per layer Dense (MatMul + bias into the
/// lossless accumulator), ReLU where the layer has one, and the Quant that rounds onto the layer's output format.
/// </summary>
public static class QuantizedModelGraph
{
    public static QuantizedGraph Build(QuantizedModel model, string name)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Layers.Count == 0)
        {
            throw new InvalidGraphException("a model needs at least one layer");
        }

        var builder = new QuantizedGraphBuilder(name, GraphNames.Input, new TensorShape(model.Layers[0].Inputs))
            .Quant(GraphNames.Input + "_quant", model.InputFormat, GraphNames.Input + "_quantized");
        var prefixes = new HashSet<string>(StringComparer.Ordinal) { GraphNames.Input, GraphNames.Output };
        for (var index = 0; index < model.Layers.Count; index++)
        {
            var layer = model.Layers[index];
            var prefix = GraphNames.Identifier(layer.Name);
            if (!prefixes.Add(prefix))
            {
                throw new InvalidGraphException($"layer name '{layer.Name}' gives the identifier '{prefix}', which is not unique");
            }

            builder.Dense(prefix, layer.Inputs, layer.Units, layer.WeightFormat, InputMajorCodes(layer), layer.BiasFormat, Codes(layer.Biases, layer.BiasFormat, layer.Name, "bias"), prefix + "_add_out");
            if (layer.Activation == Activation.Relu)
            {
                builder.Relu(prefix + "_relu", prefix + "_relu_out");
            }

            var last = index == model.Layers.Count - 1;
            builder.Quant(prefix + "_output_quant", layer.OutputFormat, last ? GraphNames.Output : prefix + "_out");
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
