using System.Text.Json;
using System.Text.Json.Nodes;
using Codesign.Core.Artifacts;
using Codesign.Core.Diagnostics;
using Codesign.Core.Numerics;
using Codesign.Core.Spec;

namespace Codesign.Core.Quantized;

/// <summary>
/// <c>model.json</c>: a <see cref="QuantizedModel"/> with every tensor's format and its integer codes. Integers
/// keep the file exact and readable by any tool; value = code × 2^-(W-I). Byte-identical for the same model.
/// A convolutional model adds <c>input_shape</c> (channels last) and, per conv2d layer, <c>kind</c> and its
/// geometry; a dense-only file is unchanged by them.
/// </summary>
public static class QuantizedModelFile
{
    public const int FormatVersion = 1;

    public static void Write(string path, QuantizedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var layers = new JsonArray();
        foreach (var layer in model.Layers)
        {
            var entry = new JsonObject
            {
                ["name"] = layer.Name,
                ["inputs"] = layer.Inputs,
                ["units"] = layer.Units,
                ["activation"] = layer.Activation == Activation.Relu ? "relu" : "none",
                ["weight_format"] = Describe(layer.WeightFormat),
                ["bias_format"] = Describe(layer.BiasFormat),
                ["output_format"] = Describe(layer.OutputFormat),
                // Rows are output units, as in the float weights: weight_codes[o * inputs + i].
                ["weight_codes"] = Codes(layer.Weights, layer.WeightFormat),
                ["bias_codes"] = Codes(layer.Biases, layer.BiasFormat),
            };
            if (layer.Convolution is { } geometry)
            {
                // Conv weights are in the graph's order: weight_codes[((kh * KW + kw) * in + i) * out + o].
                entry["kind"] = "conv2d";
                entry["kernel"] = new JsonArray(geometry.KernelHeight, geometry.KernelWidth);
                entry["stride"] = new JsonArray(geometry.StrideHeight, geometry.StrideWidth);
                entry["padding"] = new JsonArray(geometry.PadTop, geometry.PadLeft, geometry.PadBottom, geometry.PadRight);
            }

            layers.Add(entry);
        }

        var root = new JsonObject
        {
            ["format_version"] = FormatVersion,
            ["input_format"] = Describe(model.InputFormat),
        };
        if (model.InputShape.Rank > 1)
        {
            root["input_shape"] = new JsonArray([.. model.InputShape.Dimensions.Select(d => (JsonNode?)d)]);
        }

        root["layers"] = layers;
        // Relaxed escaping: the file is read by people too, and "ap_fixed<8,3>" should say so, not "\u003C".
        var options = new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        AtomicFile.WriteAllText(path, root.ToJsonString(options) + "\n");
    }

    public static QuantizedModel Read(string path)
    {
        var location = SourceSpan.WholeFile(Path.GetFullPath(path));
        if (!File.Exists(path))
        {
            throw new CodesignException(DiagnosticCodes.MissingUpstreamArtifact, location, "quantized model is missing; run the qat stage");
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            if ((int)root["format_version"]! != FormatVersion)
            {
                throw new CodesignException(DiagnosticCodes.CorruptArtifact, location, $"quantized model format version {(int)root["format_version"]!} is not the supported {FormatVersion}; rebuild it");
            }

            var layers = root["layers"]!.AsArray().Select(node =>
            {
                var layer = node!.AsObject();
                var weightFormat = Format(layer["weight_format"]!);
                var biasFormat = Format(layer["bias_format"]!);
                var inputs = (int)layer["inputs"]!;
                var units = (int)layer["units"]!;
                return new QuantizedLayer(
                    (string)layer["name"]!,
                    inputs,
                    units,
                    (string)layer["activation"]! == "relu" ? Activation.Relu : Activation.None,
                    weightFormat,
                    Values(layer["weight_codes"]!, weightFormat),
                    biasFormat,
                    Values(layer["bias_codes"]!, biasFormat),
                    Format(layer["output_format"]!))
                {
                    Convolution = layer["kind"] is null ? null : Geometry(layer, inputs, units),
                };
            }).ToList();
            var model = new QuantizedModel(Format(root["input_format"]!), layers);
            return root["input_shape"] is { } shape ? model with { InputShape = new Graph.TensorShape([.. shape.AsArray().Select(d => (int)d!)]) } : model;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NullReferenceException or FormatException or ArgumentException)
        {
            throw new CodesignException(DiagnosticCodes.CorruptArtifact, location, $"quantized model is not readable ({exception.Message}); delete it and rebuild");
        }
    }

    private static Graph.Conv2dGeometry Geometry(JsonObject layer, int inChannels, int outChannels)
    {
        if ((string)layer["kind"]! != "conv2d")
        {
            throw new FormatException($"layer kind '{(string)layer["kind"]!}' is not known");
        }

        var kernel = layer["kernel"]!.AsArray().Select(v => (int)v!).ToArray();
        var stride = layer["stride"]!.AsArray().Select(v => (int)v!).ToArray();
        var padding = layer["padding"]!.AsArray().Select(v => (int)v!).ToArray();
        return new Graph.Conv2dGeometry(kernel[0], kernel[1], inChannels, outChannels, stride[0], stride[1], padding[0], padding[1], padding[2], padding[3]);
    }

    private static JsonObject Describe(FixedPointFormat format) => new()
    {
        ["signed"] = format.IsSigned,
        ["bits"] = format.TotalBits,
        ["integer_bits"] = format.IntegerBits,
        ["type"] = format.ToString(),
    };

    private static FixedPointFormat Format(JsonNode node) => new((bool)node["signed"]!, (int)node["bits"]!, (int)node["integer_bits"]!);

    private static JsonArray Codes(float[] values, FixedPointFormat format) =>
        new(values.Select(value => (JsonNode?)JsonValue.Create(format.ToCode(value))).ToArray());

    private static float[] Values(JsonNode codes, FixedPointFormat format) =>
        codes.AsArray().Select(code => (float)format.FromCode((long)code!)).ToArray();
}
