namespace Codesign.Data;

/// <summary>The files the data stage leaves for later stages, as absolute paths.</summary>
public sealed record DataStageOutputPaths(string DatasetPath, string ScalerPath);
