using System.Diagnostics;
using Codesign.Data.Hgcal;
using Xunit.Abstractions;

namespace Codesign.Data.Tests.Hgcal;

public sealed class EarthMoversDistanceTests(ITestOutputHelper output)
{
    private const int Cells = HgcalModuleGeometry.CellCount;
    private static readonly double Tolerance = EarthMoversDistance.ErrorBound;

    // Row v = 3 of the lattice: eight cells in a straight line, one spacing apart (see the image layout).
    private static readonly int[] Line = [47, 42, 37, 32, 0, 4, 8, 12];

    private static float[] Map(params (int Cell, float Charge)[] charges)
    {
        var map = new float[Cells];
        foreach (var (cell, charge) in charges)
        {
            map[cell] += charge;
        }

        return map;
    }

    private static float[] RandomMap(Random random, double occupancy)
    {
        var map = new float[Cells];
        for (var cell = 0; cell < Cells; cell++)
        {
            map[cell] = random.NextDouble() < occupancy ? (float)(random.NextDouble() * 100) : 0;
        }

        map[random.Next(Cells)] += 1;
        return map;
    }

    [Fact]
    public void Identical_maps_are_zero_apart_whatever_their_scale()
    {
        var map = RandomMap(new Random(1), 0.5);
        var scaled = map.Select(c => c * 8).ToArray();

        Assert.Equal(0, EarthMoversDistance.Compute(map, map));
        Assert.Equal(0, EarthMoversDistance.Compute(map, scaled), Tolerance);
    }

    [Fact]
    public void Moving_all_charge_to_a_neighbour_costs_one_spacing()
    {
        Assert.Equal(1, EarthMoversDistance.Compute(Map((0, 5)), Map((4, 5))), Tolerance);
        Assert.Equal(1, EarthMoversDistance.Compute(Map((0, 5)), Map((16, 2))), Tolerance);
    }

    [Fact]
    public void Moving_half_the_charge_two_cells_costs_half_of_two_spacings()
    {
        // Cells 0, 4, 8 and 12 lie on a line, one spacing apart.
        Assert.Equal(2, HgcalModuleGeometry.Distance(0, 8), 12);
        Assert.Equal(0.5 * 2, EarthMoversDistance.Compute(Map((0, 1), (4, 1)), Map((8, 1), (4, 1))), Tolerance);
        Assert.Equal(0.5 * 3, EarthMoversDistance.Compute(Map((0, 2), (4, 2)), Map((4, 2), (12, 2))), Tolerance);
    }

    [Fact]
    public void Charge_moved_across_the_module_costs_the_distance_between_the_cells()
    {
        var far = Enumerable.Range(0, Cells).MaxBy(cell => HgcalModuleGeometry.Distance(3, cell));

        Assert.Equal(HgcalModuleGeometry.Distance(3, far), EarthMoversDistance.Compute(Map((3, 1)), Map((far, 1))), Tolerance);
    }

    [Fact]
    public void On_collinear_cells_it_is_the_L1_distance_between_the_cumulative_distributions()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var a = new float[Cells];
            var b = new float[Cells];
            foreach (var cell in Line)
            {
                a[cell] = random.NextDouble() < 0.6 ? (float)random.NextDouble() : 0;
                b[cell] = random.NextDouble() < 0.6 ? (float)random.NextDouble() : 0;
            }

            a[Line[random.Next(Line.Length)]] += 0.1f;
            b[Line[random.Next(Line.Length)]] += 0.1f;
            double sumA = a.Sum(), sumB = b.Sum(), cdfA = 0, cdfB = 0, expected = 0;
            for (var i = 0; i < Line.Length - 1; i++)
            {
                cdfA += a[Line[i]] / sumA;
                cdfB += b[Line[i]] / sumB;
                expected += Math.Abs(cdfA - cdfB);
            }

            Assert.Equal(expected, EarthMoversDistance.Compute(a, b), Tolerance);
        }
    }

    [Fact]
    public void Equal_point_masses_match_the_best_assignment_found_by_brute_force()
    {
        // k unit charges against k unit charges: an optimal transport plan may be taken to be a permutation
        // (Birkhoff-von Neumann), so trying all k! assignments gives the exact EMD without any LP.
        var random = new Random(11);
        for (var trial = 0; trial < 100; trial++)
        {
            var k = random.Next(1, 7);
            var from = Enumerable.Range(0, Cells).OrderBy(_ => random.Next()).Take(k).ToArray();
            var to = Enumerable.Range(0, Cells).OrderBy(_ => random.Next()).Take(k).ToArray();
            var best = Permutations(k).Min(p => Enumerable.Range(0, k).Sum(i => HgcalModuleGeometry.Distance(from[i], to[p[i]]))) / k;

            Assert.Equal(best, EarthMoversDistance.Compute(Map([.. from.Select(c => (c, 1f))]), Map([.. to.Select(c => (c, 1f))])), Tolerance);
        }
    }

    [Fact]
    public void It_is_symmetric_and_obeys_the_triangle_inequality()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 100; trial++)
        {
            var a = RandomMap(random, 0.3);
            var b = RandomMap(random, 0.3);
            var c = RandomMap(random, 0.3);
            var ab = EarthMoversDistance.Compute(a, b);

            Assert.Equal(ab, EarthMoversDistance.Compute(b, a), 2 * Tolerance);
            Assert.True(ab <= EarthMoversDistance.Compute(a, c) + EarthMoversDistance.Compute(c, b) + (3 * Tolerance));
            Assert.True(ab > 0);
        }
    }

    [Fact]
    public void An_empty_map_has_no_distance_and_is_left_out_of_the_mean()
    {
        var empty = new float[Cells];
        Assert.True(double.IsNaN(EarthMoversDistance.Compute(Map((0, 1)), empty)));
        Assert.True(double.IsNaN(EarthMoversDistance.Compute(empty, Map((0, 1)))));

        float[] inputs = [.. Map((0, 1)), .. Map((0, 1)), .. Map((0, 3))];
        float[] reconstructions = [.. Map((4, 1)), .. empty, .. Map((8, 3))];
        var mean = EarthMoversDistance.Mean(inputs, reconstructions);

        Assert.Equal(2, mean.Evaluated);
        Assert.Equal(1, mean.Undefined);
        Assert.Equal(1.5, mean.Mean, Tolerance);
    }

    [Fact]
    public void Negative_or_wrongly_sized_maps_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => EarthMoversDistance.Compute(Map((0, -1), (1, 2)), Map((0, 1))));
        Assert.Throws<ArgumentException>(() => EarthMoversDistance.Compute(new float[47], Map((0, 1))));
        Assert.Throws<ArgumentException>(() => EarthMoversDistance.Mean(new float[48], new float[96]));
    }

    [Fact]
    public void The_mean_does_not_depend_on_the_number_of_threads()
    {
        var modules = HgcalModuleGenerator.Generate(500, seed: 4);
        var random = new Random(9);
        var reconstructions = modules.Normalized.Select(c => c * (float)(0.5 + random.NextDouble())).ToArray();

        var one = EarthMoversDistance.Mean(modules.Normalized, reconstructions, maxDegreeOfParallelism: 1);
        var all = EarthMoversDistance.Mean(modules.Normalized, reconstructions, maxDegreeOfParallelism: -1);

        Assert.Equal(one, all);
        Assert.Equal(500, one.Evaluated);
    }

    [Fact]
    public void Throughput_is_measured()
    {
        var modules = HgcalModuleGenerator.Generate(4000, seed: 8);
        var random = new Random(2);
        var reconstructions = modules.Normalized.Select(c => c + (float)(0.05 * random.NextDouble())).ToArray();
        EarthMoversDistance.Mean(modules.Normalized.AsSpan(0, 480).ToArray(), reconstructions.AsSpan(0, 480).ToArray(), 1);

        var watch = Stopwatch.StartNew();
        var mean = EarthMoversDistance.Mean(modules.Normalized, reconstructions, maxDegreeOfParallelism: 1);
        watch.Stop();

        output.WriteLine($"EMD: {mean.Evaluated / watch.Elapsed.TotalSeconds:F0} per second on one thread (mean {mean.Mean:F3} spacings for dense noisy reconstructions)");
        Assert.Equal(4000, mean.Evaluated);
    }

    private static IEnumerable<int[]> Permutations(int k)
    {
        if (k == 1)
        {
            yield return [0];
            yield break;
        }

        foreach (var shorter in Permutations(k - 1))
        {
            for (var position = 0; position < k; position++)
            {
                var permutation = new List<int>(shorter);
                permutation.Insert(position, k - 1);
                yield return [.. permutation];
            }
        }
    }
}
