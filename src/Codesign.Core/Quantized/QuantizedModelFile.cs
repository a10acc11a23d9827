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
            layers.Add(new JsonObject
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
            });
        }

        var root = new JsonObject
        {
            ["format_version"] = FormatVersion,
            ["input_format"] = Describe(model.InputFormat),
            ["layers"] = layers,
        };
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
                return new QuantizedLayer(
                    (string)layer["name"]!,
                    (int)layer["inputs"]!,
                    (int)layer["units"]!,
                    (string)layer["activation"]! == "relu" ? Activation.Relu : Activation.None,
                    weightFormat,
                    Values(layer["weight_codes"]!, weightFormat),
                    biasFormat,
                    Values(layer["bias_codes"]!, biasFormat),
                    Format(layer["output_format"]!));
            }).ToList();
            return new QuantizedModel(Format(root["input_format"]!), layers);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NullReferenceException or FormatException or ArgumentException)
        {
            throw new CodesignException(DiagnosticCodes.CorruptArtifact, location, $"quantized model is not readable ({exception.Message}); delete it and rebuild");
        }
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
