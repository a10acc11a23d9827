using Codesign.Core.Diagnostics;
using Codesign.Core.Spec.Yaml;

namespace Codesign.Core.Spec;

internal static class ModelSectionReader
{
    private static readonly Dictionary<string, LayerKind> Kinds = new(StringComparer.Ordinal) { ["dense"] = LayerKind.Dense };

    private static readonly Dictionary<string, Activation> Activations = new(StringComparer.Ordinal)
    {
        ["relu"] = Activation.Relu,
        ["none"] = Activation.None,
    };

    public static ModelSpec Read(MappingReader? reader, DiagnosticBag diagnostics, DataSpec data, SourceSpan rootSpan)
    {
        if (reader is null)
        {
            return new ModelSpec(1, [new LayerSpec("dense_1", LayerKind.Dense, 1, Activation.None, false, rootSpan)], rootSpan);
        }

        var featureCount = FeatureCount(data);
        var inputsNode = reader.Find("inputs");
        var inputs = inputsNode is null ? featureCount ?? 1 : reader.IntegerValue(inputsNode, "model.inputs", 1, 1, 1 << 20);
        if (inputsNode is not null && featureCount is { } expected && inputs != expected && !diagnostics.HasErrors)
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, inputsNode.Span,
                $"'model.inputs' is {inputs} but the data section provides {expected} features; make them equal or leave 'inputs' out");
        }

        if (inputsNode is null && featureCount is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, reader.Span, "'model.inputs' is required when the data section does not list its features");
        }

        var layers = ReadLayers(reader, diagnostics);
        reader.RejectUnknownKeys(SpecKeys.Model);
        if (layers.Count == 0)
        {
            return new ModelSpec(inputs, [new LayerSpec("dense_1", LayerKind.Dense, 1, Activation.None, false, reader.Span)], reader.Span);
        }

        var classCount = data.Classes.Count;
        if (classCount > 0 && layers[^1].Units != classCount)
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, layers[^1].Location,
                $"the last layer has {layers[^1].Units} units but the data has {classCount} classes ({string.Join(", ", data.Classes)}); the output layer needs one unit per class");
        }

        return new ModelSpec(inputs, layers, reader.Span);
    }

    private static List<LayerSpec> ReadLayers(MappingReader reader, DiagnosticBag diagnostics)
    {
        var layers = new List<LayerSpec>();
        var sequence = reader.Sequence("layers");
        if (sequence is null)
        {
            if (!reader.Has("layers"))
            {
                diagnostics.Error(DiagnosticCodes.MissingKey, reader.Span, "'model.layers' is required: a list of layers such as '- { type: dense, units: 64 }'");
            }

            return layers;
        }

        if (sequence.Items.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.OutOfRange, sequence.Span, "'model.layers' must contain at least one layer");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var path = $"model.layers[{i}]";
            if (item is not YamlMappingNode mapping)
            {
                diagnostics.Error(DiagnosticCodes.WrongType, item.Span, $"'{path}' must be a mapping such as '{{ type: dense, units: 64 }}', got {MappingReader.Describe(item)}");
                continue;
            }

            var layer = new MappingReader(mapping, path, diagnostics);
            var isLast = i == sequence.Items.Count - 1;
            var kind = layer.Choice("type", LayerKind.Dense, Kinds);
            var unitsNode = layer.Required("units", "the number of outputs of this layer");
            var units = unitsNode is null ? 1 : layer.IntegerValue(unitsNode, $"{path}.units", 1, 1, 1 << 16);
            var activation = layer.Choice("activation", isLast ? Activation.None : Activation.Relu, Activations);
            var batchNorm = layer.Boolean("batch_norm", false);
            var name = layer.Text("name") ?? $"dense_{i + 1}";
            if (!names.Add(name))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateKey, layer.KeySpan("name"), $"layer name '{name}' is used twice; layer names must be unique");
            }

            layer.RejectUnknownKeys(SpecKeys.Layer);
            layers.Add(new LayerSpec(name, kind, units, activation, batchNorm, mapping.Span));
        }

        return layers;
    }

    private static int? FeatureCount(DataSpec data) => data.Features.Count > 0
        ? data.Features.Count
        : data.Source == DataSource.Jets ? JetDataCatalog.FeatureNames.Count : null;
}
