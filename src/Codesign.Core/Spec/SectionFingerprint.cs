using System.Globalization;
using System.Text;
using System.Text.Json;
using Codesign.Core.Artifacts;

namespace Codesign.Core.Spec;

/// <summary>
/// Hashes of a section's normalized value. Comments, key order, quoting and spelled-out defaults do not change
/// a hash; any change of meaning does. Positions are left out on purpose: moving a section is not a change.
/// </summary>
public static class SectionFingerprint
{
    public static string Of(ModelSpec model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Hash(writer =>
        {
            writer.WriteNumber("inputs", model.Inputs);

            // Keys a dense-only model does not have are written only when present, so its hash stays what it was.
            if (model.InputShape.Rank > 1)
            {
                WriteShape(writer, "input_shape", model.InputShape);
            }

            writer.WriteStartArray("layers");
            foreach (var layer in model.Layers)
            {
                writer.WriteStartObject();
                writer.WriteString("name", layer.Name);
                writer.WriteString("type", layer.Kind.ToString());
                writer.WriteNumber("units", layer.Units);
                writer.WriteString("activation", layer.Activation.ToString());
                writer.WriteBoolean("batch_norm", layer.BatchNorm);
                if (layer.Part != ModelPart.Whole)
                {
                    writer.WriteString("part", layer.Part.ToString());
                }

                if (layer.Convolution is { } convolution)
                {
                    writer.WriteNumber("kernel", convolution.Kernel);
                    writer.WriteNumber("stride", convolution.Stride);
                    writer.WriteNumber("padding", convolution.Padding);
                    writer.WriteNumber("output_padding", convolution.OutputPadding);
                }

                if (layer.Kind == LayerKind.Reshape)
                {
                    WriteShape(writer, "shape", layer.OutputShape);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private static void WriteShape(Utf8JsonWriter writer, string name, Graph.TensorShape shape)
    {
        writer.WriteStartArray(name);
        foreach (var size in shape.Dimensions)
        {
            writer.WriteNumberValue(size);
        }

        writer.WriteEndArray();
    }

    public static string Of(DataSpec data, string specDirectory)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Hash(writer =>
        {
            writer.WriteString("source", data.Source.ToString());
            WriteFiles(writer, "path", data.Files, specDirectory);
            WriteFiles(writer, "test_path", data.TestFiles, specDirectory);
            WriteStrings(writer, "features", data.Features);
            writer.WriteString("label", data.Label);
            WriteStrings(writer, "classes", data.Classes);
            if (data.Source == DataSource.Hgcal)
            {
                writer.WriteNumber("samples", data.Samples);
                writer.WriteNumber("seed", data.Seed);
            }

            if (data.Source == DataSource.Jets)
            {
                writer.WriteNumber("samples", data.Samples);
                writer.WriteNumber("seed", data.Seed);
                writer.WriteStartArray("class_mix");
                foreach (var weight in data.ClassMix)
                {
                    writer.WriteRawValue(Number(weight));
                }

                writer.WriteEndArray();
            }

            writer.WritePropertyName("validation");
            writer.WriteRawValue(Number(data.Split.Validation));
            writer.WritePropertyName("test");
            writer.WriteRawValue(Number(data.Split.Test));
            writer.WriteNumber("split_seed", data.Split.Seed);
        });
    }

    public static string Of(PrecisionSpec? precision) => Hash(writer =>
    {
        if (precision is null)
        {
            writer.WriteBoolean("quantized", false);
            return;
        }

        writer.WriteString("mode", precision.Mode.ToString());
        if (precision.Mode == PrecisionMode.Uniform)
        {
            writer.WriteNumber("weights", precision.WeightBits);
            writer.WriteNumber("activations", precision.ActivationBits);
        }

        writer.WriteNumber("input", precision.InputBits);
        writer.WriteNumber("output", precision.OutputBits);
    });

    /// <summary>Every value of these sections counts, so their canonical JSON is simply the record's.</summary>
    public static string Of(HessianSpec hessian) => Hash(writer => WriteRecord(writer, hessian with { Location = default }));

    public static string Of(AllocationSpec allocation) =>
        Hash(writer => WriteRecord(writer, allocation with { Location = default, Budgets = allocation.Budgets.Select(b => b with { Location = default }).ToList() }));

    public static string Of(HlsSpec hls) =>
        Hash(writer => WriteRecord(writer, hls with { Location = default, LayerReuseFactors = new SortedDictionary<string, int>(hls.LayerReuseFactors.ToDictionary(), StringComparer.Ordinal) }));

    private static void WriteRecord<T>(Utf8JsonWriter writer, T value)
    {
        writer.WritePropertyName("value");
        JsonSerializer.Serialize(writer, value);
    }

    public static string Of(QatSpec qat)
    {
        ArgumentNullException.ThrowIfNull(qat);
        return Hash(writer =>
        {
            writer.WriteString("settings", Of(qat.Settings));
            writer.WriteNumber("activation_warmup_epochs", qat.ActivationWarmupEpochs);
            writer.WritePropertyName("range_momentum");
            writer.WriteRawValue(Number(qat.RangeMomentum));
            writer.WritePropertyName("range_quantile");
            writer.WriteRawValue(Number(qat.RangeQuantile));
        });
    }

    public static string Of(TrainingSpec training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return Hash(writer =>
        {
            writer.WriteNumber("epochs", training.Epochs);
            writer.WriteNumber("batch_size", training.BatchSize);
            writer.WriteString("optimizer", training.Optimizer.ToString());
            writer.WritePropertyName("learning_rate");
            writer.WriteRawValue(Number(training.LearningRate));
            if (training.Optimizer == OptimizerKind.Sgd)
            {
                writer.WritePropertyName("momentum");
                writer.WriteRawValue(Number(training.Momentum));
            }

            writer.WritePropertyName("weight_decay");
            writer.WriteRawValue(Number(training.WeightDecay));
            writer.WriteString("schedule", training.Schedule.Kind.ToString());
            if (training.Schedule.Kind == ScheduleKind.Step)
            {
                writer.WriteNumber("step_size", training.Schedule.StepSize);
                writer.WritePropertyName("gamma");
                writer.WriteRawValue(Number(training.Schedule.Gamma));
            }

            writer.WriteNumber("seed", training.Seed);
            writer.WriteString("loss", training.Loss.ToString());
            writer.WriteNumber("threads", training.Threads);
        });
    }

    private static void WriteFiles(Utf8JsonWriter writer, string name, DataFileSet? files, string specDirectory)
    {
        // Relative, so that moving a project folder does not invalidate its artifacts. The files' content is
        // not hashed here: the data stage records it in its manifest, and MSBuild watches the files themselves.
        WriteStrings(writer, name, files?.Patterns.Select(p => Path.GetRelativePath(specDirectory, p).Replace('\\', '/')).ToList() ?? []);
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Hash(Action<Utf8JsonWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeBody(writer);
            writer.WriteEndObject();
        }

        return ContentHash.OfText(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
