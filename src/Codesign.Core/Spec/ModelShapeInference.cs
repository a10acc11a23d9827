using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;

namespace Codesign.Core.Spec;

/// <summary>
/// Walks the layers from the input shape and gives each its input and output shape (channels last), reporting a
/// layer that cannot take what the previous one produces at that layer, with both shapes in the message. After
/// the first such error the remaining layers are not checked: their shapes would only repeat it.
/// </summary>
internal static class ModelShapeInference
{
    public static List<LayerSpec> Infer(TensorShape input, IReadOnlyList<LayerSpec> layers, DiagnosticBag diagnostics)
    {
        var result = new List<LayerSpec>(layers.Count);
        var shape = input;
        var broken = false;
        foreach (var layer in layers)
        {
            var output = broken ? null : OutputShape(layer, shape, diagnostics);
            broken |= output is null;
            output ??= layer.Kind == LayerKind.Dense ? new TensorShape(layer.Units) : shape;
            var units = layer.Kind is LayerKind.Flatten or LayerKind.Reshape ? output.Size : layer.Units;
            result.Add(layer with { Units = units, InputShape = shape, OutputShape = output });
            shape = output;
        }

        return result;
    }

    private static TensorShape? OutputShape(LayerSpec layer, TensorShape input, DiagnosticBag diagnostics)
    {
        switch (layer.Kind)
        {
            case LayerKind.Dense when input.Rank != 1:
                return Fail(layer, diagnostics, $"dense layer '{layer.Name}' needs a vector but gets a {input} tensor; put a 'flatten' layer before it");
            case LayerKind.Dense:
                return new TensorShape(layer.Units);
            case LayerKind.Flatten:
                return new TensorShape(input.Size);
            case LayerKind.Reshape when layer.OutputShape.Size != input.Size:
                return Fail(layer, diagnostics, $"reshape layer '{layer.Name}' turns {input} ({input.Size} elements) into {layer.OutputShape} ({layer.OutputShape.Size} elements); the element counts must be equal");
            case LayerKind.Reshape:
                return layer.OutputShape;
            case LayerKind.Conv2d or LayerKind.ConvTranspose2d when input.Rank != 3:
                return Fail(layer, diagnostics, $"{LayerSectionReader.TypeName(layer.Kind)} layer '{layer.Name}' needs a [height, width, channels] input but gets {input}; use 'model.input_shape' or a 'reshape' layer");
            default:
                return ConvolutionOutput(layer, input, diagnostics);
        }
    }

    private static TensorShape? ConvolutionOutput(LayerSpec layer, TensorShape input, DiagnosticBag diagnostics)
    {
        var c = layer.Convolution!;
        int height, width;
        if (layer.Kind == LayerKind.Conv2d)
        {
            if (input[0] + (2 * c.Padding) < c.Kernel || input[1] + (2 * c.Padding) < c.Kernel)
            {
                return Fail(layer, diagnostics, $"conv2d layer '{layer.Name}': a {c.Kernel}x{c.Kernel} kernel does not fit the {input} input with padding {c.Padding}");
            }

            height = ((input[0] + (2 * c.Padding) - c.Kernel) / c.Stride) + 1;
            width = ((input[1] + (2 * c.Padding) - c.Kernel) / c.Stride) + 1;
        }
        else
        {
            // PyTorch's ConvTranspose2d: (in - 1) * stride - 2 * padding + kernel + output_padding.
            height = ((input[0] - 1) * c.Stride) - (2 * c.Padding) + c.Kernel + c.OutputPadding;
            width = ((input[1] - 1) * c.Stride) - (2 * c.Padding) + c.Kernel + c.OutputPadding;
            if (height < 1 || width < 1)
            {
                return Fail(layer, diagnostics, $"conv_transpose2d layer '{layer.Name}' on a {input} input gives an empty output ({height}x{width}); lower the padding");
            }
        }

        return new TensorShape(height, width, layer.Units);
    }

    private static TensorShape? Fail(LayerSpec layer, DiagnosticBag diagnostics, string message)
    {
        diagnostics.Error(DiagnosticCodes.InconsistentSpec, layer.Location, message);
        return null;
    }
}
