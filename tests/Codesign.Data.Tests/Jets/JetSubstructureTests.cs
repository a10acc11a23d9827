using Codesign.Data.Jets;

namespace Codesign.Data.Tests.Jets;

/// <summary>The 16 features computed from hand-made jets, where each value follows from its definition.</summary>
public sealed class JetSubstructureTests
{
    private static FourMomentum At(double pt, double rapidity, double phi) => FourMomentum.FromPtRapidityPhi(pt, rapidity, phi);

    private static float[] Features(params FourMomentum[] constituents)
    {
        var features = new float[JetFeatures.FeatureCount];
        new JetSubstructure().Compute(constituents, features);
        return features;
    }

    [Fact]
    public void A_two_particle_jet_has_pair_correlators_only_and_the_collinear_mass()
    {
        const double angle = 0.1;
        var features = Features(At(600, 0, 0), At(400, 0, angle));
        var (z1, z2) = (0.6, 0.4);

        Assert.Equal(z1 * z2, features[JetFeatures.C1Beta0], 1e-6);
        Assert.Equal(z1 * z2 * angle, features[JetFeatures.C1Beta1], 1e-6);
        Assert.Equal(z1 * z2 * angle * angle, features[JetFeatures.C1Beta2], 1e-7);
        foreach (var ratio in new[] { JetFeatures.C2Beta1, JetFeatures.C2Beta2, JetFeatures.D2Beta1, JetFeatures.D2Beta2, JetFeatures.D2Alpha1Beta1, JetFeatures.D2Alpha1Beta2, JetFeatures.M2Beta1, JetFeatures.M2Beta2, JetFeatures.N2Beta1, JetFeatures.N2Beta2 })
        {
            Assert.Equal(0, features[ratio]);
        }

        // m² = 2 pT1 pT2 (cosh Δy - cos Δφ) ≈ z1 z2 pT² ΔR² at small angles.
        var exact = Math.Sqrt(2 * 600 * 400 * (1 - Math.Cos(angle)));
        Assert.Equal(exact, features[JetFeatures.MassMmdt], 1e-3);
        Assert.Equal(Math.Sqrt(z1 * z2) * 1000 * angle, features[JetFeatures.MassMmdt], 0.05);
        Assert.Equal(2, features[JetFeatures.Multiplicity]);
        Assert.Equal((z1 * Math.Log(z1)) + (z2 * Math.Log(z2)), features[JetFeatures.ZLogZ], 1e-6);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.1)]
    public void Three_hard_prongs_on_an_equilateral_triangle(double side)
    {
        var (pt, rapidity, phi) = EnergyCorrelatorTests.EquilateralTriangle(side, 300);
        var features = Features([.. Enumerable.Range(0, 3).Select(i => At(pt[i], rapidity[i], phi[i]))]);

        // With z = 1/3 and every angle d: e2 = d^β/3, e3 = d^3β/27, 1e3 = d^β/27, 2e3 = d^2β/27.
        Assert.Equal(side / 3, features[JetFeatures.C2Beta1], 1e-6);
        Assert.Equal(side * side / 3, features[JetFeatures.C2Beta2], 1e-6);
        Assert.Equal(1, features[JetFeatures.D2Beta1], 1e-5);
        Assert.Equal(1, features[JetFeatures.D2Beta2], 1e-5);
        Assert.Equal(1, features[JetFeatures.D2Alpha1Beta1], 1e-5);
        Assert.Equal(Math.Pow(3, 1.5) / 27, features[JetFeatures.D2Alpha1Beta2], 1e-6);
        Assert.Equal(1.0 / 9, features[JetFeatures.M2Beta1], 1e-6);
        Assert.Equal(1.0 / 9, features[JetFeatures.M2Beta2], 1e-6);
        Assert.Equal(1.0 / 3, features[JetFeatures.N2Beta1], 1e-6);
        Assert.Equal(1.0 / 3, features[JetFeatures.N2Beta2], 1e-6);
        Assert.Equal(1.0 / 3, features[JetFeatures.C1Beta0], 1e-6);
        Assert.Equal(Math.Log(1.0 / 3), features[JetFeatures.ZLogZ], 1e-3);
    }

    [Fact]
    public void Groomed_features_ignore_a_soft_wide_angle_particle_that_the_ungroomed_ones_count()
    {
        var pair = Features(At(500, 0.05, 0), At(400, -0.05, 0));
        var withSoft = Features(At(500, 0.05, 0), At(400, -0.05, 0), At(15, 0.4, 0.4));

        for (var feature = JetFeatures.C1Beta0; feature <= JetFeatures.MassMmdt; feature++)
        {
            Assert.Equal(pair[feature], withSoft[feature]);
        }

        Assert.Equal(3, withSoft[JetFeatures.Multiplicity]);
        Assert.True(withSoft[JetFeatures.ZLogZ] < pair[JetFeatures.ZLogZ]);
    }

    [Fact]
    public void A_jet_groomed_to_one_constituent_has_finite_zero_ratios()
    {
        var single = Features(At(800, 0, 0));
        var groomedAway = Features(At(950, 0, 0), At(40, 0.2, 0.1));

        Assert.All(single, value => Assert.True(float.IsFinite(value)));
        Assert.Equal(1, single[JetFeatures.Multiplicity]);
        Assert.Equal(0, single[JetFeatures.ZLogZ]);
        Assert.All(groomedAway, value => Assert.True(float.IsFinite(value)));
        for (var feature = JetFeatures.C1Beta0; feature <= JetFeatures.MassMmdt; feature++)
        {
            Assert.Equal(0, groomedAway[feature], 1e-3);
        }

        Assert.Equal(2, groomedAway[JetFeatures.Multiplicity]);
    }

    [Fact]
    public void A_jet_without_constituents_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Features());
    }
}
