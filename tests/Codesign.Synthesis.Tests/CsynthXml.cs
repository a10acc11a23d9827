namespace Codesign.Synthesis.Tests;

/// <summary>
/// csynth.xml text in the layout Vivado HLS 2020.1 and Vitis HLS write (profile → ReportVersion, UserAssignments,
/// PerformanceEstimates, AreaEstimates), with the parts a test varies as parameters. The numbers are those of a
/// small dense network on a Zynq-7020 and an UltraScale+ part.
/// </summary>
internal static class CsynthXml
{
    /// <summary>Vivado HLS 2020.1: DSP48E and real-time latency strings.</summary>
    public static string VivadoHls2020() => Build(
        version: "2020.1",
        part: "xc7z020-clg400-1",
        targetClock: "5.00",
        uncertainty: "0.62",
        estimatedClock: "4.312",
        latency: ("12", "14", "1", "1"),
        realTime: ("60.000 ns", "70.000 ns"),
        dspTag: "DSP48E",
        used: (4, 58, 6120, 11342, 0),
        available: (280, 220, 106400, 53200, 0));

    /// <summary>Vitis HLS: the DSP tag is DSP; no real-time strings, so ns come from cycles × target clock.</summary>
    public static string VitisHls2023(string bestLatency = "7", string worstLatency = "9", string intervalMin = "1", string intervalMax = "1") => Build(
        version: "2023.1",
        part: "xcvu13p-flga2577-2-e",
        targetClock: "3.125",
        uncertainty: "0.84",
        estimatedClock: "2.786",
        latency: (bestLatency, worstLatency, intervalMin, intervalMax),
        realTime: null,
        dspTag: "DSP",
        used: (2, 41, 3155, 9870, 0),
        available: (5376, 12288, 3456000, 1728000, 1280));

    public static string Build(
        string version,
        string part,
        string targetClock,
        string uncertainty,
        string estimatedClock,
        (string Best, string Worst, string IntervalMin, string IntervalMax) latency,
        (string Best, string Worst)? realTime,
        string dspTag,
        (int Bram, int Dsp, int Ff, int Lut, int Uram) used,
        (int Bram, int Dsp, int Ff, int Lut, int Uram)? available,
        bool includeArea = true)
    {
        var realTimeXml = realTime is { } rt
            ? $"""
              <Best-caseRealTimeLatency>{rt.Best}</Best-caseRealTimeLatency>
              <Average-caseRealTimeLatency>{rt.Best}</Average-caseRealTimeLatency>
              <Worst-caseRealTimeLatency>{rt.Worst}</Worst-caseRealTimeLatency>
              """
            : string.Empty;
        var availableXml = available is { } a ? $"<AvailableResources>\n{Resources(dspTag, a)}</AvailableResources>" : string.Empty;
        var areaXml = includeArea
            ? $"""
              <AreaEstimates>
              <Resources>
              {Resources(dspTag, used)}</Resources>
              {availableXml}
              </AreaEstimates>
              """
            : string.Empty;
        return $"""
            <profile>

            <ReportVersion>
            <Version>{version}</Version>
            </ReportVersion>

            <UserAssignments>
            <unit>ns</unit>
            <ProductFamily>family</ProductFamily>
            <Part>{part}</Part>
            <TopModelName>myproject</TopModelName>
            <TargetClockPeriod>{targetClock}</TargetClockPeriod>
            <ClockUncertainty>{uncertainty}</ClockUncertainty>
            </UserAssignments>

            <PerformanceEstimates>
            <PipelineType>dataflow</PipelineType>
            <SummaryOfTimingAnalysis>
            <unit>ns</unit>
            <EstimatedClockPeriod>{estimatedClock}</EstimatedClockPeriod>
            </SummaryOfTimingAnalysis>
            <SummaryOfOverallLatency>
            <unit>clock cycles</unit>
            <Best-caseLatency>{latency.Best}</Best-caseLatency>
            <Average-caseLatency>{latency.Best}</Average-caseLatency>
            <Worst-caseLatency>{latency.Worst}</Worst-caseLatency>
            {realTimeXml}
            <Interval-min>{latency.IntervalMin}</Interval-min>
            <Interval-max>{latency.IntervalMax}</Interval-max>
            </SummaryOfOverallLatency>
            </PerformanceEstimates>

            {areaXml}

            <InterfaceSummary>
            <RtlPorts>
            <name>ap_clk</name>
            <Object>myproject</Object>
            <Type>return value</Type>
            <Scope></Scope>
            <IOProtocol>ap_ctrl_hs</IOProtocol>
            <IOConfig></IOConfig>
            <Dir>in</Dir>
            <Bits>1</Bits>
            <Attribute>control</Attribute>
            <CType>int</CType>
            </RtlPorts>
            </InterfaceSummary>
            </profile>

            """;
    }

    private static string Resources(string dspTag, (int Bram, int Dsp, int Ff, int Lut, int Uram) r) =>
        $"<BRAM_18K>{r.Bram}</BRAM_18K>\n<{dspTag}>{r.Dsp}</{dspTag}>\n<FF>{r.Ff}</FF>\n<LUT>{r.Lut}</LUT>\n<URAM>{r.Uram}</URAM>\n";
}
