using Codesign.Core.Diagnostics;

namespace Codesign.Synthesis;

/// <summary>
/// Reads the reports Vitis HLS and Vivado write into a <see cref="SynthesisReport"/>. Every problem (a missing
/// file, truncated XML, a required field absent or not a number) is a <see cref="CodesignException"/> with code
/// <see cref="DiagnosticCodes.MalformedSynthesisReport"/> pointing at the file and, where known, the line; a
/// report is returned whole or not at all.
/// </summary>
public static partial class SynthesisReportParser
{
    /// <summary>
    /// Parses a Vitis run's reports: <c>&lt;top&gt;_csynth.xml</c>, plus <c>vivado_synth.rpt</c> when
    /// <paramref name="includeVivadoSynthesis"/> is set.
    /// </summary>
    public static SynthesisReport Parse(HlsProjectLayout layout, bool includeVivadoSynthesis)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var report = ParseCsynthXml(layout.CsynthXmlPath);
        return includeVivadoSynthesis
            ? report with { PostSynthesisResources = ParseVivadoUtilization(layout.VivadoSynthReportPath) }
            : report;
    }

    private static CodesignException Malformed(string path, string message, int line = 0, int column = 0) =>
        new(DiagnosticCodes.MalformedSynthesisReport, new SourceSpan(path, line, column), message);

    private static string ReadExisting(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Malformed(path, $"{what} '{path}' does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Malformed(path, $"{what} '{path}' cannot be read: {e.Message}");
        }
    }
}
