using System.Text.Json;
using Codesign.Core.Diagnostics;

namespace Codesign.Synthesis.Tests;

public sealed class SynthesisReportFileTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_Vitis_report_reads_back_equal_and_kind_is_the_first_key()
    {
        var report = VitisReport();
        var path = directory.Combine("synth", SynthesisReportFile.FileName);

        SynthesisReportFile.Write(path, report);

        Assert.Equal(report, SynthesisReportFile.Read(path));
        var text = File.ReadAllText(path);
        Assert.StartsWith("{\n  \"kind\": \"vitis_hls\",\n", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_estimate_keeps_its_kind_and_writes_unknown_fields_as_null()
    {
        var estimate = new SynthesisReport
        {
            Source = SynthesisReportSource.Estimate,
            TopName = "myproject",
            Clock = new ClockSummary(TargetNs: 5.0, UncertaintyNs: null, EstimatedNs: null),
            Latency = new LatencySummary(6, 6, 30.0, 30.0, LatencyTimeBasis.CyclesTimesTargetClock, 1, 1),
            Resources = new ResourceCounts(Lut: 12000, Ff: null, Dsp: 40, Bram18K: null, Uram: null),
        };
        var path = directory.Combine("synth", SynthesisReportFile.FileName);

        SynthesisReportFile.Write(path, estimate);

        Assert.Equal(estimate, SynthesisReportFile.Read(path));
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("estimate", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("resources").GetProperty("bram_18k").ValueKind);
        Assert.Equal("cycles_times_target_clock", json.RootElement.GetProperty("latency").GetProperty("ns_basis").GetString());
    }

    [Fact]
    public void The_same_report_is_always_the_same_bytes()
    {
        Assert.Equal(SynthesisReportFile.ToJson(VitisReport()), SynthesisReportFile.ToJson(VitisReport() with { }));
    }

    [Fact]
    public void Truncated_json_is_a_malformed_report_error_with_a_line()
    {
        var path = directory.Combine(SynthesisReportFile.FileName);
        var text = SynthesisReportFile.ToJson(VitisReport());
        File.WriteAllText(path, text[..(text.Length / 2)]);

        var error = Assert.Throws<CodesignException>(() => SynthesisReportFile.Read(path));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.MalformedSynthesisReport, diagnostic.Code);
        Assert.Equal(path, diagnostic.Location.File);
        Assert.True(diagnostic.Location.Line > 1);
    }

    [Theory]
    [InlineData("\"kind\": \"vitis_hls\"", "\"kind\": \"guess\"")]
    [InlineData("\"kind\": \"vitis_hls\"", "\"kind\": 0")]
    [InlineData("\"top_name\": \"myproject\",", "")]
    public void A_wrong_kind_or_a_missing_field_is_rejected(string original, string replacement)
    {
        var path = directory.Combine(SynthesisReportFile.FileName);
        File.WriteAllText(path, SynthesisReportFile.ToJson(VitisReport()).Replace(original, replacement, StringComparison.Ordinal));

        var error = Assert.Throws<CodesignException>(() => SynthesisReportFile.Read(path));

        Assert.Equal(DiagnosticCodes.MalformedSynthesisReport, error.Diagnostics[0].Code);
    }

    private static SynthesisReport VitisReport() => new()
    {
        Source = SynthesisReportSource.VitisHls,
        TopName = "myproject",
        Part = "xcvu13p-flga2577-2-e",
        ToolVersion = "2023.1",
        Clock = new ClockSummary(3.125, 0.84, 2.786),
        Latency = new LatencySummary(7, 9, 21.875, 28.125, LatencyTimeBasis.CyclesTimesTargetClock, 1, 1),
        Resources = new ResourceCounts(9870, 3155, 41, 2, 0),
        AvailableResources = new ResourceCounts(1728000, 3456000, 12288, 5376, 1280),
        PostSynthesisResources = new ResourceCounts(8412, 2977, 39, 3, 2),
    };
}
