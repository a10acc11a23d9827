using Codesign.Data.Randomness;

namespace Codesign.Data.Jets;

/// <summary>
/// Decides which class each generated jet belongs to: exact per-class counts (largest remainder of
/// samples x weight) in a seeded random order, so a "balanced" dataset is exactly balanced and the labels do
/// not depend on how generation is later divided among threads.
/// </summary>
internal static class JetClassAssignment
{
    // Stream 0 of the generator seed; chunks use streams 1, 2, ...
    private const ulong LabelStream = 0;

    public static int[] Assign(int samples, IReadOnlyList<double> weights, ulong seed)
    {
        var counts = Counts(samples, weights);
        var labels = new int[samples];
        var next = 0;
        for (var jetClass = 0; jetClass < counts.Length; jetClass++)
        {
            labels.AsSpan(next, counts[jetClass]).Fill(jetClass);
            next += counts[jetClass];
        }

        new Xoshiro256StarStar(seed, LabelStream).Shuffle(labels.AsSpan());
        return labels;
    }

    internal static int[] Counts(int samples, IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var counts = new int[weights.Count];
        var remainders = new double[weights.Count];
        var assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = samples * weights[i] / total;
            counts[i] = (int)Math.Floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }

        // Hand the leftover jets to the largest remainders; ties go to the earlier class so the result is stable.
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var i = 0; assigned < samples; i = (i + 1) % order.Length)
        {
            counts[order[i]]++;
            assigned++;
        }

        return counts;
    }
}
