using Codesign.Data.Files;
using Codesign.Data.Scaling;

namespace Codesign.Data;

/// <summary>
/// Writes the data stage's artifacts, each atomically so an interrupted run never leaves a torn file behind.
/// The manifest is the stage runner's business, not this class's.
/// </summary>
public static class DataStageOutputs
{
    public const string DatasetFileName = "dataset.bin";
    public const string ScalerFileName = "scaler.json";

    public static DataStageOutputPaths Write(string directory, PreparedData data)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(data);
        var paths = new DataStageOutputPaths(
            Path.GetFullPath(Path.Combine(directory, DatasetFileName)),
            Path.GetFullPath(Path.Combine(directory, ScalerFileName)));
        DatasetFile.Write(paths.DatasetPath, data.Dataset);
        StandardScalerJson.Write(paths.ScalerPath, data.Scaler);
        return paths;
    }
}
