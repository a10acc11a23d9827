using System.Diagnostics;
using Codesign.Data.Jets;
using Xunit.Abstractions;

namespace Codesign.Data.Tests.Jets;

public sealed class JetGeneratorTests(ITestOutputHelper output)
{
    private static readonly LabeledSamples Shared = JetGenerator.Generate(50_000, seed: 2024);

    private static double[] Column(LabeledSamples samples, int feature, int jetClass) =>
        Enumerable.Range(0, samples.RowCount)
            .Where(row => samples.Rows.Labels[row] == jetClass)
            .Select(row => (double)samples.Rows.Row(row)[feature])
            .ToArray();

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    [Fact]
    public void Names_follow_the_hls4ml_order()
    {
        Assert.Equal(["g", "q", "w", "z", "t"], Shared.ClassNames);
        Assert.Equal(16, Shared.FeatureNames.Length);
        Assert.Equal("j_zlogz", Shared.FeatureNames[0]);
        Assert.Equal("j_mass_mmdt", Shared.FeatureNames[JetFeatures.MassMmdt]);
        Assert.Equal("j_multiplicity", Shared.FeatureNames[15]);
    }

    [Fact]
    public void Same_seed_gives_identical_jets()
    {
        var first = JetGenerator.Generate(2_000, seed: 77);
        var second = JetGenerator.Generate(2_000, seed: 77);

        Assert.Equal(first.Rows.Features, second.Rows.Features);
        Assert.Equal(first.Rows.Labels, second.Rows.Labels);
    }

    [Fact]
    public void Output_does_not_depend_on_the_number_of_threads()
    {
        var sequential = JetGenerator.Generate(3 * JetGenerator.ChunkSize + 17, 5, null, maxDegreeOfParallelism: 1);
        var threeThreads = JetGenerator.Generate(3 * JetGenerator.ChunkSize + 17, 5, null, maxDegreeOfParallelism: 3);
        var allCores = JetGenerator.Generate(3 * JetGenerator.ChunkSize + 17, 5, null, maxDegreeOfParallelism: -1);

        Assert.Equal(sequential.Rows.Features, threeThreads.Rows.Features);
        Assert.Equal(sequential.Rows.Features, allCores.Rows.Features);
        Assert.Equal(sequential.Rows.Labels, allCores.Rows.Labels);
    }

    [Fact]
    public void Different_seed_gives_different_jets()
    {
        var first = JetGenerator.Generate(1_000, seed: 1);
        var second = JetGenerator.Generate(1_000, seed: 2);

        Assert.NotEqual(first.Rows.Labels, second.Rows.Labels);
        Assert.NotEqual(first.Rows.Features, second.Rows.Features);
    }

    [Fact]
    public void Classes_are_exactly_balanced()
    {
        var samples = JetGenerator.Generate(1_003, seed: 3);

        var counts = Enumerable.Range(0, 5).Select(c => samples.Rows.Labels.Count(l => l == c));

        Assert.Equal([201, 201, 201, 200, 200], counts);
    }

    [Fact]
    public void Class_mix_is_honoured()
    {
        var samples = JetGenerator.Generate(800, seed: 3, classMix: [1, 1, 2, 0, 4]);

        var counts = Enumerable.Range(0, 5).Select(c => samples.Rows.Labels.Count(l => l == c));

        Assert.Equal([100, 100, 200, 0, 400], counts);
    }

    [Fact]
    public void Labels_are_not_grouped_by_class()
    {
        Assert.NotEqual(Shared.Rows.Labels.Order(), Shared.Rows.Labels);
        Assert.Equal(5, Shared.Rows.Labels.Take(50).Distinct().Count());
    }

    [Theory]
    [InlineData(JetFeatures.WBoson, 80.4)]
    [InlineData(JetFeatures.ZBoson, 91.2)]
    [InlineData(JetFeatures.TopQuark, 173.0)]
    public void Groomed_mass_peaks_at_the_resonance(int jetClass, double peak)
    {
        var median = Median(Column(Shared, JetFeatures.MassMmdt, jetClass));

        output.WriteLine($"median j_mass_mmdt of {Shared.ClassNames[jetClass]}: {median:F1} GeV (peak {peak})");
        Assert.InRange(median, peak * 0.9, peak * 1.1);
    }

    [Fact]
    public void Quark_and_gluon_jets_get_a_lower_groomed_mass_from_the_shower_with_gluons_heavier()
    {
        var quark = Median(Column(Shared, JetFeatures.MassMmdt, JetFeatures.LightQuark));
        var gluon = Median(Column(Shared, JetFeatures.MassMmdt, JetFeatures.Gluon));

        output.WriteLine($"median j_mass_mmdt: q {quark:F1} GeV, g {gluon:F1} GeV");

        // Leading-log QCD at pT ~ 1 TeV, R = 0.8, z_cut = 0.1: a hard (z > 0.1) emission inside the jet is about
        // C_A / C_F = 9/4 times likelier for a gluon, which puts the gluon median near 60 GeV (docs/data.md).
        Assert.InRange(quark, 5, 40);
        Assert.InRange(gluon, 1.5 * quark, 80);
    }

    [Fact]
    public void Gluons_radiate_more_particles_than_quarks()
    {
        var gluon = Column(Shared, JetFeatures.Multiplicity, JetFeatures.Gluon);
        var quark = Column(Shared, JetFeatures.Multiplicity, JetFeatures.LightQuark);

        output.WriteLine($"mean j_multiplicity: g {gluon.Average():F1}, q {quark.Average():F1}");
        Assert.True(gluon.Average() > quark.Average() * 1.3, $"gluon {gluon.Average():F1} vs quark {quark.Average():F1}");
        Assert.All(gluon.Concat(quark), m => Assert.Equal(Math.Round(m), m));
    }

    [Theory]
    [InlineData(JetFeatures.N2Beta1)]
    [InlineData(JetFeatures.N2Beta2)]
    [InlineData(JetFeatures.D2Beta1)]
    [InlineData(JetFeatures.D2Beta2)]
    public void Two_prong_boson_jets_have_lower_n2_and_d2_than_one_prong_jets(int feature)
    {
        var medians = Enumerable.Range(0, JetFeatures.ClassCount).Select(c => Median(Column(Shared, feature, c))).ToArray();

        output.WriteLine($"median {Shared.FeatureNames[feature]}: {string.Join(", ", medians.Select((m, c) => $"{Shared.ClassNames[c]} {m:G3}"))}");
        foreach (var boson in new[] { JetFeatures.WBoson, JetFeatures.ZBoson })
        {
            Assert.True(medians[boson] < medians[JetFeatures.LightQuark], $"{Shared.ClassNames[boson]} vs q");
            Assert.True(medians[boson] < medians[JetFeatures.Gluon], $"{Shared.ClassNames[boson]} vs g");
        }
    }

    [Theory]
    [InlineData(JetFeatures.C2Beta1, new[] { JetFeatures.Gluon, JetFeatures.LightQuark, JetFeatures.WBoson, JetFeatures.ZBoson })]
    [InlineData(JetFeatures.C2Beta2, new[] { JetFeatures.Gluon, JetFeatures.LightQuark, JetFeatures.WBoson, JetFeatures.ZBoson })]
    [InlineData(JetFeatures.D2Beta1, new[] { JetFeatures.WBoson, JetFeatures.ZBoson })]
    [InlineData(JetFeatures.N2Beta1, new[] { JetFeatures.WBoson, JetFeatures.ZBoson })]
    public void Three_prong_top_jets_have_more_three_point_structure(int feature, int[] others)
    {
        var top = Median(Column(Shared, feature, JetFeatures.TopQuark));

        foreach (var other in others)
        {
            Assert.True(top > Median(Column(Shared, feature, other)), $"{Shared.FeatureNames[feature]}: t vs {Shared.ClassNames[other]}");
        }
    }

    [Fact]
    public void Every_value_is_finite()
    {
        Assert.All(Shared.Rows.Features, value => Assert.True(float.IsFinite(value)));
    }

    [Fact]
    public void Groomed_mass_and_e2_beta2_agree_as_for_massless_constituents()
    {
        // m² = Σ 2 p_i·p_j ≈ pT² e2^(2) at small angles, and the groomed pT varies little: log m and log e2^(2) move together.
        var rows = Enumerable.Range(0, Shared.RowCount).Where(r => Shared.Rows.Row(r)[JetFeatures.MassMmdt] > 1).ToArray();
        var logMass = rows.Select(r => Math.Log(Shared.Rows.Row(r)[JetFeatures.MassMmdt])).ToArray();
        var logC1 = rows.Select(r => Math.Log(Shared.Rows.Row(r)[JetFeatures.C1Beta2])).ToArray();

        Assert.True(Correlation(logMass, logC1) > 0.95);
    }

    [Fact]
    public void More_particles_share_the_energy_more_evenly()
    {
        var rows = Enumerable.Range(0, Shared.RowCount).ToArray();
        var zLogZ = rows.Select(r => (double)Shared.Rows.Row(r)[JetFeatures.ZLogZ]).ToArray();
        var multiplicity = rows.Select(r => (double)Shared.Rows.Row(r)[JetFeatures.Multiplicity]).ToArray();

        Assert.True(Correlation(zLogZ, multiplicity) < -0.5);
    }

    [Fact]
    public void Ten_thousand_jets_generate_and_report_their_time()
    {
        var watch = Stopwatch.StartNew();
        var samples = JetGenerator.Generate(10_000, seed: 1);
        watch.Stop();

        // Timing is reported, never asserted: it depends on the machine, its load and the build configuration.
        output.WriteLine($"10,000 jets in {watch.ElapsedMilliseconds} ms on {Environment.ProcessorCount} cores");
        Assert.Equal(10_000, samples.RowCount);
        Assert.Equal(10_000 * 16, samples.Rows.Features.Length);
    }

    private static double Correlation(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }

        return covariance / Math.Sqrt(varianceX * varianceY);
    }
}
