using Codesign.Data.Jets;
using Codesign.Data.Randomness;

namespace Codesign.Data.Tests.Jets;

/// <summary>The energy correlation functions against configurations whose values follow by hand.</summary>
public sealed class EnergyCorrelatorTests
{
    private const double Tolerance = 1e-12;

    private static TripleCorrelators Triples(double[] pt, double[] rapidity, double[] phi) =>
        EnergyCorrelators.Triples(pt, rapidity, phi, new double[EnergyCorrelators.TripleScratchLength(pt.Length)]);

    [Theory]
    [InlineData(600.0, 400.0, 0.3)]
    [InlineData(900.0, 100.0, 0.05)]
    public void Two_particles_give_e2_from_their_energy_sharing_and_angle_and_no_e3(double pt1, double pt2, double angle)
    {
        double[] pt = [pt1, pt2];
        double[] rapidity = [0.1, 0.1 + (angle * 0.6)];
        double[] phi = [0.2, 0.2 + (angle * 0.8)];
        var z1 = pt1 / (pt1 + pt2);
        var z2 = pt2 / (pt1 + pt2);

        var pairs = EnergyCorrelators.Pairs(pt, rapidity, phi);
        var triples = Triples(pt, rapidity, phi);

        Assert.Equal(z1 * z2, pairs.E2Beta0, Tolerance);
        Assert.Equal(z1 * z2 * angle, pairs.E2Beta1, Tolerance);
        Assert.Equal(z1 * z2 * angle * angle, pairs.E2Beta2, Tolerance);
        Assert.Equal(default, triples);
    }

    [Fact]
    public void Beta_zero_pair_correlator_is_half_of_one_minus_the_sum_of_squared_fractions()
    {
        double[] pt = [500, 250, 125, 75, 50];
        double[] rapidity = [0, 0.1, -0.2, 0.3, 0.05];
        double[] phi = [0, 0.2, 0.1, -0.3, 0.4];
        var z = pt.Select(p => p / pt.Sum()).ToArray();

        var pairs = EnergyCorrelators.Pairs(pt, rapidity, phi);

        Assert.Equal((1 - z.Sum(f => f * f)) / 2, pairs.E2Beta0, Tolerance);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.05)]
    public void Three_equal_particles_on_an_equilateral_triangle(double side)
    {
        var (pt, rapidity, phi) = EquilateralTriangle(side, 300);

        var pairs = EnergyCorrelators.Pairs(pt, rapidity, phi);
        var triples = Triples(pt, rapidity, phi);

        // Every z is 1/3 and every angle is d: three pairs of weight 1/9, one triple of weight 1/27.
        Assert.Equal(1.0 / 3, pairs.E2Beta0, Tolerance);
        Assert.Equal(side / 3, pairs.E2Beta1, Tolerance);
        Assert.Equal(side * side / 3, pairs.E2Beta2, Tolerance);
        Assert.Equal(Math.Pow(side, 3) / 27, triples.E3Beta1, Tolerance);
        Assert.Equal(Math.Pow(side, 6) / 27, triples.E3Beta2, Tolerance);
        Assert.Equal(side / 27, triples.OneE3Beta1, Tolerance);
        Assert.Equal(side * side / 27, triples.OneE3Beta2, Tolerance);
        Assert.Equal(side * side / 27, triples.TwoE3Beta1, Tolerance);
        Assert.Equal(Math.Pow(side, 4) / 27, triples.TwoE3Beta2, Tolerance);
    }

    [Fact]
    public void Generalized_correlators_keep_the_smallest_angles_of_a_triple()
    {
        // Sides 0.1, 0.2 and sqrt(0.05) of a right triangle, unequal energies.
        double[] pt = [500, 300, 200];
        double[] rapidity = [0, 0.1, 0];
        double[] phi = [0, 0, 0.2];
        var weight = 0.5 * 0.3 * 0.2;
        var (small, middle, large) = (0.1, 0.2, Math.Sqrt(0.05));

        var triples = Triples(pt, rapidity, phi);

        Assert.Equal(weight * small * middle * large, triples.E3Beta1, Tolerance);
        Assert.Equal(weight * Math.Pow(small * middle * large, 2), triples.E3Beta2, Tolerance);
        Assert.Equal(weight * small, triples.OneE3Beta1, Tolerance);
        Assert.Equal(weight * small * small, triples.OneE3Beta2, Tolerance);
        Assert.Equal(weight * small * middle, triples.TwoE3Beta1, Tolerance);
        Assert.Equal(weight * Math.Pow(small * middle, 2), triples.TwoE3Beta2, Tolerance);
    }

    [Fact]
    public void Collinear_particles_have_vanishing_correlators_and_mass()
    {
        foreach (var angle in new[] { 1e-2, 1e-4, 1e-6 })
        {
            double[] pt = [700, 300];
            double[] rapidity = [0, angle];
            double[] phi = [0, 0];

            var pairs = EnergyCorrelators.Pairs(pt, rapidity, phi);
            var mass = (FourMomentum.FromPtRapidityPhi(700, 0, 0) + FourMomentum.FromPtRapidityPhi(300, angle, 0)).Mass;

            Assert.Equal(0.21 * angle, pairs.E2Beta1, 1e-12);
            Assert.True(mass < 1000 * angle, $"mass {mass} at ΔR {angle}");
        }
    }

    [Fact]
    public void Azimuth_differences_wrap_around_pi()
    {
        double[] pt = [1, 1];
        double[] rapidity = [0, 0];
        double[] phi = [Math.PI - 0.05, -Math.PI + 0.05];

        var pairs = EnergyCorrelators.Pairs(pt, rapidity, phi);

        Assert.Equal(0.25 * 0.1, pairs.E2Beta1, 1e-12);
    }

    [Fact]
    public void Triple_sums_match_a_plain_loop_over_every_triple()
    {
        var random = new Xoshiro256StarStar(3, 0);
        foreach (var count in new[] { 3, 4, 5, 7, 8, 13, 40 })
        {
            var pt = Enumerable.Range(0, count).Select(_ => random.NextUniform(1, 100)).ToArray();
            var rapidity = Enumerable.Range(0, count).Select(_ => random.NextUniform(-0.8, 0.8)).ToArray();
            var phi = Enumerable.Range(0, count).Select(_ => random.NextUniform(-0.8, 0.8)).ToArray();

            var fast = Triples(pt, rapidity, phi);
            var slow = BruteForce(pt, rapidity, phi);

            Assert.Equal(slow.E3Beta1, fast.E3Beta1, slow.E3Beta1 * 1e-12);
            Assert.Equal(slow.E3Beta2, fast.E3Beta2, slow.E3Beta2 * 1e-12);
            Assert.Equal(slow.OneE3Beta1, fast.OneE3Beta1, slow.OneE3Beta1 * 1e-12);
            Assert.Equal(slow.OneE3Beta2, fast.OneE3Beta2, slow.OneE3Beta2 * 1e-12);
            Assert.Equal(slow.TwoE3Beta1, fast.TwoE3Beta1, slow.TwoE3Beta1 * 1e-12);
            Assert.Equal(slow.TwoE3Beta2, fast.TwoE3Beta2, slow.TwoE3Beta2 * 1e-12);
        }
    }

    internal static (double[] Pt, double[] Rapidity, double[] Phi) EquilateralTriangle(double side, double ptEach)
    {
        var radius = side / Math.Sqrt(3);
        var angles = new[] { 0.3, 0.3 + (2 * Math.PI / 3), 0.3 + (4 * Math.PI / 3) };
        return (
            [ptEach, ptEach, ptEach],
            angles.Select(a => radius * Math.Cos(a)).ToArray(),
            angles.Select(a => radius * Math.Sin(a)).ToArray());
    }

    private static TripleCorrelators BruteForce(double[] pt, double[] rapidity, double[] phi)
    {
        var total = pt.Sum();
        double Angle(int a, int b) => Math.Sqrt(Math.Pow(rapidity[a] - rapidity[b], 2) + Math.Pow(phi[a] - phi[b], 2));
        double e31 = 0, e32 = 0, one1 = 0, one2 = 0, two1 = 0, two2 = 0;
        for (var i = 0; i < pt.Length; i++)
        {
            for (var j = i + 1; j < pt.Length; j++)
            {
                for (var k = j + 1; k < pt.Length; k++)
                {
                    var w = pt[i] * pt[j] * pt[k] / (total * total * total);
                    var sorted = new[] { Angle(i, j), Angle(i, k), Angle(j, k) }.Order().ToArray();
                    var product = sorted[0] * sorted[1] * sorted[2];
                    e31 += w * product;
                    e32 += w * product * product;
                    one1 += w * sorted[0];
                    one2 += w * sorted[0] * sorted[0];
                    two1 += w * sorted[0] * sorted[1];
                    two2 += w * Math.Pow(sorted[0] * sorted[1], 2);
                }
            }
        }

        return new TripleCorrelators(e31, e32, one1, one2, two1, two2);
    }
}
