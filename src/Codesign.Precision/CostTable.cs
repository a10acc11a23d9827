namespace Codesign.Precision;

/// <summary>
/// One cost model evaluated for every layer and choice of candidate width. A layer's term is separable (one value
/// per own width) unless its cost really changes with the previous layer's weight width, which happens only
/// under an activation rule that follows the weights; then it has a value per (previous width, own width) pair.
/// Choices are indices into the candidate widths.
/// </summary>
internal sealed class CostTable
{
    private readonly double[][] terms;
    private readonly bool[] pairwise;

    private CostTable(double[][] terms, bool[] pairwise, int widthCount)
    {
        this.terms = terms;
        this.pairwise = pairwise;
        WidthCount = widthCount;
    }

    public int LayerCount => terms.Length;

    public int WidthCount { get; }

    public static CostTable Build(ILayerCostModel model, IReadOnlyList<LayerDescription> layers, IReadOnlyList<int> widths, ActivationWidthRule rule)
    {
        var count = widths.Count;
        var terms = new double[layers.Count][];
        var pairwise = new bool[layers.Count];
        for (var i = 0; i < layers.Count; i++)
        {
            var pairs = new double[count * count];
            for (var previous = 0; previous < count; previous++)
            {
                for (var own = 0; own < count; own++)
                {
                    var cost = model.LayerCost(i, layers[i], widths[own], rule.IncomingBits(i, widths[previous]));
                    if (!double.IsFinite(cost))
                    {
                        throw new InvalidOperationException($"cost model '{model.Name}' gave {cost} for layer '{layers[i].Name}' at {widths[own]}-bit weights");
                    }

                    pairs[(previous * count) + own] = cost;
                }
            }

            // Probe rather than trust a declaration: a pair variable per (previous, own) costs the solver, and
            // is only needed where the previous choice changes the value.
            pairwise[i] = i > 0 && Enumerable.Range(0, count).Any(own =>
                Enumerable.Range(1, count - 1).Any(previous => pairs[(previous * count) + own] != pairs[own]));
            terms[i] = pairwise[i] ? pairs : pairs[..count];
        }

        return new CostTable(terms, pairwise, count);
    }

    public bool IsPairwise(int layer) => pairwise[layer];

    /// <summary>Values of a layer's term: by own choice, or by previous·WidthCount + own when pairwise.</summary>
    public IReadOnlyList<double> Terms(int layer) => terms[layer];

    public double Term(int layer, int previousChoice, int choice) =>
        pairwise[layer] ? terms[layer][(previousChoice * WidthCount) + choice] : terms[layer][choice];

    /// <summary>The total of a configuration, summed in layer order (the order every total here is summed in).</summary>
    public double Total(IReadOnlyList<int> choices)
    {
        var total = 0.0;
        for (var i = 0; i < terms.Length; i++)
        {
            total += Term(i, i == 0 ? 0 : choices[i - 1], choices[i]);
        }

        return total;
    }

    /// <summary>
    /// The cheapest configuration, by dynamic programming over the chain of layers (exact also for pairwise
    /// terms); ties go to the narrower widths. Its cost is summed in layer order, so it equals
    /// <see cref="Total"/> of the configuration to the last bit.
    /// </summary>
    public (double Cost, int[] Choices) Cheapest()
    {
        var best = new double[WidthCount];
        var from = new int[terms.Length, WidthCount];
        for (var own = 0; own < WidthCount; own++)
        {
            best[own] = 0.0 + Term(0, 0, own);
        }

        for (var i = 1; i < terms.Length; i++)
        {
            var next = new double[WidthCount];
            for (var own = 0; own < WidthCount; own++)
            {
                next[own] = double.PositiveInfinity;
                for (var previous = 0; previous < WidthCount; previous++)
                {
                    var cost = best[previous] + Term(i, previous, own);
                    if (cost < next[own])
                    {
                        next[own] = cost;
                        from[i, own] = previous;
                    }
                }
            }

            best = next;
        }

        var last = 0;
        for (var own = 1; own < WidthCount; own++)
        {
            if (best[own] < best[last])
            {
                last = own;
            }
        }

        var choices = new int[terms.Length];
        choices[^1] = last;
        for (var i = terms.Length - 1; i > 0; i--)
        {
            choices[i - 1] = from[i, choices[i]];
        }

        return (best[last], choices);
    }
}
