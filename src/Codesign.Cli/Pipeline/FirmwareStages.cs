using System.Reflection;
using Codesign.Core.Artifacts;
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
}
