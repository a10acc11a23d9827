using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Randomness;
using Codesign.Data.Splitting;

namespace Codesign.Data.Jets;

/// <summary>
/// Generates a jet-tagging dataset without downloading one: g, q, W, Z and top jets described by the 16
/// substructure observables of the hls4ml benchmark.
/// <para>
/// Why a latent physics model rather than per-class Gaussians: a classifier trained on independent Gaussians
/// learns nothing about real jets, and its accuracy says nothing about the real task. Here each jet is built
/// from the few quantities that physically determine those observables: the groomed mass (resonance peaks with
/// resolution and a low tail from grooming; a steeply falling spectrum for quarks and gluons), the hard prong
/// configuration (two balanced prongs for W/Z, three for top, one soft-enhanced splitting for q/g), and the
/// amount of radiation set by colour charge (C_A = 3 for gluons against C_F = 4/3 for quarks) and by one
/// shared per-jet fluctuation. The observables are then computed from these by their definitions, so they are
/// correlated as in real jets, and the classes are confused where physics confuses them: W with Z (mass only)
/// and q with g (radiation only), which keeps a good classifier near the 70-85% accuracy seen on real data.
/// </para>
/// <para>
/// Determinism: labels come from one seeded stream; features are generated in fixed-size chunks, each with
/// its own stream derived from (seed, chunk index), so the output is identical for any number of threads.
/// </para>
/// </summary>
public static class JetGenerator
{
    /// <summary>Jets per independently seeded chunk. Part of the output definition: changing it changes datasets.</summary>
    public const int ChunkSize = 4096;

    /// <summary>Generates all 16 features and all 5 classes.</summary>
    /// <param name="samples">Number of jets.</param>
    /// <param name="seed">Same seed, same jets, on any machine and thread count.</param>
    /// <param name="classMix">Relative class frequencies in <see cref="JetFeatures.ClassNames"/> order; null or empty means balanced.</param>
    public static LabeledSamples Generate(int samples, ulong seed, IReadOnlyList<double>? classMix = null) =>
        Generate(samples, seed, classMix, maxDegreeOfParallelism: -1);

    /// <summary>Generates the dataset a spec asks for: its sample count, seed, class selection, mix and feature selection.</summary>
    public static LabeledSamples Generate(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var selection = JetSelection.Resolve(spec);
        var plan = SplitPlan.For(Math.Max(0, spec.Samples), spec.Split);
        if (!plan.IsSufficientFor(spec.Split))
        {
            throw new CodesignException(
                DiagnosticCodes.TooFewRows,
                SpecLocations.Samples(spec),
                $"data.samples = {spec.Samples} is too small: {plan.DescribeShortfall(spec.Split)}.");
        }

        var all = Generate(spec.Samples, spec.Seed, selection.Weights, maxDegreeOfParallelism: -1);
        return selection.Apply(all);
    }

    /// <param name="samples">Number of jets.</param>
    /// <param name="seed">The generator seed.</param>
    /// <param name="classMix">Weights in <see cref="JetFeatures.ClassNames"/> order, or null/empty for balanced.</param>
    /// <param name="maxDegreeOfParallelism">-1 for all cores; 1 generates sequentially (tests compare the two).</param>
    internal static LabeledSamples Generate(int samples, ulong seed, IReadOnlyList<double>? classMix, int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        var weights = classMix is { Count: > 0 } ? classMix : Enumerable.Repeat(1.0, JetFeatures.ClassCount).ToArray();
        if (weights.Count != JetFeatures.ClassCount || weights.Any(w => !(w >= 0) || double.IsInfinity(w)) || !(weights.Sum() > 0))
        {
            throw new ArgumentException(
                $"The class mix needs {JetFeatures.ClassCount} finite, non-negative weights with a positive sum.",
                nameof(classMix));
        }

        var labels = JetClassAssignment.Assign(samples, weights, seed);
        var width = JetFeatures.FeatureCount;
        var features = new float[samples * width];
        var chunks = (samples + ChunkSize - 1) / ChunkSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, chunks, options, () => new JetPhysicsModel(), (chunk, _, model) =>
        {
            var random = new Xoshiro256StarStar(seed, (ulong)chunk + 1);
            var end = Math.Min(samples, (chunk + 1) * ChunkSize);
            for (var jet = chunk * ChunkSize; jet < end; jet++)
            {
                model.Sample(labels[jet], random, features.AsSpan(jet * width, width));
            }

            return model;
        }, _ => { });

        return new LabeledSamples([.. JetFeatures.FeatureNames], [.. JetFeatures.ClassNames], new DatasetSplit(features, labels, width));
    }
}
