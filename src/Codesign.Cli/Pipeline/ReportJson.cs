using System.Text.Json;

namespace Codesign.Cli.Pipeline;

/// <summary>How stage reports are written: snake_case, indented, and byte-identical for the same content.</summary>
internal static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
