using Codesign.Core.Graph;
using Codesign.Core.Spec;
using Codesign.Hls.Project;

namespace Codesign.Cli.Pipeline;

/// <summary>The <c>hls:</c> section as the project writer's settings; per-layer overrides keyed by graph node name.</summary>
internal static class HlsSettingsFromSpec
{
    public static HlsSettings Of(HlsSpec hls) => new()
    {
        ProjectName = hls.Project,
        Part = hls.Part,
        ClockPeriodNs = hls.ClockPeriodNs,
        Strategy = hls.Strategy,
        ReuseFactor = hls.ReuseFactor,
        LayerReuseFactors = hls.LayerReuseFactors.ToDictionary(entry => GraphNames.Identifier(entry.Key), entry => entry.Value, StringComparer.Ordinal),
    };

    /// <summary>The first <c>csim_samples</c> rows of the test split: what the testbench and the C-simulation run.</summary>
    public static (float[] Inputs, int Rows) TestSamples(Codesign.Data.Dataset dataset, HlsSpec hls)
    {
        var rows = Math.Min(hls.CSimulationSamples, dataset.Test.RowCount);
        return (dataset.Test.Features.AsSpan(0, rows * dataset.Test.FeatureCount).ToArray(), rows);
    }
}
