using Codesign.Core.Diagnostics;

namespace Codesign.Synthesis.Tests;

public sealed class VivadoUtilizationReportTests : IDisposable
{
    // report_utilization on an UltraScale+ part: "CLB" row names, a half Block RAM tile and a URAM row.
    private const string UltraScaleReport = """
        Copyright 1986-2022 Xilinx, Inc. All Rights Reserved.
        ---------------------------------------------------------------------------------------------
        | Tool Version : Vivado v.2023.1 (lin64)
        | Command      : report_utilization -file vivado_synth.rpt
        | Design       : myproject
        | Device       : xcvu13p-flga2577-2-e
        | Design State : Synthesized
        ---------------------------------------------------------------------------------------------

        Utilization Design Information

        1. CLB Logic
        ------------

        +----------------------------+-------+-------+------------+-----------+-------+
        |          Site Type         |  Used | Fixed | Prohibited | Available | Util% |
        +----------------------------+-------+-------+------------+-----------+-------+
        | CLB LUTs*                  |  8412 |     0 |          0 |   1728000 |  0.49 |
        |   LUT as Logic             |  8300 |     0 |          0 |   1728000 |  0.48 |
        |   LUT as Memory            |   112 |     0 |          0 |    791040 |  0.01 |
        | CLB Registers              |  2977 |     0 |          0 |   3456000 |  0.09 |
        |   Register as Flip Flop    |  2977 |     0 |          0 |   3456000 |  0.09 |
        +----------------------------+-------+-------+------------+-----------+-------+
        * Warning! LUT value is adjusted to account for LUT combining.


        2. BLOCKRAM
        -----------

        +-------------------+------+-------+------------+-----------+-------+
        |     Site Type     | Used | Fixed | Prohibited | Available | Util% |
        +-------------------+------+-------+------------+-----------+-------+
        | Block RAM Tile    |  1.5 |     0 |          0 |      2688 |  0.06 |
        |   RAMB36/FIFO*    |    1 |     0 |          0 |      2688 |  0.04 |
        |   RAMB18          |    1 |     0 |          0 |      5376 |  0.02 |
        | URAM              |    2 |     0 |          0 |      1280 |  0.16 |
        +-------------------+------+-------+------------+-----------+-------+


        3. ARITHMETIC
        -------------

        +----------------+------+-------+------------+-----------+-------+
        |    Site Type   | Used | Fixed | Prohibited | Available | Util% |
        +----------------+------+-------+------------+-----------+-------+
        | DSPs           |   39 |     0 |          0 |     12288 |  0.32 |
        |   DSP48E2 only |   39 |       |            |           |       |
        +----------------+------+-------+------------+-----------+-------+


        7. Primitives
        -------------

        +----------+------+---------------------+
        | Ref Name | Used | Functional Category |
        +----------+------+---------------------+
        | FDRE     | 2977 |            Register |
        | DSP48E2  |   39 |          Arithmetic |
        +----------+------+---------------------+

        """;

    // The 7-series form: "Slice" row names, no URAM.
    private const string SevenSeriesReport = """
        1. Slice Logic
        --------------

        +----------------------------+------+-------+-----------+-------+
        |          Site Type         | Used | Fixed | Available | Util% |
        +----------------------------+------+-------+-----------+-------+
        | Slice LUTs*                | 1904 |     0 |     53200 |  3.58 |
        | Slice Registers            | 2210 |     0 |    106400 |  2.08 |
        +----------------------------+------+-------+-----------+-------+

        2. Memory
        ---------

        +----------------+------+-------+-----------+-------+
        |    Site Type   | Used | Fixed | Available | Util% |
        +----------------+------+-------+-----------+-------+
        | Block RAM Tile |    3 |     0 |       140 |  2.14 |
        +----------------+------+-------+-----------+-------+

        3. DSP
        ------

        +----------------+------+-------+-----------+-------+
        |    Site Type   | Used | Fixed | Available | Util% |
        +----------------+------+-------+-----------+-------+
        | DSPs           |   52 |     0 |       220 | 23.64 |
        +----------------+------+-------+-----------+-------+
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Reads_the_Used_column_of_an_UltraScale_utilization_report()
    {
        var path = directory.WriteFile("vivado_synth.rpt", UltraScaleReport);

        var used = SynthesisReportParser.ParseVivadoUtilization(path);

        // 1.5 Block RAM tiles (36 Kb each) are 3 of the 18 Kb halves HLS counts.
        Assert.Equal(new ResourceCounts(Lut: 8412, Ff: 2977, Dsp: 39, Bram18K: 3, Uram: 2), used);
    }

    [Fact]
    public void Reads_a_7_series_report_which_has_no_URAM()
    {
        var path = directory.WriteFile("vivado_synth.rpt", SevenSeriesReport);

        var used = SynthesisReportParser.ParseVivadoUtilization(path);

        Assert.Equal(new ResourceCounts(Lut: 1904, Ff: 2210, Dsp: 52, Bram18K: 6, Uram: null), used);
    }

    [Fact]
    public void A_report_without_the_DSP_table_names_the_missing_row()
    {
        var cut = SevenSeriesReport[..SevenSeriesReport.IndexOf("3. DSP", StringComparison.Ordinal)];
        var path = directory.WriteFile("vivado_synth.rpt", cut);

        var error = Assert.Throws<CodesignException>(() => SynthesisReportParser.ParseVivadoUtilization(path));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.MalformedSynthesisReport, diagnostic.Code);
        Assert.Equal(path, diagnostic.Location.File);
        Assert.Contains("'DSPs'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Used_value_that_is_not_a_number_is_reported_at_its_line()
    {
        var text = SevenSeriesReport.Replace("| Slice Registers            | 2210 |", "| Slice Registers            | n/a  |", StringComparison.Ordinal);
        var path = directory.WriteFile("vivado_synth.rpt", text);

        var error = Assert.Throws<CodesignException>(() => SynthesisReportParser.ParseVivadoUtilization(path));

        var expectedLine = text.Split('\n').ToList().FindIndex(line => line.Contains("n/a", StringComparison.Ordinal)) + 1;
        Assert.Equal(expectedLine, error.Diagnostics[0].Location.Line);
        Assert.Contains("'Slice Registers' is 'n/a'", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_attaches_the_Vivado_figures_to_the_HLS_report()
    {
        var layout = new HlsProjectLayout(directory.Path, "myproject");
        directory.WriteFile(Path.GetRelativePath(directory.Path, layout.CsynthXmlPath), CsynthXml.VitisHls2023());
        directory.WriteFile("vivado_synth.rpt", UltraScaleReport);

        var report = SynthesisReportParser.Parse(layout, includeVivadoSynthesis: true);

        Assert.Equal(9870, report.Resources.Lut);
        Assert.Equal(8412, report.PostSynthesisResources!.Lut);
    }
}
