using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;
using Codesign.Core.Spec.Yaml;

namespace Codesign.Core.Spec;

/// <summary>
/// Reads <c>model:</c>. A classifier lists its layers under <c>layers</c>, all of which go to hardware; an
/// autoencoder lists <c>encoder</c> (the hardware part) and <c>decoder</c> (float, off-detector) instead. The input
/// is <c>inputs</c> features or an image of <c>input_shape</c> (channels last).
/// </summary>
internal static class ModelSectionReader
{
    public static ModelSpec Read(MappingReader? reader, DiagnosticBag diagnostics, DataSpec data, SourceSpan rootSpan)
    {
        if (reader is null)
        {
            return new ModelSpec(1, [new LayerSpec("dense_1", LayerKind.Dense, 1, Activation.None, false, rootSpan) { InputShape = new(1) }], rootSpan);
        }

        var input = ReadInputShape(reader, diagnostics, data);
        var layers = ReadLayers(reader, diagnostics);
        reader.RejectUnknownKeys(SpecKeys.Model);
        if (layers.Count == 0)
        {
            return new ModelSpec(input.Size, [new LayerSpec("dense_1", LayerKind.Dense, 1, Activation.None, false, reader.Span) { InputShape = new(1) }], reader.Span);
        }

        layers = ModelShapeInference.Infer(input, layers, diagnostics);
        var model = new ModelSpec(input.Size, layers, reader.Span) { InputShape = input };
        CheckTask(model, reader, diagnostics, data);
        return model;
    }

    private static TensorShape ReadInputShape(MappingReader reader, DiagnosticBag diagnostics, DataSpec data)
    {
        var dataShape = DataShape(data);
        var inputsNode = reader.Find("inputs");
        var shapeNode = reader.Find("input_shape");
        if (inputsNode is not null && shapeNode is not null)
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, shapeNode.Span, "give either 'model.inputs' (features) or 'model.input_shape' (an image), not both");
        }

        var given = shapeNode is not null
            ? LayerSectionReader.ShapeValue(reader, shapeNode, "model.input_shape")
            : inputsNode is not null ? new TensorShape(reader.IntegerValue(inputsNode, "model.inputs", 1, 1, 1 << 20)) : null;
        if (given is null)
        {
            if (dataShape is null && inputsNode is null && shapeNode is null)
            {
                diagnostics.Error(DiagnosticCodes.MissingKey, reader.Span, "'model.inputs' is required when the data section does not list its features");
            }

            return dataShape ?? new TensorShape(1);
        }

        if (dataShape is not null && !diagnostics.HasErrors && (data.IsUnlabeled ? !given.Equals(dataShape) : given.Size != dataShape.Size))
        {
            var (key, node) = shapeNode is not null ? ("input_shape", shapeNode) : ("inputs", inputsNode!);
            var provides = data.IsUnlabeled ? $"{dataShape} images" : $"{dataShape.Size} features";
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, node.Span,
                $"'model.{key}' is {(key == "inputs" ? given.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) : given.ToString())} but the data section provides {provides}; make them equal or leave '{key}' out");
        }

        // A flat feature vector may be read as an image (input_shape [4, 4, 1] over 16 features): same elements, same order.
        return given;
    }

    /// <summary>Reads <c>layers</c>, or <c>encoder</c> and <c>decoder</c>, numbering default names over the whole model.</summary>
    private static List<LayerSpec> ReadLayers(MappingReader reader, DiagnosticBag diagnostics)
    {
        var whole = reader.Sequence("layers");
        var encoder = reader.Sequence("encoder");
        var decoder = reader.Sequence("decoder");
        if (reader.Has("layers") && (reader.Has("encoder") || reader.Has("decoder")))
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan(reader.Has("encoder") ? "encoder" : "decoder"),
                "a model has either 'layers' (every layer goes to hardware) or 'encoder' and 'decoder' (only the encoder does), not both");
            return [];
        }

        if (reader.Has("decoder") && !reader.Has("encoder"))
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, reader.KeySpan("decoder"), "'model.decoder' needs a 'model.encoder': the encoder is the hardware part whose output the decoder reads");
            return [];
        }

        if (reader.Has("encoder") && !reader.Has("decoder"))
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, reader.KeySpan("encoder"), "'model.encoder' needs a 'model.decoder' that reconstructs the input from the encoder's output");
            return [];
        }

        if (!reader.Has("layers") && !reader.Has("encoder"))
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, reader.Span, "'model.layers' is required: a list of layers such as '- { type: dense, units: 64 }' (or 'encoder' and 'decoder' for an autoencoder)");
            return [];
        }

        var parts = whole is not null
            ? [("layers", whole, ModelPart.Whole)]
            : new List<(string, YamlSequenceNode?, ModelPart)> { ("encoder", encoder, ModelPart.Encoder), ("decoder", decoder, ModelPart.Decoder) };
        var total = parts.Sum(p => p.Item2?.Items.Count ?? 0);
        var layers = new List<LayerSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, sequence, part) in parts)
        {
            if (sequence is null)
            {
                continue;
            }

            if (sequence.Items.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.OutOfRange, sequence.Span, $"'model.{key}' must contain at least one layer");
            }

            for (var i = 0; i < sequence.Items.Count; i++)
            {
                var index = layers.Count;
                if (LayerSectionReader.Read(sequence.Items[i], $"model.{key}[{i}]", index, index == total - 1, part, names, diagnostics) is { } layer)
                {
                    layers.Add(layer);
                }
            }
        }

        return layers;
    }

    /// <summary>Checks what the task needs: classes at a classifier's output; for an autoencoder, unlabelled data and an output shaped like the input.</summary>
    private static void CheckTask(ModelSpec model, MappingReader reader, DiagnosticBag diagnostics, DataSpec data)
    {
        foreach (var layer in model.HardwareLayers)
        {
            if (layer.Kind == LayerKind.ConvTranspose2d || layer.Activation == Activation.Sigmoid)
            {
                diagnostics.Error(DiagnosticCodes.InconsistentSpec, layer.Location,
                    $"layer '{layer.Name}' goes to hardware, which supports dense, conv2d, flatten and reshape layers with relu or no activation; conv_transpose2d and sigmoid belong in a float 'decoder'");
            }
        }

        foreach (var layer in model.Layers.Where(l => l.Activation == Activation.Sigmoid && l != model.Layers[^1]))
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, layer.Location, $"'sigmoid' is supported only on the decoder's last layer; layer '{layer.Name}' is not");
        }

        if (model.Task == ModelTask.Reconstruction)
        {
            if (!data.IsUnlabeled)
            {
                diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("decoder"),
                    $"an encoder and decoder reconstruct unlabelled data (source 'hgcal' or 'hgcal-csv'); source '{data.SourceName}' has labels, so list the model under 'layers'");
            }
            else if (!model.Layers[^1].OutputShape.Equals(model.InputShape) && !diagnostics.HasErrors)
            {
                diagnostics.Error(DiagnosticCodes.InconsistentSpec, model.Layers[^1].Location,
                    $"the decoder's last layer '{model.Layers[^1].Name}' outputs {model.Layers[^1].OutputShape} but an autoencoder must reproduce its {model.InputShape} input");
            }

            return;
        }

        if (data.IsUnlabeled)
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("layers"),
                $"source '{data.SourceName}' has no labels to classify: list the model as 'encoder' (the hardware part) and 'decoder' (float) to train an autoencoder");
            return;
        }

        var classCount = data.Classes.Count;
        var last = model.Layers[^1];
        if (classCount > 0 && (last.OutputShape.Rank != 1 || last.OutputShape.Size != classCount))
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, last.Location,
                $"the last layer has {(last.OutputShape.Rank == 1 ? $"{last.OutputShape.Size} units" : $"output shape {last.OutputShape}")} but the data has {classCount} classes ({string.Join(", ", data.Classes)}); the output layer needs one unit per class");
        }
    }

    private static TensorShape? DataShape(DataSpec data) => data.IsUnlabeled
        ? HgcalDataCatalog.ImageShape
        : data.Features.Count > 0
            ? new TensorShape(data.Features.Count)
            : data.Source == DataSource.Jets ? new TensorShape(JetDataCatalog.FeatureNames.Count) : null;
}
