using System.Text.Json.Nodes;
using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;
using Codesign.Core.Spec;

namespace Codesign.Core.Tests;

/// <summary><c>hls.output</c> and <c>hls.softmax_table_size</c>: what the firmware's result port carries.</summary>
public class HlsOutputSpecTests
{
    private const string Quantized = SpecText.Minimal + "\nprecision: { weights: 6 }\n";

    private const string Autoencoder = """
        model:
          input_shape: [8, 8, 1]
          encoder:
            - { name: conv, type: conv2d, filters: 8, kernel: 3, stride: 2, padding: 1, activation: relu }
            - { name: flatten, type: flatten }
            - { name: enc_dense, type: dense, units: 16, activation: relu }
          decoder:
            - { name: dec_dense, type: dense, units: 128, activation: relu }
            - { name: unflatten, type: reshape, shape: [4, 4, 8] }
            - { name: deconv_1, type: conv_transpose2d, filters: 8, kernel: 3, stride: 2, padding: 1, output_padding: 1, activation: relu }
            - { name: deconv_2, type: conv_transpose2d, filters: 1, kernel: 3, stride: 1, padding: 1, activation: sigmoid }
        data:
          source: hgcal
          samples: 1000
        precision: { weights: 6 }
        """;

    private static HlsSpec Hls(string lines) => SpecText.Parse(Quantized + "hls:\n" + lines).Hls;

    [Fact]
    public void The_output_defaults_to_logits_and_no_softmax_table_size()
    {
        var hls = SpecText.Parse(Quantized).Hls;

        Assert.Equal(HlsOutput.Logits, hls.Output);
        Assert.Null(hls.SoftmaxTableSizeOrNull);
        Assert.Equal(HlsOutput.Logits, Hls("  clock_period: 4\n").Output);
        Assert.Equal(HlsOutput.Logits, Hls("  output: logits\n").Output);
    }

    [Fact]
    public void A_softmax_output_gets_the_default_table_size_or_the_one_given()
    {
        var hls = Hls("  output: softmax\n");
        Assert.Equal(HlsOutput.Softmax, hls.Output);
        Assert.Equal(SoftmaxTables.DefaultTableSize, hls.SoftmaxTableSizeOrNull);

        Assert.Equal(64, Hls("  output: softmax\n  softmax_table_size: 64\n").SoftmaxTableSizeOrNull);
        Assert.Equal(65536, Hls("  output: softmax\n  softmax_table_size: 65536\n").SoftmaxTableSizeOrNull);
    }

    [Fact]
    public void The_sample_jet_tagger_accepts_a_softmax_output()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "jet_tagger.yaml"));

        var spec = SpecText.Parse(text + "\nhls:\n  output: softmax\n  softmax_table_size: 4096\n");

        Assert.Equal(ModelTask.Classification, spec.Model.Task);
        Assert.Equal(HlsOutput.Softmax, spec.Hls.Output);
        Assert.Equal(4096, spec.Hls.SoftmaxTableSizeOrNull);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(96)]
    [InlineData(65535)]
    public void A_table_size_that_is_not_a_power_of_two_is_an_error_at_its_key(int size)
    {
        var error = SpecText.SingleError(Quantized + $"hls:\n  output: softmax\n  softmax_table_size: {size}\n");

        Assert.Equal(DiagnosticCodes.InvalidChoice, error.Code);
        Assert.Equal((11, 3), (error.Location.Line, error.Location.Column));
        Assert.Contains("'hls.softmax_table_size' must be a power of two", error.Message, StringComparison.Ordinal);
        Assert.Contains($"got {size}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(131072)]
    public void A_table_size_outside_64_to_65536_is_out_of_range(int size)
    {
        var error = SpecText.SingleError(Quantized + $"hls:\n  output: softmax\n  softmax_table_size: {size}\n");

        Assert.Equal(DiagnosticCodes.OutOfRange, error.Code);
        Assert.Equal(11, error.Location.Line);
        Assert.Contains("between 64 and 65536", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  softmax_table_size: 256\n")]
    [InlineData("  output: logits\n  softmax_table_size: 256\n")]
    public void A_table_size_without_a_softmax_output_is_inconsistent(string lines)
    {
        var error = SpecText.SingleError(Quantized + "hls:\n" + lines);

        Assert.Equal(DiagnosticCodes.InconsistentSpec, error.Code);
        Assert.Equal((9 + lines.Count(c => c == '\n'), 3), (error.Location.Line, error.Location.Column));
        Assert.Contains("'hls.softmax_table_size' applies only with 'hls.output: softmax'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_softmax_output_on_an_autoencoder_is_inconsistent_at_the_output_key()
    {
        Assert.Equal(ModelTask.Reconstruction, SpecText.Parse(Autoencoder).Model.Task);
        Assert.Equal(HlsOutput.Logits, SpecText.Parse(Autoencoder + "\nhls: { output: logits }\n").Hls.Output);

        var error = SpecText.SingleError(Autoencoder + "\nhls:\n  clock_period: 4\n  output: softmax\n");

        Assert.Equal(DiagnosticCodes.InconsistentSpec, error.Code);
        Assert.Equal((18, 3), (error.Location.Line, error.Location.Column));
        Assert.Contains("'hls.output: softmax' needs a classifier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_output_is_an_invalid_choice_listing_logits_and_softmax()
    {
        var error = SpecText.SingleError(Quantized + "hls:\n  output: probabilities\n");

        Assert.Equal(DiagnosticCodes.InvalidChoice, error.Code);
        Assert.Equal((10, 11), (error.Location.Line, error.Location.Column));
        Assert.Contains("'hls.output' must be one of 'logits', 'softmax', got 'probabilities'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_hls_fingerprint_changes_with_the_output()
    {
        var logits = SpecText.Parse(Quantized + "hls: { output: logits }\n").SectionHashes;
        var softmax = SpecText.Parse(Quantized + "hls: { output: softmax }\n").SectionHashes;
        var larger = SpecText.Parse(Quantized + "hls: { output: softmax, softmax_table_size: 4096 }\n").SectionHashes;

        Assert.Equal(logits.Keys.Order(StringComparer.Ordinal), softmax.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["hls"], logits.Keys.Where(key => logits[key] != softmax[key]));
        Assert.Equal(["hls"], softmax.Keys.Where(key => softmax[key] != larger[key]));
    }

    [Fact]
    public void Spelled_out_defaults_leave_the_hls_fingerprint_alone()
    {
        string Hash(string hls) => SpecText.Parse(Quantized + hls).SectionHashes["hls"];

        Assert.Equal(Hash("hls: { clock_period: 5 }\n"), Hash("hls: { clock_period: 5, output: logits }\n"));
        Assert.Equal(Hash("hls: { output: softmax }\n"), Hash("hls: { output: softmax, softmax_table_size: 1024 }\n"));
    }

    [Fact]
    public void The_schema_offers_the_outputs_and_table_sizes_the_reader_accepts()
    {
        var hls = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "codesign-spec.schema.json")))!["properties"]!["hls"]!["properties"]!;
        var sizes = hls["softmax_table_size"]!["enum"]!.AsArray().Select(size => (int)size!).ToArray();

        Assert.Equal(["logits", "softmax"], hls["output"]!["enum"]!.AsArray().Select(choice => (string)choice!));
        Assert.Equal("logits", (string)hls["output"]!["default"]!);
        Assert.Equal(SoftmaxTables.DefaultTableSize, (int)hls["softmax_table_size"]!["default"]!);
        Assert.Equal((SoftmaxTables.MinTableSize, SoftmaxTables.MaxTableSize), (sizes[0], sizes[^1]));
        Assert.All(sizes, size => Assert.Equal(HlsOutput.Softmax, Hls($"  output: softmax\n  softmax_table_size: {size}\n").Output));
        Assert.Equal(1 + int.Log2(SoftmaxTables.MaxTableSize / SoftmaxTables.MinTableSize), sizes.Length);
    }
}
