using System.Text.Json;

namespace Codesign.Synthesis.Estimation;

/// <summary><c>synth/estimate.json</c>: the per-node rows behind an estimate's totals, so a user sees what costs what.</summary>
public static class EstimateBreakdown
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string ToJson(ResourceEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return JsonSerializer.Serialize(new { kind = "estimate", model = "docs/synthesis.md", layers = estimate.Layers }, Options) + "\n";
    }
}
