using Google.OrTools.Graph;

namespace Codesign.Data.Hgcal;

/// <summary>
/// The earth mover's distance between two charge maps of a module: each normalised to unit total, the least total
/// charge x distance that turns one into the other, with the Euclidean distance between trigger-cell centres as ground
/// metric (cell spacing 1, <see cref="HgcalModuleGeometry.CellCentres"/>). This is the ECON-T autoencoder's quality
/// metric, solved exactly as a min-cost flow (OR-Tools), in integers.
/// <para>
/// Integers: each map is scaled to <see cref="MassUnits"/> units with largest-remainder rounding, so both sum to
/// exactly that many units (supplies balance) and each cell is off by under one unit; distances are scaled by
/// <see cref="CostUnits"/> and rounded. The result is then within <see cref="ErrorBound"/> of the real-valued EMD:
/// moving under 1 unit per cell in each of the two maps costs at most 2 x 48 / 2 / MassUnits x max distance
/// (7 spacings), and rounded costs add at most 0.5 / CostUnits per unit of mass moved.
/// </para>
/// <para>
/// A map whose charges sum to zero has no shape, so the EMD is undefined: <see cref="Compute"/> returns NaN and
/// <see cref="Mean"/> leaves such modules out and counts them. (The authors' code returns -1 for an empty input and
/// -0.5 for an empty reconstruction, which would pull a plain mean down.)
/// </para>
/// </summary>
public static partial class EarthMoversDistance
{
    /// <summary>Total integer mass of each normalised map.</summary>
    public const long MassUnits = 1_000_000_000;

    /// <summary>Integer cost units per cell spacing.</summary>
    public const long CostUnits = 1_000_000;

    private const int Cells = HgcalModuleGeometry.CellCount;

    private static readonly long[] Costs = BuildCosts();

    /// <summary>Largest difference from the real-valued EMD that the integer scaling can cause, in cell spacings.</summary>
    public static double ErrorBound { get; } = (Cells * MaxDistance() / MassUnits) + (0.5 / CostUnits);

    /// <summary>The EMD in cell spacings, or NaN when either map has no charge.</summary>
    /// <param name="first">48 non-negative charges in CALQ order (any scale).</param>
    /// <param name="second">48 non-negative charges in CALQ order (any scale).</param>
    public static double Compute(ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        Span<long> a = stackalloc long[Cells];
        Span<long> b = stackalloc long[Cells];
        if (!ToUnits(first, a, nameof(first)) | !ToUnits(second, b, nameof(second)))
        {
            return double.NaN;
        }

        // With a metric ground cost, charge common to both maps stays where it is: only the differences move.
        Span<int> sources = stackalloc int[Cells];
        Span<int> sinks = stackalloc int[Cells];
        int sourceCount = 0, sinkCount = 0;
        for (var cell = 0; cell < Cells; cell++)
        {
            if (a[cell] > b[cell])
            {
                sources[sourceCount++] = cell;
            }
            else if (b[cell] > a[cell])
            {
                sinks[sinkCount++] = cell;
            }
        }

        if (sourceCount == 0)
        {
            return 0;
        }

        using var flow = new MinCostFlow();
        for (var i = 0; i < sourceCount; i++)
        {
            flow.SetNodeSupply(i, a[sources[i]] - b[sources[i]]);
            for (var j = 0; j < sinkCount; j++)
            {
                // No arc needs to carry more than both ends can give and take; tight capacities speed up the solver.
                var capacity = Math.Min(a[sources[i]] - b[sources[i]], b[sinks[j]] - a[sinks[j]]);
                flow.AddArcWithCapacityAndUnitCost(i, sourceCount + j, capacity, Costs[(sources[i] * Cells) + sinks[j]]);
            }
        }

        for (var j = 0; j < sinkCount; j++)
        {
            flow.SetNodeSupply(sourceCount + j, a[sinks[j]] - b[sinks[j]]);
        }

        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            // Balanced supplies on a complete bipartite graph are always feasible; anything else is a solver fault.
            throw new InvalidOperationException($"The min-cost flow for the EMD ended with status {status}.");
        }

        return (double)flow.OptimalCost() / MassUnits / CostUnits;
    }

    /// <summary>
    /// Scales a map to exactly <see cref="MassUnits"/> integer units (largest remainder); false if it has no charge.
    /// </summary>
    internal static bool ToUnits(ReadOnlySpan<float> charges, Span<long> units, string name)
    {
        if (charges.Length != Cells)
        {
            throw new ArgumentException($"A charge map has {Cells} cells; got {charges.Length}.", name);
        }

        var total = 0.0;
        foreach (var charge in charges)
        {
            if (!(charge >= 0) || float.IsInfinity(charge))
            {
                throw new ArgumentException($"Charges must be finite and non-negative; found {charge}.", name);
            }

            total += charge;
        }

        if (total == 0)
        {
            return false;
        }

        Span<double> remainders = stackalloc double[Cells];
        long assigned = 0;
        for (var cell = 0; cell < Cells; cell++)
        {
            var exact = charges[cell] / total * MassUnits;
            units[cell] = (long)Math.Floor(exact);
            remainders[cell] = exact - units[cell];
            assigned += units[cell];
        }

        // Hand the missing units to the largest remainders (ties to the lower cell index, for determinism).
        for (var left = MassUnits - assigned; left > 0; left--)
        {
            var best = -1;
            for (var cell = 0; cell < Cells; cell++)
            {
                if (best < 0 || remainders[cell] > remainders[best])
                {
                    best = cell;
                }
            }

            units[best]++;
            remainders[best] = double.NegativeInfinity;
        }

        return true;
    }

    private static long[] BuildCosts()
    {
        var costs = new long[Cells * Cells];
        for (var i = 0; i < Cells; i++)
        {
            for (var j = 0; j < Cells; j++)
            {
                costs[(i * Cells) + j] = (long)Math.Round(HgcalModuleGeometry.Distance(i, j) * CostUnits);
            }
        }

        return costs;
    }

    private static double MaxDistance() => Costs.Max() / (double)CostUnits;
}
