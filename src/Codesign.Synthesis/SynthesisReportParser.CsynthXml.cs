using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Codesign.Synthesis;

/// <summary>
/// csynth.xml as Vivado HLS (2019–2020) and Vitis HLS write it: <c>profile</c> → <c>ReportVersion</c>,
/// <c>UserAssignments</c>, <c>PerformanceEstimates</c>, <c>AreaEstimates</c>. The two differ only in the DSP tag
/// (<c>DSP48E</c> vs <c>DSP</c>) as far as this parser reads.
/// </summary>
public static partial class SynthesisReportParser
{
    private static readonly string[] UnknownValues = ["undef", "-", ""];

    public static SynthesisReport ParseCsynthXml(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = ReadExisting(path, "HLS report");
        var root = LoadXml(path, text);
        if (root.Name.LocalName != "profile")
        {
            throw Malformed(path, $"'{path}' is not a csynth.xml report: the root element is <{root.Name.LocalName}>, not <profile>", Line(root), Column(root));
        }

        var user = Required(path, root, "UserAssignments");
        var performance = Required(path, root, "PerformanceEstimates");
        var area = Required(path, root, "AreaEstimates");

        var clockScale = ToNanoseconds(path, user.Element("unit"));
        var targetClock = RequiredDouble(path, user, "TargetClockPeriod") * clockScale;
        var uncertainty = OptionalDouble(path, user.Element("ClockUncertainty")) * clockScale;
        var timing = Required(path, performance, "SummaryOfTimingAnalysis");
        var estimatedClock = RequiredDouble(path, timing, "EstimatedClockPeriod") * ToNanoseconds(path, timing.Element("unit"));

        return new SynthesisReport
        {
            Source = SynthesisReportSource.VitisHls,
            TopName = RequiredText(path, user, "TopModelName"),
            Part = OptionalText(user.Element("Part")),
            ToolVersion = OptionalText(root.Element("ReportVersion")?.Element("Version")),
            Clock = new ClockSummary(targetClock, uncertainty, estimatedClock),
            Latency = ParseLatency(path, Required(path, performance, "SummaryOfOverallLatency"), targetClock),
            Resources = ParseResources(path, Required(path, area, "Resources")),
            AvailableResources = area.Element("AvailableResources") is { } available ? ParseResources(path, available) : null,
        };
    }

    private static XElement LoadXml(string path, string text)
    {
        // No DTDs and no resolver: a report is plain data and must not make the parser fetch anything.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings, path);
            return XDocument.Load(reader, LoadOptions.SetLineInfo).Root
                ?? throw Malformed(path, $"'{path}' has no root element");
        }
        catch (XmlException e)
        {
            throw Malformed(path, $"'{path}' is not well-formed XML (truncated or corrupt): {e.Message}", e.LineNumber, e.LinePosition);
        }
    }

    private static LatencySummary ParseLatency(string path, XElement summary, double targetClockNs)
    {
        if (summary.Element("unit") is { } unit && unit.Value.Trim() != "clock cycles")
        {
            throw Malformed(path, $"latency is in '{unit.Value.Trim()}', expected 'clock cycles'", Line(unit), Column(unit));
        }

        var best = Cycles(path, Required(path, summary, "Best-caseLatency"));
        var worst = Cycles(path, Required(path, summary, "Worst-caseLatency"));
        var intervalMin = Cycles(path, Required(path, summary, "Interval-min"));
        var intervalMax = Cycles(path, Required(path, summary, "Interval-max"));

        // hls4ml prefers the tool's own real-time strings; older versions do not write them, and then the cycle
        // counts at the target clock give the same figure Vitis would print.
        var bestRealTime = summary.Element("Best-caseRealTimeLatency");
        var worstRealTime = summary.Element("Worst-caseRealTimeLatency");
        if (bestRealTime is not null || worstRealTime is not null)
        {
            var bestNs = bestRealTime is null ? null : RealTime(path, bestRealTime);
            var worstNs = worstRealTime is null ? null : RealTime(path, worstRealTime);
            var basis = bestNs is null && worstNs is null ? (LatencyTimeBasis?)null : LatencyTimeBasis.ReportedByTool;
            return new LatencySummary(best, worst, bestNs, worstNs, basis, intervalMin, intervalMax);
        }

        var computedBasis = best is null && worst is null ? (LatencyTimeBasis?)null : LatencyTimeBasis.CyclesTimesTargetClock;
        return new LatencySummary(best, worst, best * targetClockNs, worst * targetClockNs, computedBasis, intervalMin, intervalMax);
    }

    private static ResourceCounts ParseResources(string path, XElement resources)
    {
        // Vivado HLS calls the DSP column DSP48E, Vitis HLS calls it DSP; exactly one of them must be there.
        var dsp = resources.Element("DSP") ?? resources.Element("DSP48E")
            ?? throw Malformed(path, $"<{resources.Name.LocalName}> has neither <DSP> nor <DSP48E>", Line(resources), Column(resources));
        return new ResourceCounts(
            Lut: Count(path, Required(path, resources, "LUT")),
            Ff: Count(path, Required(path, resources, "FF")),
            Dsp: Count(path, dsp),
            Bram18K: Count(path, Required(path, resources, "BRAM_18K")),
            // Absent from reports for parts (and tool versions) without UltraRAM.
            Uram: resources.Element("URAM") is { } uram ? Count(path, uram) : null);
    }

    private static XElement Required(string path, XElement parent, string name) =>
        parent.Element(name)
            ?? throw Malformed(path, $"<{parent.Name.LocalName}> has no <{name}>; the report is incomplete", Line(parent), Column(parent));

    private static string RequiredText(string path, XElement parent, string name)
    {
        var element = Required(path, parent, name);
        return OptionalText(element)
            ?? throw Malformed(path, $"<{name}> is empty", Line(element), Column(element));
    }

    private static string? OptionalText(XElement? element) =>
        element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    private static double RequiredDouble(string path, XElement parent, string name)
    {
        var element = Required(path, parent, name);
        return OptionalDouble(path, element)
            ?? throw Malformed(path, $"<{name}> is empty", Line(element), Column(element));
    }

    private static double? OptionalDouble(string path, XElement? element)
    {
        if (element is null || string.IsNullOrWhiteSpace(element.Value))
        {
            return null;
        }

        return double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Malformed(path, $"<{element.Name.LocalName}> is '{element.Value.Trim()}', not a number", Line(element), Column(element));
    }

    /// <summary>A cycle count, or null for the "undef" (dataflow, unbounded loops) and "-" Vitis writes when it cannot tell.</summary>
    private static long? Cycles(string path, XElement element)
    {
        var text = element.Value.Trim();
        return UnknownValues.Contains(text, StringComparer.OrdinalIgnoreCase) ? null : Count(path, element);
    }

    private static long Count(string path, XElement element)
    {
        var text = element.Value.Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed(path, $"<{element.Name.LocalName}> is '{text}', not a whole number", Line(element), Column(element));
    }

    /// <summary>"50.000 ns" → 50; also "us"/"ms"/"sec", which Vitis uses for long latencies; "undef" → null.</summary>
    private static double? RealTime(string path, XElement element)
    {
        var text = element.Value.Trim();
        if (UnknownValues.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double? scale = parts.Length == 2 ? UnitToNanoseconds(parts[1]) : null;
        if (scale is null || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Malformed(path, $"<{element.Name.LocalName}> is '{text}', expected a time such as '50.000 ns'", Line(element), Column(element));
        }

        return value * scale.Value;
    }

    /// <summary>The factor to nanoseconds of a <c>&lt;unit&gt;</c> element; reports without one are in ns.</summary>
    private static double ToNanoseconds(string path, XElement? unit)
    {
        if (unit is null)
        {
            return 1;
        }

        return UnitToNanoseconds(unit.Value.Trim())
            ?? throw Malformed(path, $"unknown time unit '{unit.Value.Trim()}'", Line(unit), Column(unit));
    }

    private static double? UnitToNanoseconds(string unit) => unit switch
    {
        "ps" => 1e-3,
        "ns" => 1,
        "us" => 1e3,
        "ms" => 1e6,
        "s" or "sec" => 1e9,
        _ => null,
    };

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;

    private static int Column(XElement element) => ((IXmlLineInfo)element).LinePosition;
}
