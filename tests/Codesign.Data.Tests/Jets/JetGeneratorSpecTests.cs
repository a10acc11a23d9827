using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Jets;

namespace Codesign.Data.Tests.Jets;

public sealed class JetGeneratorSpecTests
{
    [Fact]
    public void Spec_selects_features_in_the_requested_order()
    {
        var all = JetGenerator.Generate(Specs.Jets(500, seed: 4));
        var selected = JetGenerator.Generate(Specs.Jets(500, seed: 4, features: ["j_multiplicity", "j_zlogz"]));

        Assert.Equal(["j_multiplicity", "j_zlogz"], selected.FeatureNames);
        for (var row = 0; row < 500; row++)
        {
            Assert.Equal(all.Rows.Row(row)[JetFeatures.Multiplicity], selected.Rows.Row(row)[0]);
            Assert.Equal(all.Rows.Row(row)[JetFeatures.ZLogZ], selected.Rows.Row(row)[1]);
        }

        Assert.Equal(all.Rows.Labels, selected.Rows.Labels);
    }

    [Fact]
    public void Unknown_features_are_reported_at_their_spec_nodes()
    {
        var diagnostics = Errors.Of(() => JetGenerator.Generate(Specs.Jets(500, features: ["j_zlogz", "j_mas_mmdt", "pt"])));

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.UnknownColumn, d.Code));
        Assert.Equal(Specs.FeatureNode(1), diagnostics[0].Location);
        Assert.Contains("did you mean 'j_mass_mmdt'?", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("j_multiplicity", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(Specs.FeatureNode(2), diagnostics[1].Location);
    }

    [Fact]
    public void Spec_classes_select_and_order_classes_with_their_mix()
    {
        var samples = JetGenerator.Generate(Specs.Jets(3_000, classes: ["z", "w"], classMix: [2, 1]));

        Assert.Equal(["z", "w"], samples.ClassNames);
        Assert.Equal(2_000, samples.Rows.Labels.Count(l => l == 0));
        Assert.Equal(1_000, samples.Rows.Labels.Count(l => l == 1));
        var zMass = Enumerable.Range(0, 3_000).Where(r => samples.Rows.Labels[r] == 0).Average(r => samples.Rows.Row(r)[JetFeatures.MassMmdt]);
        var wMass = Enumerable.Range(0, 3_000).Where(r => samples.Rows.Labels[r] == 1).Average(r => samples.Rows.Row(r)[JetFeatures.MassMmdt]);
        Assert.True(zMass > wMass);
    }

    [Fact]
    public void Unknown_class_is_an_invalid_choice()
    {
        var diagnostic = Errors.Single(() => JetGenerator.Generate(Specs.Jets(500, classes: ["w", "higgs"])));

        Assert.Equal(DiagnosticCodes.InvalidChoice, diagnostic.Code);
        Assert.Equal(Specs.ClassesNode, diagnostic.Location);
        Assert.Contains("g, q, w, z, t", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_mix_needs_one_weight_per_class()
    {
        var diagnostic = Errors.Single(() => JetGenerator.Generate(Specs.Jets(500, classMix: [1, 2])));

        Assert.Equal(DiagnosticCodes.InconsistentSpec, diagnostic.Code);
        Assert.Equal(Specs.ClassMixNode, diagnostic.Location);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Class_mix_weights_must_be_non_negative(double weight)
    {
        var diagnostic = Errors.Single(() => JetGenerator.Generate(Specs.Jets(500, classMix: [1, 1, weight, 1, 1])));

        Assert.Equal(DiagnosticCodes.OutOfRange, diagnostic.Code);
        Assert.Equal(Specs.ClassMixNode, diagnostic.Location);
    }

    [Fact]
    public void Too_few_samples_is_reported_at_the_samples_node()
    {
        var diagnostic = Errors.Single(() => JetGenerator.Generate(Specs.Jets(12, split: new SplitSpec(0.05, 0.2, 1))));

        Assert.Equal(DiagnosticCodes.TooFewRows, diagnostic.Code);
        Assert.Equal(Specs.SamplesNode, diagnostic.Location);
        Assert.Contains("found 12 rows", diagnostic.Message, StringComparison.Ordinal);
    }
}
