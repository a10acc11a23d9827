using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;
using Codesign.Core.Spec.Yaml;

namespace Codesign.Core.Spec;

/// <summary>
/// Reads one entry of <c>model.layers</c>, <c>model.encoder</c> or <c>model.decoder</c>: the keys its type needs,
/// with a positioned error for a key that belongs to another layer type. Shapes are checked afterwards, by
/// <see cref="ModelShapeInference"/>, when every layer is known.
/// </summary>
internal static class LayerSectionReader
{
    private static readonly Dictionary<string, LayerKind> Kinds = new(StringComparer.Ordinal)
    {
        ["dense"] = LayerKind.Dense,
        ["conv2d"] = LayerKind.Conv2d,
        ["conv_transpose2d"] = LayerKind.ConvTranspose2d,
        ["flatten"] = LayerKind.Flatten,
        ["reshape"] = LayerKind.Reshape,
    };

    private static readonly Dictionary<string, Activation> Activations = new(StringComparer.Ordinal)
    {
        ["relu"] = Activation.Relu,
        ["none"] = Activation.None,
        ["sigmoid"] = Activation.Sigmoid,
    };

    /// <summary>The keys each layer type reads, beyond <c>name</c> and <c>type</c>.</summary>
    private static readonly Dictionary<LayerKind, string[]> KeysOf = new()
    {
        [LayerKind.Dense] = ["units", "activation", "batch_norm"],
        [LayerKind.Conv2d] = ["filters", "kernel", "stride", "padding", "activation"],
        [LayerKind.ConvTranspose2d] = ["filters", "kernel", "stride", "padding", "output_padding", "activation"],
        [LayerKind.Flatten] = [],
        [LayerKind.Reshape] = ["shape"],
    };

    public static string TypeName(LayerKind kind) => Kinds.First(entry => entry.Value == kind).Key;

    /// <param name="index">Position over the whole model, which numbers the default name (<c>dense_3</c>).</param>
    /// <param name="names">Names taken so far; a repeated one is reported at its <c>name</c> key.</param>
    /// <summary>
    /// Layer names become C++, ONNX and Tcl identifiers (<see cref="GraphNames.Identifier"/>), so two names that give
    /// the same identifier, or one that gives a name the graph itself uses, would collide in the firmware.
    /// </summary>
    private static void CheckName(string name, MappingReader layer, ISet<string> names, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            diagnostics.Error(DiagnosticCodes.WrongType, layer.KeySpan("name"), "a layer name must not be empty");
            return;
        }

        var identifier = GraphNames.Identifier(name);
        if (GraphNames.Reserved.Contains(identifier))
        {
            diagnostics.Error(DiagnosticCodes.InvalidChoice, layer.KeySpan("name"),
                $"layer name '{name}' is reserved for the graph's own {(identifier == GraphNames.Softmax ? "softmax output" : "input and output")} (reserved: {string.Join(", ", GraphNames.Reserved.Order(StringComparer.Ordinal))})");
        }
        else if (!names.Add(identifier))
        {
            diagnostics.Error(DiagnosticCodes.DuplicateKey, layer.KeySpan("name"), identifier == name
                ? $"layer name '{name}' is used twice; layer names must be unique"
                : $"layer name '{name}' becomes the identifier '{identifier}', which another layer has too; layer names must be unique as identifiers");
        }
    }

    public static LayerSpec? Read(YamlNodeBase item, string path, int index, bool isLast, ModelPart part, ISet<string> names, DiagnosticBag diagnostics)
    {
        if (item is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, item.Span, $"'{path}' must be a mapping such as '{{ type: dense, units: 64 }}', got {MappingReader.Describe(item)}");
            return null;
        }

        var layer = new MappingReader(mapping, path, diagnostics);
        var kind = layer.Choice("type", LayerKind.Dense, Kinds);
        var typeName = TypeName(kind);
        foreach (var key in SpecKeys.Layer.Except(["name", "type"]).Except(KeysOf[kind]).Where(layer.Has))
        {
            _ = layer.Find(key);
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, layer.KeySpan(key),
                $"'{key}' does not apply to a '{typeName}' layer (its keys: {string.Join(", ", KeysOf[kind].Prepend("type").Prepend("name"))})");
        }

        var name = layer.Text("name") ?? $"{typeName}_{index + 1}";
        CheckName(name, layer, names, diagnostics);

        var reshapes = kind is LayerKind.Flatten or LayerKind.Reshape;
        var activation = reshapes ? Activation.None : layer.Choice("activation", isLast ? Activation.None : Activation.Relu, Activations);
        var spec = kind switch
        {
            LayerKind.Dense => new LayerSpec(name, kind, Count(layer, "units", "the number of outputs of this layer"), activation, layer.Boolean("batch_norm", false), mapping.Span),
            LayerKind.Conv2d or LayerKind.ConvTranspose2d => new LayerSpec(name, kind, Count(layer, "filters", "the number of output channels"), activation, false, mapping.Span)
            {
                Convolution = ReadConvolution(layer, kind),
            },
            LayerKind.Reshape => new LayerSpec(name, kind, 1, activation, false, mapping.Span) { OutputShape = ReadShape(layer) },
            _ => new LayerSpec(name, kind, 1, activation, false, mapping.Span),
        };

        layer.RejectUnknownKeys(SpecKeys.Layer);
        return spec with { Part = part };
    }

    private static int Count(MappingReader layer, string key, string what)
    {
        var node = layer.Required(key, what);
        return node is null ? 1 : layer.IntegerValue(node, layer.Qualified(key), 1, 1, 1 << 16);
    }

    private static ConvolutionSpec ReadConvolution(MappingReader layer, LayerKind kind)
    {
        var kernelNode = layer.Required("kernel", "the kernel size, such as 3 for 3x3");
        var kernel = kernelNode is null ? 1 : layer.IntegerValue(kernelNode, layer.Qualified("kernel"), 1, 1, 64);
        var stride = layer.Integer("stride", 1, 1, 64);
        var padding = ReadPadding(layer, kernel);
        var outputPadding = kind == LayerKind.ConvTranspose2d ? layer.Integer("output_padding", 0, 0, 63) : 0;
        if (outputPadding >= stride && layer.Has("output_padding"))
        {
            layer.Diagnostics.Error(DiagnosticCodes.OutOfRange, layer.KeySpan("output_padding"),
                $"'{layer.Qualified("output_padding")}' is {outputPadding} but must be smaller than the stride ({stride})");
        }

        return new ConvolutionSpec(kernel, stride, padding, outputPadding);
    }

    /// <summary>An integer below the kernel size, or <c>same</c>: (kernel − 1) / 2 on every side, for odd kernels.</summary>
    private static int ReadPadding(MappingReader layer, int kernel)
    {
        var node = layer.Find("padding");
        if (node is YamlScalarNode { Value: "same" })
        {
            if (kernel % 2 == 0)
            {
                layer.Diagnostics.Error(DiagnosticCodes.InconsistentSpec, node.Span,
                    $"'{layer.Qualified("padding")}: same' needs an odd kernel (got {kernel}); give the padding as an integer");
            }

            return (kernel - 1) / 2;
        }

        return node is null ? 0 : layer.IntegerValue(node, layer.Qualified("padding"), 0, 0, Math.Max(0, kernel - 1));
    }

    private static TensorShape ReadShape(MappingReader layer)
    {
        var node = layer.Required("shape", "the output shape, channels last, such as [4, 4, 8]");
        return ShapeValue(layer, node, layer.Qualified("shape")) ?? new TensorShape(1);
    }

    /// <summary>A list of one to three positive integers (a shape, channels last), or null after an error.</summary>
    public static TensorShape? ShapeValue(MappingReader reader, YamlNodeBase? node, string name)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence || sequence.Items.Count is 0 or > 3)
        {
            reader.Diagnostics.Error(DiagnosticCodes.WrongType, node.Span, $"'{name}' must be a list of 1 to 3 sizes, channels last, such as [8, 8, 1]; got {MappingReader.Describe(node)}");
            return null;
        }

        var sizes = sequence.Items.Select((item, i) => reader.IntegerValue(item, $"{name}[{i}]", 1, 1, 1 << 16)).ToArray();
        return new TensorShape(sizes);
    }
}
