using Codesign.Core.Spec;

namespace Codesign.Cli.Pipeline;

/// <summary>
/// One step of the flow. A stage's result depends on <see cref="SpecInputs"/> (hashes of the spec sections it
/// reads and the identity of its code) and on the content of <see cref="FileInputs"/> (upstream artifacts, data
/// files). The runner skips the stage when its manifest records the same values.
/// </summary>
internal interface IStage
{
    string Name { get; }

    /// <summary>Why the spec does not ask for this stage (say, no 'precision' section), or null when it does.</summary>
    string? NotConfiguredReason(CodesignSpec spec);

    /// <summary>Folder that holds this stage's outputs and its manifest.json.</summary>
    string OutputDirectory(StagePaths paths);

    SortedDictionary<string, string> SpecInputs(CodesignSpec spec);

    /// <summary>Files whose content the result depends on, keyed by a stable name.</summary>
    IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths);

    /// <summary>Runs the stage and returns the output files it wrote (all inside <see cref="OutputDirectory"/>).</summary>
    IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation);
}
