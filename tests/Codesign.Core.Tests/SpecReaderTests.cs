using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Core.Tests;

public class SpecReaderTests
{
    [Fact]
    public void Sample_jet_tagger_spec_is_valid_and_describes_the_16_64_32_32_5_mlp()
    {
        var spec = SpecReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "jet_tagger.yaml"));

        Assert.Equal("jet_tagger", spec.Name);
        Assert.Equal(16, spec.Model.Inputs);
        Assert.Equal([64, 32, 32, 5], spec.Model.Layers.Select(l => l.Units));
        Assert.Equal([Activation.Relu, Activation.Relu, Activation.Relu, Activation.None], spec.Model.Layers.Select(l => l.Activation));
        Assert.Equal(DataSource.Jets, spec.Data.Source);
        Assert.Equal(JetDataCatalog.ClassNames, spec.Data.Classes);
    }

    [Fact]
    public void Omitted_keys_take_the_documented_defaults()
    {
        var spec = SpecText.Parse(SpecText.Minimal);

        Assert.Equal(SpecDefaults.Epochs, spec.Training.Epochs);
        Assert.Equal(SpecDefaults.BatchSize, spec.Training.BatchSize);
        Assert.Equal(OptimizerKind.Adam, spec.Training.Optimizer);
        Assert.Equal(SpecDefaults.LearningRate, spec.Training.LearningRate);
        Assert.Equal(ScheduleKind.Constant, spec.Training.Schedule.Kind);
        Assert.Equal(new SplitSpec(0.1, 0.2, 42), spec.Data.Split);
        Assert.Equal("spec", spec.Name);
        Assert.Equal(["dense_1", "dense_2"], spec.Model.Layers.Select(l => l.Name));
    }

    [Fact]
    public void Csv_source_resolves_its_path_against_the_spec_folder()
    {
        var spec = SpecText.Parse("""
            model: { layers: [ { units: 3 } ] }
            data:
              source: csv
              path: data/iris.csv
              features: [a, b]
              label: species
            """);

        Assert.Equal([Path.GetFullPath("/specs/data/iris.csv")], spec.Data.Files!.Patterns);
        Assert.Equal(2, spec.Model.Inputs);
        Assert.Equal(new SourceSpan(SpecText.FilePath, 4, 9, 4, 22), spec.Data.Files.Locations[0]);
    }

    [Fact]
    public void Step_schedule_mapping_is_read_with_its_parameters()
    {
        var spec = SpecText.Parse(SpecText.Minimal + "\ntraining:\n  schedule: { type: step, step_size: 5, gamma: 0.5 }\n");

        Assert.Equal(new ScheduleSpec(ScheduleKind.Step, 5, 0.5), spec.Training.Schedule);
    }

    [Fact]
    public void Anchors_and_aliases_are_resolved()
    {
        var spec = SpecText.Parse("""
            model:
              layers:
                - &hidden { units: 16 }
                - *hidden
                - { units: 5 }
            data: { source: jets }
            """);

        Assert.Equal([16, 16, 5], spec.Model.Layers.Select(l => l.Units));
    }

    [Fact]
    public void Jet_generator_accepts_a_subset_of_its_classes()
    {
        var spec = SpecText.Parse("model: { layers: [ { units: 2 } ] }\ndata:\n  source: jets\n  classes: [w, z]\n  class_mix: [1, 2]\n");

        Assert.Equal(["w", "z"], spec.Data.Classes);
        Assert.Equal([1.0, 2.0], spec.Data.ClassMix);
    }
}
