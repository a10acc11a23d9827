using System.Reflection;
using Codesign.Core.Artifacts;
using Codesign.Core.Graph;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;

namespace Codesign.Cli.Pipeline;

/// <summary>What the firmware stages (hls, csim, synth) share: they run for every quantized spec and read <c>hls:</c>.</summary>
internal static class FirmwareStages
{
    public static string? NotConfiguredReason(CodesignSpec spec) => spec.Precision is null ? "the spec has no 'precision' section" : null;

    public static SortedDictionary<string, string> SpecInputs(CodesignSpec spec, Assembly code) => new(StringComparer.Ordinal)
    {
        ["spec:name"] = spec.Name,
        ["spec:hls"] = spec.SectionHashes["hls"],
        ["code"] = StageCodeIdentity.Of(code),
    };

    /// <summary>The QAT result as the firmware computes it: the quantized model, ending in a table softmax when <c>hls.output</c> asks.</summary>
    public static QuantizedGraph Graph(CodesignSpec spec, StagePaths paths) =>
        QuantizedModelGraph.Build(QuantizedModelFile.Read(paths.QuantizedModelFile), spec.Name, spec.Hls.SoftmaxTableSizeOrNull);
}
