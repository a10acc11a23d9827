using System.Text.Json;
using System.Text.Json.Serialization;

namespace Codesign.Core.Artifacts;

/// <summary>
/// What a stage consumed and produced, written after its outputs. A stage is up to date when its manifest
/// records exactly the inputs it would consume now and every output still has the recorded hash; that makes
/// the CLI incremental on its own and lets the MSBuild path shrug off a mere timestamp change.
/// </summary>
public sealed record StageManifest
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Stage { get; init; }

    public required SortedDictionary<string, string> Inputs { get; init; }

    /// <summary>Output file names (relative to the manifest's folder) and their SHA-256.</summary>
    public required SortedDictionary<string, string> Outputs { get; init; }

    public static StageManifest? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StageManifest>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");

    public bool IsUpToDate(IReadOnlyDictionary<string, string> currentInputs, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(currentInputs);
        if (Inputs.Count != currentInputs.Count || Inputs.Any(pair => !currentInputs.TryGetValue(pair.Key, out var v) || v != pair.Value))
        {
            return false;
        }

        foreach (var (name, hash) in Outputs)
        {
            var path = Path.Combine(outputDirectory, name);
            if (!File.Exists(path) || ContentHash.OfFile(path) != hash)
            {
                return false;
            }
        }

        return true;
    }
}
