using Codesign.Core.Artifacts;
using Codesign.Core.Spec;

namespace Codesign.Cli.Pipeline;

/// <summary>
/// Runs a stage unless its manifest shows the same inputs and intact outputs. When it skips, it refreshes the
/// manifest's timestamp: MSBuild called us because a timestamp moved, and must not call again for the same reason.
/// The manifest is written last and is what MSBuild's Outputs name, so a stage killed midway is never trusted.
/// </summary>
internal static class StageRunner
{
    public static bool Run(IStage stage, CodesignSpec spec, StagePaths paths, IStageReporter reporter, bool force, CancellationToken cancellation)
    {
        var directory = stage.OutputDirectory(paths);
        var manifestPath = StagePaths.ManifestIn(directory);
        var inputs = CurrentInputs(stage, spec, paths);
        var manifest = StageManifest.TryRead(manifestPath);
        if (!force && manifest is not null && manifest.IsUpToDate(inputs, directory))
        {
            // Rewritten rather than touched: the file system stamps a write with its own (coarse) clock, the same
            // one every other artifact gets, whereas DateTime.UtcNow can run milliseconds ahead of it and would
            // make this manifest look newer than the outputs written after it.
            manifest.Write(manifestPath);
            reporter.StageUpToDate(stage.Name);
            return false;
        }

        if (stage.NotConfiguredReason(spec) is { } reason)
        {
            // An empty manifest keeps MSBuild's up-to-date check stable for a stage the spec does not ask for.
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            new StageManifest { Stage = stage.Name, Inputs = inputs, Outputs = new(StringComparer.Ordinal) }.Write(manifestPath);
            reporter.Info($"{stage.Name}: skipped, {reason}");
            return false;
        }

        // A stale manifest must not vouch for outputs that are about to be replaced.
        if (File.Exists(manifestPath))
        {
            File.Delete(manifestPath);
        }
        reporter.StageStarted(stage.Name);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var outputs = stage.Run(spec, paths, reporter, cancellation);
        var recorded = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var output in outputs)
        {
            recorded[Path.GetRelativePath(directory, output).Replace('\\', '/')] = ContentHash.OfFile(output);
        }

        new StageManifest { Stage = stage.Name, Inputs = inputs, Outputs = recorded }.Write(manifestPath);
        reporter.StageFinished(stage.Name, started.Elapsed);
        return true;
    }

    public static SortedDictionary<string, string> CurrentInputs(IStage stage, CodesignSpec spec, StagePaths paths)
    {
        var inputs = stage.SpecInputs(spec);
        foreach (var (name, path) in stage.FileInputs(spec, paths))
        {
            // A missing input file is left for the stage to report with its proper diagnostic.
            inputs[$"file:{name}"] = File.Exists(path) ? ContentHash.OfFile(path) : "missing";
        }

        return inputs;
    }
}
