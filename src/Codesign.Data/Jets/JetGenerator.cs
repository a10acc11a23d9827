using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Randomness;
using Codesign.Data.Splitting;

namespace Codesign.Data.Jets;

/// <summary>
/// Generates a jet-tagging dataset without downloading one: g, q, W, Z and top jets described by the 16
/// substructure observables of the hls4ml benchmark.
/// <para>
/// Each jet is simulated at particle level and its features are computed from the particles, as for the published
/// data: a ~1 TeV quark, gluon, W, Z or top (with two-body decays boosted to the lab), an angular-ordered parton
/// shower with colour factors C_F and C_A, independent fragmentation into hadrons, an underlying event, a simple
/// particle-flow detector, a R = 0.8 jet, Cambridge/Aachen reclustering, modified mass-drop grooming and the energy
/// correlation functions (<see cref="JetSimulator"/>). The classes therefore overlap where real jets do: W with Z (by
/// the mass resolution), quarks with gluons (by how much they radiate), tops that lost a prong to grooming with W/Z.
/// docs/data.md describes the model, its parameters and what it simplifies.
/// </para>
/// <para>
/// Determinism: labels come from one seeded stream; jets are generated in fixed-size chunks, each with its own
/// stream derived from (seed, chunk index), so the output is identical for any number of threads.
/// </para>
/// </summary>
public static class JetGenerator
{
    /// <summary>Jets per independently seeded chunk. Part of the output definition: changing it changes datasets.</summary>
    public const int ChunkSize = 1024;

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
        Parallel.For(0, chunks, options, () => new JetSimulator(), (chunk, _, simulator) =>
        {
            var random = new Xoshiro256StarStar(seed, (ulong)chunk + 1);
            var end = Math.Min(samples, (chunk + 1) * ChunkSize);
            for (var jet = chunk * ChunkSize; jet < end; jet++)
            {
                simulator.Sample(labels[jet], random, features.AsSpan(jet * width, width));
            }

            return simulator;
        }, _ => { });

        return new LabeledSamples([.. JetFeatures.FeatureNames], [.. JetFeatures.ClassNames], new DatasetSplit(features, labels, width));
    }
}
