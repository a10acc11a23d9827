namespace Codesign.Core.Tests;

/// <summary>Section hashes decide what re-runs, so formatting must not move them and meaning must.</summary>
public class SectionFingerprintTests
{
    private const string Baseline = """
        name: demo
        description: first
        model:
          layers:
            - { units: 8, activation: relu }
            - { units: 5 }
        data:
          source: jets
          samples: 1000
        training:
          epochs: 3
          learning_rate: 0.01
        """;

    private static IReadOnlyDictionary<string, string> Hashes(string yaml) => SpecText.Parse(yaml).SectionHashes;

    [Fact]
    public void Comments_formatting_and_description_change_no_hash()
    {
        var edited = """
            # a new comment
            name: demo
            description: rewritten entirely
            metadata: { author: someone }
            model:
              layers: [ { activation: relu, units: 8 }, { units: 5 } ]   # reordered keys, flow style
            training: { learning_rate: 1e-2, epochs: 3 }
            data: { samples: 1000, source: jets }
            """;

        Assert.Equal(Hashes(Baseline), Hashes(edited));
    }

    [Fact]
    public void Spelling_out_a_default_changes_no_hash()
    {
        Assert.Equal(Hashes(Baseline), Hashes(Baseline + "\n  batch_size: 1024\n  optimizer: adam\n"));
    }

    [Fact]
    public void Changing_epochs_changes_only_the_training_hash()
    {
        var before = Hashes(Baseline);
        var after = Hashes(Baseline.Replace("epochs: 3", "epochs: 4", StringComparison.Ordinal));

        Assert.NotEqual(before["training"], after["training"]);
        Assert.Equal(before["model"], after["model"]);
        Assert.Equal(before["data"], after["data"]);
    }

    [Fact]
    public void Changing_the_data_changes_only_the_data_hash()
    {
        var before = Hashes(Baseline);
        var after = Hashes(Baseline.Replace("samples: 1000", "samples: 2000", StringComparison.Ordinal));

        Assert.NotEqual(before["data"], after["data"]);
        Assert.Equal(before["training"], after["training"]);
        Assert.Equal(before["model"], after["model"]);
    }

    [Fact]
    public void Changing_a_layer_changes_only_the_model_hash()
    {
        var before = Hashes(Baseline);
        var after = Hashes(Baseline.Replace("units: 8", "units: 9", StringComparison.Ordinal));

        Assert.NotEqual(before["model"], after["model"]);
        Assert.Equal(before["training"], after["training"]);
    }
}
