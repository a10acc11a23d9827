using Codesign.Core.Spec;

namespace Codesign.Cli.Pipeline;

/// <summary>When the Hessian and allocation stages apply: only a mixed-precision spec needs them.</summary>
internal static class MixedPrecisionStages
{
    public static string? NotConfiguredReason(CodesignSpec spec) =>
        spec.Precision?.Mode == PrecisionMode.Mixed ? null : "the spec does not ask for mixed precision";
}
