using System.Runtime.InteropServices;
using System.Text.Json;
using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Data.Jets;
using Codesign.Data.Scaling;
using Codesign.Training.Models;
using Codesign.Training.Quantization;
using TorchSharp;

namespace Codesign.Bench.Measures;

/// <summary>
/// The data both sides train on, in a folder the PyTorch scripts read with numpy: standardized jet features
/// (<c>features.f32</c>, rows × 16, little-endian float32), labels (<c>labels.i32</c>), the initial weights of the
/// spec's network (<c>weights.f32</c>, tensors concatenated in <c>meta.json</c> order) and the quantization plan.
/// </summary>
internal sealed class BenchData
{
    /// <summary>The jet tagger's allocation (weights 5/4/3/8, activations + 3 bits, 16-bit input and output).</summary>
    public static readonly QuantizationPlan Plan = new(16, [new(5, 8), new(4, 7), new(3, 6), new(8, 11)], 16);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private BenchData(CodesignSpec spec, DatasetSplit rows, IReadOnlyList<NamedTensor> weights)
    {
        Spec = spec;
        Rows = rows;
        Weights = weights;
    }

    public CodesignSpec Spec { get; }

    public DatasetSplit Rows { get; }

    public IReadOnlyList<NamedTensor> Weights { get; }

    /// <summary>All rows as the training split; validation is empty (epochs time training only) and the test split is a slice.</summary>
    public Dataset AsDataset(int testRows)
    {
        var width = Rows.FeatureCount;
        var test = new DatasetSplit(Rows.Features[..(testRows * width)], Rows.Labels[..testRows], width);
        var names = Enumerable.Range(0, width).Select(i => $"f{i}").ToArray();
        var classes = Enumerable.Range(0, Rows.Labels.Max() + 1).Select(i => $"c{i}").ToArray();
        return new Dataset(names, classes, Rows, new DatasetSplit([], [], width), test);
    }

    public static void Create(string specPath, int rows, string folder)
    {
        var spec = SpecReader.ReadFile(specPath);
        var samples = JetGenerator.Generate(rows, seed: 1);
        StandardScaler.Fit(samples.Rows, samples.FeatureNames).Transform(samples.Rows);
        torch.manual_seed(42);
        List<NamedTensor> weights;
        using (var network = new MlpNetwork(spec.Model))
        {
            weights = [.. network.NamedState().Select(e => new NamedTensor(e.Name, [.. e.Tensor.shape.Select(d => (int)d)], e.Tensor.detach().contiguous().data<float>().ToArray()))];
        }

        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "features.f32"), MemoryMarshal.AsBytes(samples.Rows.Features.AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(folder, "labels.i32"), MemoryMarshal.AsBytes(samples.Rows.Labels.AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(folder, "weights.f32"), MemoryMarshal.AsBytes(weights.SelectMany(w => w.Values).ToArray().AsSpan()).ToArray());
        var meta = new
        {
            Spec = Path.GetFullPath(specPath),
            Rows = rows,
            FeatureCount = samples.Rows.FeatureCount,
            Classes = samples.ClassNames.Length,
            Tensors = weights.Select(w => new { w.Name, w.Shape }),
            Layers = spec.Model.Layers.Select(l => new { l.Name, l.Units, Relu = l.Activation == Activation.Relu }),
            Plan = new { Plan.InputBits, WeightBits = Plan.Layers.Select(l => l.WeightBits), ActivationBits = Plan.Layers.Select(l => l.ActivationBits), Plan.OutputBits },
            Training = spec.Training,
            Qat = new { spec.Qat.Settings.LearningRate, spec.Qat.ActivationWarmupEpochs, spec.Qat.RangeMomentum, spec.Qat.RangeQuantile },
        };
        File.WriteAllText(Path.Combine(folder, "meta.json"), JsonSerializer.Serialize(meta, JsonOptions));
    }

    public static BenchData Load(string folder)
    {
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "meta.json")));
        var root = meta.RootElement;
        var spec = SpecReader.ReadFile(root.GetProperty("spec").GetString()!);
        var width = root.GetProperty("feature_count").GetInt32();
        var features = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(folder, "features.f32"))).ToArray();
        var labels = MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(Path.Combine(folder, "labels.i32"))).ToArray();
        var flat = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(folder, "weights.f32"))).ToArray();
        var weights = new List<NamedTensor>();
        var offset = 0;
        foreach (var tensor in root.GetProperty("tensors").EnumerateArray())
        {
            var shape = tensor.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            var size = shape.Aggregate(1, (a, b) => a * b);
            weights.Add(new NamedTensor(tensor.GetProperty("name").GetString()!, shape, flat[offset..(offset + size)]));
            offset += size;
        }

        return new BenchData(spec, new DatasetSplit(features, labels, width), weights);
    }
}
