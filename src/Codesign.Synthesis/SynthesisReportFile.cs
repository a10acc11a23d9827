using System.Text.Json;
using System.Text.Json.Serialization;
using Codesign.Core.Artifacts;
using Codesign.Core.Diagnostics;

namespace Codesign.Synthesis;

/// <summary>
/// synth/report.json: a <see cref="SynthesisReport"/> as snake_case JSON. <c>"kind"</c> ("vitis_hls" or
/// "estimate") is the first key so nobody mistakes an estimate for a synthesis result. Keys follow the record's
/// declaration order and nulls are written, so a field's absence is visible and the same report is always the
/// same bytes ("\n" line ends, invariant number format).
/// </summary>
public static class SynthesisReportFile
{
    /// <summary>The file name inside the stage's <c>synth/</c> folder.</summary>
    public const string FileName = "report.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // Numbers for enums would hide a typo and could not be read by eye.
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static string ToJson(SynthesisReport report) => JsonSerializer.Serialize(report, JsonOptions) + "\n";

    /// <summary>Writes atomically: a reader sees the previous report or the whole new one.</summary>
    public static void Write(string path, SynthesisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        AtomicFile.WriteAllText(path, ToJson(report));
    }

    public static SynthesisReport Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CodesignException(DiagnosticCodes.MalformedSynthesisReport, SourceSpan.WholeFile(path), $"synthesis report '{path}' cannot be read: {e.Message}");
        }

        try
        {
            return JsonSerializer.Deserialize<SynthesisReport>(text, JsonOptions)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            // JsonException's line number is 0-based; the canonical form is 1-based.
            var span = e.LineNumber is { } line ? new SourceSpan(path, (int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1) : SourceSpan.WholeFile(path);
            throw new CodesignException(DiagnosticCodes.MalformedSynthesisReport, span, $"synthesis report '{path}' is malformed: {e.Message}");
        }
    }
}
