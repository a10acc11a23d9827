using Codesign.Core.Artifacts;
using Codesign.Core.Graph;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Qonnx;

namespace Codesign.Cli.Pipeline;

/// <summary>
/// The quantized model as QONNX, the interchange format hls4ml, FINN and Netron read, and as QCDQ
/// (QuantizeLinear/Clip/DequantizeLinear), which standard ONNX runtimes execute.
/// </summary>
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
        var graph = QuantizedModelGraph.Build(QuantizedModelFile.Read(paths.QuantizedModelFile), spec.Name);
        var qonnx = paths.QonnxFile(spec.Name);
        var qcdq = paths.QcdqFile(spec.Name);
        QonnxWriter.Write(graph, qonnx);
        QcdqWriter.Write(graph, qcdq);
        reporter.Info($"export: wrote {qonnx} (QONNX) and {qcdq} (QCDQ, for ONNX Runtime)");
        return [qonnx, qcdq];
    }
}
