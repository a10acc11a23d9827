using System.Text;
using Codesign.Core.Artifacts;
using Codesign.Core.Spec;

namespace Codesign.Cli.Pipeline;

/// <summary>
/// The validate stage. Besides checking the spec it writes, per stage, a fingerprint of the spec sections and
/// code that stage depends on, rewriting a fingerprint only when it changed. MSBuild lists fingerprints as
/// Inputs: editing a comment or an unrelated section re-validates but leaves every later stage up to date.
/// </summary>
internal static class SpecValidation
{
    public static void WriteFingerprints(CodesignSpec spec, StagePaths paths, IEnumerable<IStage> stages)
    {
        foreach (var stage in stages)
        {
            var fingerprint = new StringBuilder();
            foreach (var (key, value) in stage.SpecInputs(spec))
            {
                fingerprint.Append(key).Append(' ').Append(value).Append('\n');
            }

            AtomicFile.WriteAllTextIfChanged(paths.Fingerprint(stage.Name), fingerprint.ToString());
            var externalFiles = stage.FileInputs(spec, paths).Values
                .Where(path => !path.StartsWith(paths.WorkDirectory, StringComparison.Ordinal) && !path.StartsWith(paths.OutputDirectory, StringComparison.Ordinal))
                .Select(path => path + "\n");
            AtomicFile.WriteAllTextIfChanged(paths.DependencyList(stage.Name), string.Concat(externalFiles));
        }

        // Always rewritten: its timestamp tells MSBuild this spec text has been validated.
        AtomicFile.WriteAllText(paths.ValidatedStamp, spec.Name + "\n");
    }
}
