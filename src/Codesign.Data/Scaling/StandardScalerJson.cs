using System.Globalization;
using System.Text;
using System.Text.Json;
using Codesign.Core.Artifacts;
using Codesign.Core.Diagnostics;

namespace Codesign.Data.Scaling;

/// <summary>
/// <c>scaler.json</c>: <c>{"featureNames": [...], "mean": [...], "std": [...]}</c>. Doubles are written in
/// round-trip form and with fixed layout and "\n" line ends, so identical scalers give byte-identical files and
/// the artifact hash only moves when a number really changed.
/// </summary>
public static class StandardScalerJson
{
    public static string Serialize(StandardScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n" };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("featureNames");
            foreach (var name in scaler.FeatureNames)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            WriteNumbers(writer, "mean", scaler.Mean);
            WriteNumbers(writer, "std", scaler.Std);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <param name="json">The file content.</param>
    /// <param name="sourcePath">Named in the diagnostic if the content is not a valid scaler.</param>
    public static StandardScaler Deserialize(string json, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var names = root.GetProperty("featureNames").EnumerateArray().Select(e => e.GetString() ?? throw Invalid(sourcePath, "a feature name is null")).ToArray();
            var mean = root.GetProperty("mean").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var std = root.GetProperty("std").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            return new StandardScaler(names, mean, std);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw Invalid(sourcePath, exception.Message);
        }
    }

    public static void Write(string path, StandardScaler scaler) => AtomicFile.WriteAllText(path, Serialize(scaler));

    public static StandardScaler Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CodesignException(
                DiagnosticCodes.MissingUpstreamArtifact,
                SourceSpan.WholeFile(path),
                $"scaler file '{path}' does not exist; run the data stage first.");
        }

        return Deserialize(File.ReadAllText(path), path);
    }

    private static void WriteNumbers(Utf8JsonWriter writer, string name, double[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
        }

        writer.WriteEndArray();
    }

    private static CodesignException Invalid(string path, string detail) =>
        new(
            DiagnosticCodes.CorruptArtifact,
            SourceSpan.WholeFile(path),
            $"'{path}' is not a valid scaler file ({detail}); expected featureNames, mean and std arrays of equal length. Re-run the data stage.");
}
