namespace Codesign.Precision.Tests;

/// <summary>Layers for the tests: the jet tagger's shapes with seeded Gaussian weights, and random ones.</summary>
internal static class TestNetworks
{
    /// <summary>16-64-32-32-5 with the authors' Hutchinson traces for dense_1..dense_4.</summary>
    public static IReadOnlyList<LayerDescription> JetTagger(int seed = 7)
    {
        var random = new Random(seed);
        int[] sizes = [16, 64, 32, 32, 5];
        double[] traces = [6.451294, 0.8976602, 0.18409997, 0.08547983];
        return Enumerable.Range(0, 4)
            .Select(i => Dense($"dense_{i + 1}", sizes[i], sizes[i + 1], traces[i], random, 1.0 / Math.Sqrt(sizes[i])))
            .ToArray();
    }

    public static LayerDescription Dense(string name, int inputs, int outputs, double trace, Random random, double weightScale)
    {
        var weights = new float[inputs * outputs];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(Gaussian(random) * weightScale);
        }

        return new LayerDescription(name, inputs, outputs, weights.Length, trace, weights);
    }

    public static double Gaussian(Random random)
    {
        // Box-Muller; 1 - u keeps the logarithm's argument away from 0.
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
