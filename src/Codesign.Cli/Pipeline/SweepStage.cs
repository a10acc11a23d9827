using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Codesign.Cli.Reporting;
using Codesign.Core.Artifacts;
using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Files;
using Codesign.Precision;
using Codesign.Training.Quantization;

namespace Codesign.Cli.Pipeline;

/// <summary>One point of a sweep: a width per layer, its cost and the accuracy QAT reaches with it.</summary>
internal sealed record SweepPoint(string Name, bool Mixed, IReadOnlyList<int> WeightBits, double Bops, double FractionOfUniform8, double Accuracy);

/// <summary>
/// Accuracy against cost: QAT for each budget's allocation and for every uniform width, so the user sees whether
/// mixed precision beats uniform precision of equal or higher cost. Writes sweep.csv, sweep.md and pareto.png.
/// </summary>
internal sealed class SweepStage(IReadOnlyList<double> budgets) : IStage
{
    public string Name => "sweep";

    // The sweep's accuracy-against-BOPs table is a classifier's; an autoencoder's EMD sweep is not written yet.
    public string? NotConfiguredReason(CodesignSpec spec) => spec.Model.Task == ModelTask.Reconstruction
        ? "the sweep compares classifier accuracy; autoencoders are not swept yet"
        : MixedPrecisionStages.NotConfiguredReason(spec);

    public string OutputDirectory(StagePaths paths) => Path.Combine(paths.OutputDirectory, "sweep");

    public SortedDictionary<string, string> SpecInputs(CodesignSpec spec) => new(StringComparer.Ordinal)
    {
        ["spec:model"] = spec.SectionHashes["model"],
        ["spec:precision"] = spec.SectionHashes["precision"],
        ["spec:allocation"] = spec.SectionHashes["allocation"],
        ["spec:qat"] = spec.SectionHashes["qat"],
        ["sweep:budgets"] = string.Join(",", budgets.Select(b => b.ToString("R", CultureInfo.InvariantCulture))),
        ["code"] = StageCodeIdentity.Of(typeof(BitAllocator).Assembly) + " " + StageCodeIdentity.Of(typeof(QatTrainer).Assembly),
    };

    public IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths) => new Dictionary<string, string>
    {
        ["dataset"] = paths.DatasetFile,
        ["float-weights"] = paths.FloatWeightsFile,
        ["hessian"] = paths.HessianReportFile,
    };

    public IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation)
    {
        var layers = AllocationSetup.Layers(spec, paths);
        var activations = AllocationSetup.Activations(spec);
        var bops = new BopsCostModel();
        var uniform8 = AllocationSetup.Cost(bops, layers, Enumerable.Repeat(8, layers.Count).ToArray(), activations);
        var candidates = spec.Allocation.Widths.Select(w => ($"uniform {w}-bit", false, (IReadOnlyList<int>)Enumerable.Repeat(w, layers.Count).ToArray())).ToList();
        foreach (var fraction in budgets)
        {
            var request = new AllocationRequest
            {
                Layers = layers,
                CandidateWidths = spec.Allocation.Widths,
                Activations = activations,
                Budgets = [CostBudget.FractionOfUniform(bops, fraction, location: spec.Allocation.Location)],
            };
            try
            {
                candidates.Add((string.Create(CultureInfo.InvariantCulture, $"mixed {fraction:P0} BOPs"), true, new BitAllocator().Allocate(request).WeightBits));
            }
            catch (CodesignException exception)
            {
                reporter.Info($"sweep: budget {fraction.ToString("P0", CultureInfo.InvariantCulture)} skipped: {exception.Diagnostics[0].Message}");
            }
        }

        var dataset = DatasetFile.Read(paths.DatasetFile);
        var floatWeights = TensorFile.Read(paths.FloatWeightsFile);
        var precision = spec.Precision!;
        var points = new List<SweepPoint>();
        foreach (var (name, mixed, widths) in candidates)
        {
            cancellation.ThrowIfCancellationRequested();
            var plan = new QuantizationPlan(precision.InputBits, widths.Select(w => new LayerPrecision(w, activations.OutputBits(w))).ToList(), precision.OutputBits);
            var result = QatTrainer.Train(spec.Model, spec.Qat, plan, floatWeights, dataset, cancellation: cancellation);
            var cost = AllocationSetup.Cost(bops, layers, widths, activations);
            points.Add(new SweepPoint(name, mixed, widths, cost, cost / uniform8, result.Test.Accuracy));
            reporter.Info(string.Create(CultureInfo.InvariantCulture,
                $"sweep: {name}: weights {string.Join("/", widths)}, {cost:N0} BOPs ({cost / uniform8:P1} of uniform 8-bit), test accuracy {result.Test.Accuracy:P2}"));
        }

        var directory = OutputDirectory(paths);
        var floatAccuracy = (double)JsonNode.Parse(File.ReadAllText(paths.FloatMetricsFile))!["test"]!["accuracy"]!;
        string[] outputs = [Path.Combine(directory, "sweep.csv"), Path.Combine(directory, "sweep.md"), Path.Combine(directory, "pareto.png")];
        AtomicFile.WriteAllText(outputs[0], Csv(points));
        AtomicFile.WriteAllText(outputs[1], Markdown(points, floatAccuracy));
        ParetoPlot.Write(outputs[2], points, floatAccuracy);
        return outputs;
    }

    private static string Csv(IEnumerable<SweepPoint> points)
    {
        var csv = new StringBuilder("name,mixed,weight_bits,bops,fraction_of_uniform8,test_accuracy\n");
        foreach (var p in points)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{p.Name},{p.Mixed},{string.Join("/", p.WeightBits)},{p.Bops:R},{p.FractionOfUniform8:R},{p.Accuracy:R}\n");
        }

        return csv.ToString();
    }

    private static string Markdown(IEnumerable<SweepPoint> points, double floatAccuracy)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Float model test accuracy: {floatAccuracy:P2}\n\n"));
        text.Append("| configuration | weight bits | BOPs | of uniform 8-bit | test accuracy | vs float |\n|---|---|---|---|---|---|\n");
        foreach (var p in points.OrderBy(p => p.Bops))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {p.Name} | {string.Join("/", p.WeightBits)} | {p.Bops:N0} | {p.FractionOfUniform8:P1} | {p.Accuracy:P2} | {(p.Accuracy - floatAccuracy) * 100:+0.00;-0.00} pt |\n");
        }

        return text.ToString();
    }
}
