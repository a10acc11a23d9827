using Codesign.Core.Diagnostics;

namespace Codesign.Synthesis.Tests;

public sealed class SynthesisReportParserTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Parses_latency_and_resources_from_a_Vivado_HLS_2020_csynth_xml()
    {
        var path = directory.WriteFile("myproject_csynth.xml", CsynthXml.VivadoHls2020());

        var report = SynthesisReportParser.ParseCsynthXml(path);

        Assert.Equal(SynthesisReportSource.VitisHls, report.Source);
        Assert.Equal("myproject", report.TopName);
        Assert.Equal("xc7z020-clg400-1", report.Part);
        Assert.Equal("2020.1", report.ToolVersion);
        Assert.Equal(new ClockSummary(5.0, 0.62, 4.312), report.Clock);
        Assert.Equal(new LatencySummary(12, 14, 60.0, 70.0, LatencyTimeBasis.ReportedByTool, 1, 1), report.Latency);
        Assert.Equal(new ResourceCounts(Lut: 11342, Ff: 6120, Dsp: 58, Bram18K: 4, Uram: 0), report.Resources);
        Assert.Equal(new ResourceCounts(Lut: 53200, Ff: 106400, Dsp: 220, Bram18K: 280, Uram: 0), report.AvailableResources);
        Assert.Null(report.PostSynthesisResources);
    }

    [Fact]
    public void Parses_latency_and_resources_from_a_Vitis_csynth_xml()
    {
        var path = directory.WriteFile("myproject_csynth.xml", CsynthXml.VitisHls2023());

        var report = SynthesisReportParser.ParseCsynthXml(path);

        Assert.Equal("2023.1", report.ToolVersion);
        Assert.Equal("xcvu13p-flga2577-2-e", report.Part);
        Assert.Equal(new ResourceCounts(Lut: 9870, Ff: 3155, Dsp: 41, Bram18K: 2, Uram: 0), report.Resources);
        Assert.Equal(1280, report.AvailableResources!.Uram);
        Assert.Equal(3.125, report.Clock.TargetNs);
        Assert.Equal(2.786, report.Clock.EstimatedNs);
    }

    [Fact]
    public void Without_real_time_strings_the_nanoseconds_are_cycles_times_the_target_clock()
    {
        var path = directory.WriteFile("myproject_csynth.xml", CsynthXml.VitisHls2023(bestLatency: "7", worstLatency: "9"));

        var latency = SynthesisReportParser.ParseCsynthXml(path).Latency;

        Assert.Equal(LatencyTimeBasis.CyclesTimesTargetClock, latency.NsBasis);
        Assert.Equal(7 * 3.125, latency.BestNs);
        Assert.Equal(9 * 3.125, latency.WorstNs);
    }

    [Theory]
    [InlineData("undef")]
    [InlineData("-")]
    public void Unknown_latency_of_a_dataflow_design_is_null_not_zero(string unknown)
    {
        var path = directory.WriteFile("myproject_csynth.xml", CsynthXml.VitisHls2023(bestLatency: unknown, worstLatency: unknown, intervalMin: unknown, intervalMax: unknown));

        var latency = SynthesisReportParser.ParseCsynthXml(path).Latency;

        Assert.Equal(new LatencySummary(null, null, null, null, null, null, null), latency);
    }

    [Fact]
    public void Real_time_latency_in_microseconds_is_converted_to_nanoseconds()
    {
        var xml = CsynthXml.Build("2022.2", "xcku115-flvb2104-2-i", "5.00", "1.35", "4.1", ("300", "420", "301", "421"), ("1.500 us", "2.100 us"), "DSP", (0, 1, 2, 3, 0), null);
        var path = directory.WriteFile("myproject_csynth.xml", xml);

        var latency = SynthesisReportParser.ParseCsynthXml(path).Latency;

        Assert.Equal(1500.0, latency.BestNs!.Value, precision: 9);
        Assert.Equal(2100.0, latency.WorstNs!.Value, precision: 9);
    }

    [Fact]
    public void Missing_AreaEstimates_is_a_clear_error_at_the_file()
    {
        var xml = CsynthXml.Build("2023.1", "part", "5.0", "0.6", "4.0", ("1", "1", "1", "1"), null, "DSP", (0, 0, 0, 0, 0), null, includeArea: false);
        var path = directory.WriteFile("myproject_csynth.xml", xml);

        var error = Assert.Throws<CodesignException>(() => SynthesisReportParser.ParseCsynthXml(path));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.MalformedSynthesisReport, diagnostic.Code);
        Assert.Equal(path, diagnostic.Location.File);
        Assert.Equal(1, diagnostic.Location.Line);
        Assert.Contains("<profile> has no <AreaEstimates>", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_xml_is_a_clear_error_with_the_line()
    {
        var full = CsynthXml.VitisHls2023();
        var path = directory.WriteFile("myproject_csynth.xml", full[..full.IndexOf("<AreaEstimates>", StringComparison.Ordinal)]);

        var error = Assert.Throws<CodesignException>(() => SynthesisReportParser.ParseCsynthXml(path));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.MalformedSynthesisReport, diagnostic.Code);
        Assert.Equal(path, diagnostic.Location.File);
        Assert.True(diagnostic.Location.Line > 1, $"line {diagnostic.Location.Line}");
        Assert.Contains("not well-formed XML", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_that_is_not_a_number_is_reported_at_its_line()
    {
        var xml = CsynthXml.VitisHls2023().Replace("<LUT>9870</LUT>", "<LUT>lots</LUT>", StringComparison.Ordinal);
        var path = directory.WriteFile("myproject_csynth.xml", xml);

        var error = Assert.Throws<CodesignException>(() => SynthesisReportParser.ParseCsynthXml(path));

        var diagnostic = Assert.Single(error.Diagnostics);
        var expectedLine = xml.Split('\n').ToList().FindIndex(line => line.Contains("<LUT>lots", StringComparison.Ordinal)) + 1;
        Assert.Equal(expectedLine, diagnostic.Location.Line);
        Assert.Contains("<LUT> is 'lots', not a whole number", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_any_DSP_tag_is_an_error()
    {
        var xml = CsynthXml.VitisHls2023().Replace("<DSP>41</DSP>", string.Empty, StringComparison.Ordinal);
        var path = directory.WriteFile("myproject_csynth.xml", xml);

        var error = Assert.Throws<CodesignException>(() => SynthesisReportParser.ParseCsynthXml(path));

        Assert.Contains("neither <DSP> nor <DSP48E>", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_report_file_names_the_path()
    {
        var path = directory.Combine("myproject_prj", "solution1", "syn", "report", "myproject_csynth.xml");

        var error = Assert.Throws<CodesignException>(() => SynthesisReportParser.ParseCsynthXml(path));

        Assert.Equal(DiagnosticCodes.MalformedSynthesisReport, error.Diagnostics[0].Code);
        Assert.Contains("does not exist", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_root_element_is_not_taken_for_a_report()
    {
        var path = directory.WriteFile("myproject_csynth.xml", "<project><solutions/></project>");

        var error = Assert.Throws<CodesignException>(() => SynthesisReportParser.ParseCsynthXml(path));

        Assert.Contains("not <profile>", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }
}
