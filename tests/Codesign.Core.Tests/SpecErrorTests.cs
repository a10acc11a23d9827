using Codesign.Core.Diagnostics;

namespace Codesign.Core.Tests;

/// <summary>Every validation error: its stable code and the exact line and column of the offending node.</summary>
public class SpecErrorTests
{
    private static void AssertError(string yaml, string code, int line, int column, string messagePart)
    {
        var error = SpecText.SingleError(yaml);
        Assert.Equal(code, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(SpecText.FilePath, error.Location.File);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_points_at_the_value() =>
        AssertError(SpecText.Minimal + "\ntraining:\n  epochs: ten\n", DiagnosticCodes.WrongType, 9, 11, "'training.epochs' must be an integer, got 'ten'");

    [Fact]
    public void Quoted_number_is_not_an_integer() =>
        AssertError(SpecText.Minimal + "\ntraining:\n  epochs: \"10\"\n", DiagnosticCodes.WrongType, 9, 11, "must be an integer");

    [Fact]
    public void Out_of_range_value_names_the_range() =>
        AssertError(SpecText.Minimal + "\ntraining:\n  epochs: 0\n", DiagnosticCodes.OutOfRange, 9, 11, "between 1 and 100000, got 0");

    [Fact]
    public void Unknown_key_suggests_the_nearest_known_key() =>
        AssertError(SpecText.Minimal + "\ntraining:\n  learning_rat: 0.1\n", DiagnosticCodes.UnknownKey, 9, 3, "did you mean 'learning_rate'?");

    [Fact]
    public void Unknown_top_level_section_is_an_error() =>
        AssertError(SpecText.Minimal + "\nfirmware:\n  part: xcvu9p\n", DiagnosticCodes.UnknownKey, 8, 1, "unknown key 'firmware'");

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence() =>
        AssertError(SpecText.Minimal + "\ntraining:\n  epochs: 3\n  epochs: 4\n", DiagnosticCodes.DuplicateKey, 10, 3, "first defined at line 9");

    [Fact]
    public void Invalid_choice_lists_the_choices() =>
        AssertError(SpecText.Minimal + "\ntraining:\n  optimizer: adamw\n", DiagnosticCodes.InvalidChoice, 9, 14, "must be one of 'adam', 'sgd', got 'adamw'; did you mean 'adam'?");

    [Fact]
    public void Missing_section_is_reported() =>
        AssertError("data: { source: jets }\n", DiagnosticCodes.MissingKey, 1, 1, "the section 'model' is required");

    [Fact]
    public void Missing_layer_units_points_at_the_layer() =>
        AssertError("model:\n  layers:\n    - { type: dense }\n    - { units: 5 }\ndata: { source: jets }\n", DiagnosticCodes.MissingKey, 3, 7, "'model.layers[0].units' is required");

    [Fact]
    public void Output_layer_must_match_the_class_count() =>
        AssertError("model:\n  layers:\n    - { units: 8 }\n    - { units: 4 }\ndata: { source: jets }\n", DiagnosticCodes.InconsistentSpec, 4, 7, "has 4 units but the data has 5 classes");

    [Fact]
    public void Inputs_must_match_the_feature_count() =>
        AssertError("model:\n  inputs: 12\n  layers: [ { units: 5 } ]\ndata: { source: jets }\n", DiagnosticCodes.InconsistentSpec, 2, 11, "provides 16 features");

    [Fact]
    public void Layer_that_is_not_a_mapping_is_reported() =>
        AssertError("model:\n  layers:\n    - 64\n    - { units: 5 }\ndata: { source: jets }\n", DiagnosticCodes.WrongType, 3, 7, "'model.layers[0]' must be a mapping");

    [Fact]
    public void Duplicate_layer_names_are_reported() =>
        AssertError("model:\n  layers:\n    - { name: a, units: 8 }\n    - { name: a, units: 5 }\ndata: { source: jets }\n", DiagnosticCodes.DuplicateKey, 4, 9, "layer name 'a' is used twice");

    [Fact]
    public void Layer_names_that_give_the_same_identifier_are_reported() =>
        AssertError("model:\n  layers:\n    - { name: dense_1, units: 8 }\n    - { name: dense-1, units: 5 }\ndata: { source: jets }\n", DiagnosticCodes.DuplicateKey, 4, 9, "layer name 'dense-1' becomes the identifier 'dense_1', which another layer has too");

    [Theory]
    [InlineData("softmax", "reserved for the graph's own softmax output (reserved: global_in, global_out, softmax)")]
    [InlineData("global_out", "reserved for the graph's own input and output")]
    [InlineData("global-in", "layer name 'global-in' is reserved")]
    public void Layer_names_the_graph_uses_itself_are_reported(string name, string message) =>
        AssertError($"model:\n  layers:\n    - {{ name: a, units: 8 }}\n    - {{ name: {name}, units: 5 }}\ndata: {{ source: jets }}\n", DiagnosticCodes.InvalidChoice, 4, 9, message);

    [Fact]
    public void Unknown_generator_feature_suggests_a_name() =>
        AssertError("model: { layers: [ { units: 5 } ] }\ndata:\n  source: jets\n  features: [j_zlogz, j_mass_mmdtt]\n", DiagnosticCodes.UnknownColumn, 4, 23, "did you mean 'j_mass_mmdt'?");

    [Fact]
    public void Csv_source_requires_path_label_and_features()
    {
        var errors = SpecText.Errors("model: { inputs: 2, layers: [ { units: 3 } ] }\ndata:\n  source: csv\n");

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.MissingKey, e.Code));
        Assert.Contains(errors, e => e.Message.Contains("'data.path' is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'data.label' is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'data.features' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Generator_key_on_csv_source_is_inconsistent() =>
        AssertError("model: { layers: [ { units: 2 } ] }\ndata:\n  source: csv\n  path: a.csv\n  label: y\n  features: [x]\n  samples: 10\n",
            DiagnosticCodes.InconsistentSpec, 7, 3, "'data.samples' does not apply to source 'csv'");

    [Fact]
    public void Class_mix_needs_one_weight_per_class() =>
        AssertError(SpecText.Minimal + "\n  class_mix: [1, 2]\n", DiagnosticCodes.OutOfRange, 8, 14, "needs one weight per class (5");

    [Fact]
    public void Split_fractions_must_leave_data_for_training() =>
        AssertError(SpecText.Minimal + "\n  split: { validation: 0.5, test: 0.5 }\n", DiagnosticCodes.OutOfRange, 8, 10, "leaves too little for training");

    [Fact]
    public void Momentum_applies_only_to_sgd() =>
        AssertError(SpecText.Minimal + "\ntraining:\n  momentum: 0.5\n", DiagnosticCodes.InconsistentSpec, 9, 3, "applies only to optimizer 'sgd'");

    [Fact]
    public void Step_parameters_apply_only_to_step_schedule() =>
        AssertError(SpecText.Minimal + "\ntraining:\n  schedule: { type: cosine, gamma: 0.5 }\n", DiagnosticCodes.InconsistentSpec, 9, 29, "applies only to type 'step'");

    [Fact]
    public void Several_errors_are_reported_together_in_file_order()
    {
        var errors = SpecText.Errors(SpecText.Minimal + "\ntraining:\n  epochs: -1\n  batch_size: big\n  bogus: 1\n");

        Assert.Equal([DiagnosticCodes.OutOfRange, DiagnosticCodes.WrongType, DiagnosticCodes.UnknownKey], errors.Select(e => e.Code));
        Assert.Equal([9, 10, 11], errors.Select(e => e.Location.Line));
    }

    [Fact]
    public void Yaml_syntax_error_has_a_position() =>
        AssertError("model:\n  layers: [ { units: 5 } ]\ndata: { source: jets\n", DiagnosticCodes.YamlSyntax, 4, 1, "invalid YAML: While parsing a flow mapping");

    [Fact]
    public void Unclosed_flow_sequence_is_reported_after_the_last_good_token() =>
        AssertError("model:\n  layers: [ { units: 5 }\ndata: { source: jets }\n", DiagnosticCodes.YamlSyntax, 2, 9, "look for an unclosed");

    [Fact]
    public void Scanner_failure_without_a_mark_still_gets_a_position()
    {
        // YamlDotNet throws a bare InvalidOperationException here (aaubry/YamlDotNet#541).
        var error = SpecText.SingleError("model:\n  tags: [a, b\nepochs: 2\n");

        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.True(error.Location.Line >= 1);
    }

    [Fact]
    public void Empty_spec_is_reported() =>
        AssertError(string.Empty, DiagnosticCodes.WrongType, 1, 1, "a spec must be a mapping");

    [Fact]
    public void Scalar_root_is_reported() =>
        AssertError("just text\n", DiagnosticCodes.WrongType, 1, 1, "a spec must be a mapping");

    [Fact]
    public void Second_document_is_rejected() =>
        AssertError(SpecText.Minimal + "\n---\nother: 1\n", DiagnosticCodes.UnsupportedYamlFeature, 8, 1, "exactly one YAML document");

    [Fact]
    public void Alias_without_anchor_is_reported() =>
        AssertError("model:\n  layers:\n    - *nothing\ndata: { source: jets }\n", DiagnosticCodes.YamlSyntax, 3, 7, "refers to no anchor");

    [Fact]
    public void Missing_file_is_reported_without_a_position()
    {
        var exception = Assert.Throws<CodesignException>(() => Codesign.Core.Spec.SpecReader.ReadFile("/no/such/spec.yaml"));

        var error = Assert.Single(exception.Diagnostics);
        Assert.Equal(DiagnosticCodes.SpecNotFound, error.Code);
        Assert.Equal("/no/such/spec.yaml: error CSD0001: spec file not found", error.ToString());
    }

    [Fact]
    public void Unknown_jet_class_is_an_invalid_choice() =>
        AssertError("model: { layers: [ { units: 2 } ] }\ndata:\n  source: jets\n  classes: [w, zz]\n", DiagnosticCodes.InvalidChoice, 4, 3, "'zz' is not a jet generator class; expected some of: g, q, w, z, t; did you mean 'z'?");
}
