using Codesign.Core.Artifacts;
using Codesign.Core.Graph;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Qonnx;

namespace Codesign.Cli.Pipeline;

/// <summary>The quantized model as QONNX, the interchange format hls4ml, FINN and Netron read.</summary>
internal sealed class ExportStage : IStage
{
    public string Name => "export";

    public string? NotConfiguredReason(CodesignSpec spec) => spec.Precision is null ? "the spec has no 'precision' section" : null;

    public string OutputDirectory(StagePaths paths) => paths.QonnxDirectory;

    public SortedDictionary<string, string> SpecInputs(CodesignSpec spec) => new(StringComparer.Ordinal)
    {
        ["spec:name"] = spec.Name,
        ["code"] = StageCodeIdentity.Of(typeof(QonnxWriter).Assembly),
    };

    public IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths) =>
        new Dictionary<string, string> { ["quantized-model"] = paths.QuantizedModelFile };

    public IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation)
    {
        var path = paths.QonnxFile(spec.Name);
        QonnxWriter.Write(QuantizedModelGraph.Build(QuantizedModelFile.Read(paths.QuantizedModelFile), spec.Name), path);
        reporter.Info($"export: wrote {path}");
        return [path];
    }
}
