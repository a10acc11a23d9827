using System.Globalization;
using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Data;

namespace Codesign.Cli.Pipeline;

/// <summary>Loads or generates the samples, splits them and standardizes with a scaler fitted on train only.</summary>
internal sealed class PrepareDataStage : IStage
{
    public string Name => "prepare";

    public string? NotConfiguredReason(CodesignSpec spec) => null;

    public string OutputDirectory(StagePaths paths) => paths.DataDirectory;

    public SortedDictionary<string, string> SpecInputs(CodesignSpec spec) => new(StringComparer.Ordinal)
    {
        ["spec:data"] = spec.SectionHashes["data"],
        ["code"] = StageCodeIdentity.Of(typeof(DataPreparer).Assembly),
    };

    public IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (role, set) in new[] { ("data", spec.Data.Files), ("test", spec.Data.TestFiles) })
        {
            foreach (var file in set?.Expand() ?? [])
            {
                files[$"{role}:{Path.GetRelativePath(spec.Directory, file.Path).Replace('\\', '/')}"] = file.Path;
            }
        }

        return files;
    }

    public IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation)
    {
        var prepared = DataPreparer.Prepare(spec.Data);
        var written = DataStageOutputs.Write(paths.DataDirectory, prepared);
        var dataset = prepared.Dataset;
        reporter.Info(string.Create(CultureInfo.InvariantCulture,
            $"prepare: {dataset.FeatureCount} features, {(dataset.IsLabeled ? $"{dataset.ClassCount} classes" : "no labels")}; train {dataset.Train.RowCount}, validation {dataset.Validation.RowCount}, test {dataset.Test.RowCount} rows"));
        return [written.DatasetPath, written.ScalerPath];
    }
}
