namespace Codesign.Precision.Tests;

/// <summary>
/// The allocation problem solved by enumerating every configuration, written independently of the allocator:
/// totals summed in layer order from the cost models, a budget met when the total is at most the limit.
/// </summary>
internal sealed class BruteForce
{
    private readonly IReadOnlyList<LayerDescription> layers;
    private readonly IReadOnlyList<int> widths;
    private readonly ActivationWidthRule rule;
    private readonly SensitivityTable omegas;

    public BruteForce(IReadOnlyList<LayerDescription> layers, IReadOnlyList<int> widths, ActivationWidthRule rule, SensitivityTable omegas)
    {
        this.layers = layers;
        this.widths = widths;
        this.rule = rule;
        this.omegas = omegas;
    }

    /// <summary>Every configuration as width indices, in lexicographic order.</summary>
    public IEnumerable<int[]> Configurations()
    {
        var choices = new int[layers.Count];
        while (true)
        {
            yield return (int[])choices.Clone();
            var i = layers.Count - 1;
            while (i >= 0 && ++choices[i] == widths.Count)
            {
                choices[i--] = 0;
            }

            if (i < 0)
            {
                yield break;
            }
        }
    }

    public double Objective(int[] choices)
    {
        var total = 0.0;
        for (var i = 0; i < choices.Length; i++)
        {
            total += omegas.Omega(i, choices[i]);
        }

        return total;
    }

    public double Cost(ILayerCostModel model, int[] choices)
    {
        var total = 0.0;
        for (var i = 0; i < choices.Length; i++)
        {
            total += model.LayerCost(i, layers[i], widths[choices[i]], rule.IncomingBits(i, i == 0 ? 0 : widths[choices[i - 1]]));
        }

        return total;
    }

    public double UniformCost(ILayerCostModel model, int bits)
    {
        var total = 0.0;
        for (var i = 0; i < layers.Count; i++)
        {
            total += model.LayerCost(i, layers[i], bits, rule.IncomingBits(i, bits));
        }

        return total;
    }
}
