using Codesign.Data.Randomness;

namespace Codesign.Data.Hgcal;

/// <summary>
/// Generates HGCal module data without downloading the authors' CSV: electromagnetic showers of varied charge and
/// position over the 48 trigger cells, pile-up hits, noise and zero suppression (<see cref="HgcalModuleSimulator"/>;
/// docs/data.md, "HGCal module data"). Modules left without charge are dropped and redrawn, as the authors drop them,
/// so exactly the requested number comes back.
/// <para>
/// Determinism: modules are made in fixed-size chunks, each with its own stream derived from (seed, chunk index), so
/// the output is identical for any number of threads.
/// </para>
/// </summary>
public static class HgcalModuleGenerator
{
    /// <summary>Modules per independently seeded chunk. Part of the output definition: changing it changes datasets.</summary>
    public const int ChunkSize = 1024;

    // Streams of the jet generator start at 1; an offset keeps a jet and an HGCal dataset under one seed independent.
    private const ulong StreamOffset = 0x4847_4341_4C00_0000UL;

    /// <param name="modules">Number of modules with nonzero occupancy.</param>
    /// <param name="seed">Same seed, same modules, on any machine and thread count.</param>
    public static HgcalModuleSet Generate(int modules, ulong seed) => Generate(modules, seed, maxDegreeOfParallelism: -1);

    /// <param name="maxDegreeOfParallelism">-1 for all cores; 1 generates sequentially (tests compare the two).</param>
    internal static HgcalModuleSet Generate(int modules, ulong seed, int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(modules);
        const int width = HgcalModuleGeometry.CellCount;
        var charges = new float[modules * width];
        var chunks = (modules + ChunkSize - 1) / ChunkSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, chunks, options, () => new HgcalModuleSimulator(), (chunk, _, simulator) =>
        {
            var random = new Xoshiro256StarStar(seed, StreamOffset + (ulong)chunk);
            var end = Math.Min(modules, (chunk + 1) * ChunkSize);
            for (var module = chunk * ChunkSize; module < end; module++)
            {
                var row = charges.AsSpan(module * width, width);
                do
                {
                    simulator.Sample(random, row);
                }
                while (!HasCharge(row));
            }

            return simulator;
        }, _ => { });

        return HgcalModuleSet.FromCharges(charges);
    }

    private static bool HasCharge(ReadOnlySpan<float> row)
    {
        foreach (var value in row)
        {
            if (value > 0)
            {
                return true;
            }
        }

        return false;
    }
}
