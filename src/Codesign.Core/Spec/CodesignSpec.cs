namespace Codesign.Core.Spec;

/// <summary>
/// A validated spec. <see cref="SectionHashes"/> hold one hash per section over its normalized value (defaults
/// applied, comments and formatting ignored), so a stage re-runs only when a section it reads really changed.
/// </summary>
public sealed record CodesignSpec(
    string Path,
    string Name,
    ModelSpec Model,
    DataSpec Data,
    TrainingSpec Training,
    PrecisionSpec? Precision,
    QatSpec Qat,
    HessianSpec Hessian,
    AllocationSpec Allocation,
    HlsSpec Hls,
    IReadOnlyDictionary<string, string> SectionHashes)
{
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;
}
