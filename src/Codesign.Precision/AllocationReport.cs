using System.Text.Json;
using System.Text.Json.Serialization;
using Codesign.Core.Artifacts;

namespace Codesign.Precision;

/// <summary>
/// allocation.json: the chosen widths for the stages after allocation (quantization-aware training, export, HLS)
/// and the numbers behind the choice. The same allocation always gives the same bytes: fixed property order,
/// "\n" line ends, and doubles in System.Text.Json's shortest form that parses back to the same value. Wall
/// time is left out for that reason.
/// </summary>
public sealed record AllocationReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter<AllocationStatus>(JsonNamingPolicy.SnakeCaseLower) },
    };

    public required AllocationStatus Status { get; init; }

    /// <summary>Σ Ω of the chosen widths.</summary>
    public required double Objective { get; init; }

    public required ActivationRuleEntry Activations { get; init; }

    public required IReadOnlyList<int> CandidateWidths { get; init; }

    public required IReadOnlyList<LayerEntry> Layers { get; init; }

    public required IReadOnlyList<BudgetOutcome> Budgets { get; init; }

    public static AllocationReport From(AllocationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rule = result.Activations;
        var widths = result.Sensitivities.Widths;
        return new AllocationReport
        {
            Status = result.Status,
            Objective = result.Objective,
            Activations = new ActivationRuleEntry(rule.InputBits, rule.FixedBits, rule.FollowsWeights ? rule.ExtraBits : null),
            CandidateWidths = widths.ToArray(),
            Layers = result.Layers.Select((layer, i) => new LayerEntry(
                layer.Name,
                layer.WeightBits,
                layer.InputActivationBits,
                layer.OutputActivationBits,
                layer.Omega,
                widths.Select((bits, k) => new WidthOmega(bits, result.Sensitivities.Omega(i, k))).ToArray())).ToArray(),
            Budgets = result.Budgets.ToArray(),
        };
    }

    public static AllocationReport Read(string path) =>
        JsonSerializer.Deserialize<AllocationReport>(File.ReadAllText(path), JsonOptions)
            ?? throw new JsonException($"'{path}' holds no allocation");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <param name="InputBits">Width of the network input.</param>
    /// <param name="FixedBits">Width of every hidden activation, when fixed.</param>
    /// <param name="ExtraBits">k when hidden activations are weights + k bits.</param>
    public sealed record ActivationRuleEntry(int InputBits, int? FixedBits, int? ExtraBits);

    /// <param name="Name">The layer's name.</param>
    /// <param name="WeightBits">Chosen weight width.</param>
    /// <param name="InputActivationBits">Width of the activation entering the layer.</param>
    /// <param name="OutputActivationBits">Width of the activation the layer produces.</param>
    /// <param name="Omega">Ω at the chosen width.</param>
    /// <param name="Omegas">Ω at every candidate width, for plots and for a re-allocation without recomputing.</param>
    public sealed record LayerEntry(
        string Name,
        int WeightBits,
        int InputActivationBits,
        int OutputActivationBits,
        double Omega,
        IReadOnlyList<WidthOmega> Omegas);

    public sealed record WidthOmega(int Bits, double Omega);
}
