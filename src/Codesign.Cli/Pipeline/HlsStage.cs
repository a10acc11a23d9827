using System.Globalization;
using Codesign.Core.Artifacts;
using Codesign.Core.Graph;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Data.Files;
using Codesign.Hls.Project;
using Codesign.Hls.Simulation;
using Codesign.Qonnx.Execution;

namespace Codesign.Cli.Pipeline;

/// <summary>
/// The firmware project in hls4ml's layout under <c>bin/.../hls/&lt;project&gt;/</c>, with <c>tb_data/</c> from the
/// test split and the reference executor, so Vitis's own csim step has data to compare against.
/// </summary>
internal sealed class HlsStage : IStage
{
    public string Name => "hls";

    public string? NotConfiguredReason(CodesignSpec spec) => FirmwareStages.NotConfiguredReason(spec);

    public string OutputDirectory(StagePaths paths) => paths.HlsDirectory;

    public SortedDictionary<string, string> SpecInputs(CodesignSpec spec) => FirmwareStages.SpecInputs(spec, typeof(HlsProjectWriter).Assembly);

    public IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths) => new Dictionary<string, string>
    {
        ["quantized-model"] = paths.QuantizedModelFile,
        ["dataset"] = paths.DatasetFile,
    };

    public IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation)
    {
        var graph = FirmwareStages.Graph(spec, paths);
        RemoveOtherProjects(paths, spec.Hls.Project);
        var project = HlsProjectWriter.Write(graph, HlsSettingsFromSpec.Of(spec.Hls), paths.HlsProjectDirectory(spec.Hls.Project), spec.Hls.Location);
        var (inputs, rows) = HlsSettingsFromSpec.TestSamples(DatasetFile.Read(paths.DatasetFile), spec.Hls);
        CSimulation.WriteTestBenchData(project, inputs, rows);
        reporter.Info($"hls: wrote {project.Directory} ({project.Files.Count} files, tb_data with {rows} test samples)");
        if (spec.Hls.Output == HlsOutput.Softmax)
        {
            var agreement = SoftmaxAgreement.Measure(graph, inputs, rows);
            reporter.Info(string.Create(CultureInfo.InvariantCulture,
                $"hls: softmax with {spec.Hls.SoftmaxTableSize}-entry tables on {rows} test samples: class = logits' class on {agreement.SameClass}, largest difference from the exact softmax {agreement.LargestDifference:G3}, largest |sum - 1| {agreement.LargestSumError:G3}"));
        }
        return [.. Directory.EnumerateFiles(project.Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }

    /// <summary>A renamed project must not leave the old one beside it, where a user would take it for current.</summary>
    private static void RemoveOtherProjects(StagePaths paths, string project)
    {
        if (!Directory.Exists(paths.HlsDirectory))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(paths.HlsDirectory))
        {
            if (!string.Equals(Path.GetFileName(directory), project, StringComparison.Ordinal))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
