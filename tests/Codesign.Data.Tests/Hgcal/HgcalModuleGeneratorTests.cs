using System.Diagnostics;
using Codesign.Data.Hgcal;
using Codesign.Data.Randomness;
using Xunit.Abstractions;

namespace Codesign.Data.Tests.Hgcal;

public sealed class HgcalModuleGeneratorTests(ITestOutputHelper output)
{
    private const int Cells = HgcalModuleGeometry.CellCount;
    private static readonly HgcalModuleSet Shared = HgcalModuleGenerator.Generate(50_000, seed: 2024);

    private static int Occupancy(ReadOnlySpan<float> row)
    {
        var count = 0;
        foreach (var value in row)
        {
            count += value > 0 ? 1 : 0;
        }

        return count;
    }

    [Fact]
    public void Same_seed_gives_identical_modules_and_another_seed_does_not()
    {
        var first = HgcalModuleGenerator.Generate(3_000, seed: 77);
        var second = HgcalModuleGenerator.Generate(3_000, seed: 77);
        var other = HgcalModuleGenerator.Generate(3_000, seed: 78);

        Assert.Equal(first.Charges, second.Charges);
        Assert.Equal(first.Normalized, second.Normalized);
        Assert.NotEqual(first.Charges, other.Charges);
    }

    [Fact]
    public void Output_does_not_depend_on_the_number_of_threads()
    {
        var modules = (3 * HgcalModuleGenerator.ChunkSize) + 17;
        var sequential = HgcalModuleGenerator.Generate(modules, 5, maxDegreeOfParallelism: 1);
        var parallel = HgcalModuleGenerator.Generate(modules, 5, maxDegreeOfParallelism: -1);

        Assert.Equal(sequential.Charges, parallel.Charges);
    }

    [Fact]
    public void Every_module_has_charge_and_a_row_sum_normalised_into_one_to_two()
    {
        Assert.Equal(50_000, Shared.ModuleCount);
        for (var module = 0; module < Shared.ModuleCount; module++)
        {
            var factor = Shared.NormalizationFactors[module];
            var sum = Shared.NormalizedOf(module).ToArray().Sum();
            Assert.True(Occupancy(Shared.ChargesOf(module)) > 0);
            Assert.Equal(factor, MathF.Pow(2, MathF.Round(MathF.Log2(factor))));
            Assert.InRange(sum, 1 - 1e-5, 2);
        }
    }

    [Fact]
    public void Charges_are_zero_or_at_least_the_threshold()
    {
        Assert.All(Shared.Charges, charge => Assert.True(charge == 0 || charge >= HgcalModuleSimulator.Threshold));
    }

    [Fact]
    public void Occupancy_spans_single_hits_to_large_parts_of_the_module()
    {
        var occupancy = Enumerable.Range(0, Shared.ModuleCount).Select(m => Occupancy(Shared.ChargesOf(m))).ToArray();
        var mean = occupancy.Average();
        var single = occupancy.Count(o => o == 1) / (double)occupancy.Length;
        var aboveTwenty = occupancy.Count(o => o > 20) / (double)occupancy.Length;
        output.WriteLine($"occupancy: mean {mean:F2} cells, {single:P1} with 1 cell, {aboveTwenty:P1} with more than 20, max {occupancy.Max()}");
        output.WriteLine("histogram: " + string.Join(" ", Enumerable.Range(0, 7).Select(b =>
            $"[{b * 8},{(b * 8) + 7}]:{occupancy.Count(o => o / 8 == b) / (double)occupancy.Length:P1}")));

        // Most modules hold a soft shower or a few pile-up hits (the spectrum falls as E^-2 from 5 MIP_T); a few
        // hard or two-shower modules light up a large part of the module.
        Assert.InRange(mean, 3, 6);
        Assert.InRange(single, 0.05, 0.2);
        Assert.InRange(occupancy.Max(), 25, 48);
    }

    [Fact]
    public void Normalisation_exponents_cover_the_spectrum()
    {
        var exponents = Shared.NormalizationFactors.Select(f => (int)MathF.Log2(f)).ToArray();
        output.WriteLine(string.Join(" ", exponents.GroupBy(e => e).OrderBy(g => g.Key).Select(g => $"2^{g.Key}:{g.Count()}")));

        Assert.Equal(0, exponents.Min());
        Assert.InRange(exponents.Max(), 10, 12);
        Assert.All(Enumerable.Range(1, 10), e => Assert.Contains(e, exponents));
    }

    [Fact]
    public void The_charge_weighted_centroid_of_a_contained_shower_is_near_its_axis()
    {
        var simulator = new HgcalModuleSimulator();
        var random = new Xoshiro256StarStar(3, 1);
        var charges = new float[Cells];
        var offsets = new List<double>();
        while (offsets.Count < 2000)
        {
            var truth = simulator.Sample(random, charges);
            var radius = Math.Sqrt((truth.X * truth.X) + (truth.Y * truth.Y));
            if (truth.ShowerCount != 1 || truth.Energy < 100 || radius > 2)
            {
                continue;
            }

            double sum = 0, x = 0, y = 0;
            for (var cell = 0; cell < Cells; cell++)
            {
                sum += charges[cell];
                x += charges[cell] * HgcalModuleGeometry.CellCentres[cell].X;
                y += charges[cell] * HgcalModuleGeometry.CellCentres[cell].Y;
            }

            offsets.Add(Math.Sqrt(Math.Pow((x / sum) - truth.X, 2) + Math.Pow((y / sum) - truth.Y, 2)));
        }

        var mean = offsets.Average();
        output.WriteLine($"centroid - axis: mean {mean:F3}, 95th percentile {offsets.Order().ElementAt(1900):F3} cell spacings");
        Assert.True(mean < 0.2, $"mean offset {mean}");
    }

    [Fact]
    public void Most_of_a_central_shower_lies_within_a_Moliere_radius_of_its_axis()
    {
        // Consistency of the profile with the definition of R_M (about 90 % of the energy inside it).
        var simulator = new HgcalModuleSimulator();
        var random = new Xoshiro256StarStar(4, 1);
        var charges = new float[Cells];
        double inside = 0, total = 0;
        for (var trial = 0; trial < 20_000; trial++)
        {
            var truth = simulator.Sample(random, charges);
            if (truth.ShowerCount != 1 || truth.Energy < 200 || Math.Sqrt((truth.X * truth.X) + (truth.Y * truth.Y)) > 0.5)
            {
                continue;
            }

            for (var cell = 0; cell < Cells; cell++)
            {
                var (x, y) = HgcalModuleGeometry.CellCentres[cell];
                var near = Math.Sqrt(Math.Pow(x - truth.X, 2) + Math.Pow(y - truth.Y, 2)) < HgcalModuleSimulator.MoliereRadius + 0.5;
                inside += near ? charges[cell] : 0;
                total += charges[cell];
            }
        }

        output.WriteLine($"share in cells within R_M + half a cell of the axis: {inside / total:P1}");
        Assert.InRange(inside / total, 0.85, 0.97);
    }

    [Fact]
    public void Throughput_is_measured()
    {
        HgcalModuleGenerator.Generate(HgcalModuleGenerator.ChunkSize, seed: 1, maxDegreeOfParallelism: 1);
        var watch = Stopwatch.StartNew();
        var modules = HgcalModuleGenerator.Generate(200_000, seed: 1, maxDegreeOfParallelism: 1);
        watch.Stop();

        output.WriteLine($"{modules.ModuleCount / watch.Elapsed.TotalSeconds:F0} modules per second on one thread");
        Assert.Equal(200_000, modules.ModuleCount);
    }
}
