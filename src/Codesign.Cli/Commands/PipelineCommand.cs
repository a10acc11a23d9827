using Codesign.Cli.Pipeline;
using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Cli.Commands;

internal sealed record PipelineRequest(string SpecPath, string? WorkDirectory, string? OutputDirectory, bool Force, IReadOnlyList<IStage> Stages);

/// <summary>
/// Validates the spec, then runs the requested stages. Expected failures print canonical diagnostics and give
/// exit code 1; a stack trace appears only for a bug in codesign itself, and only on stderr.
/// </summary>
internal static class PipelineCommand
{
    public const int Success = 0;
    public const int Failure = 1;

    public static int Execute(PipelineRequest request, IStageReporter reporter, TextWriter output, CancellationToken cancellation)
    {
        try
        {
            var spec = SpecReader.ReadFile(request.SpecPath);
            var paths = StagePaths.ForSpec(spec.Path, request.WorkDirectory, request.OutputDirectory);
            SpecValidation.WriteFingerprints(spec, paths, Stages.InOrder);
            reporter.Info($"validate: {Path.GetFileName(spec.Path)} is valid");
            foreach (var stage in request.Stages)
            {
                StageRunner.Run(stage, spec, paths, reporter, request.Force, cancellation);
            }

            return Success;
        }
        catch (CodesignException exception)
        {
            foreach (var diagnostic in exception.Diagnostics)
            {
                output.WriteLine(diagnostic.ToString());
            }

            return Failure;
        }
        catch (OperationCanceledException)
        {
            output.WriteLine(Diagnostic.Error(DiagnosticCodes.InternalError, SourceSpan.WholeFile(request.SpecPath), "cancelled; nothing half-written was kept"));
            return Failure;
        }
        catch (TypeInitializationException exception) when (NativeLoadFailure.Matches(exception))
        {
            output.WriteLine(NativeLoadFailure.Describe(request.SpecPath, exception));
            return Failure;
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end as one canonical error line.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            output.WriteLine(Diagnostic.Error(DiagnosticCodes.InternalError, SourceSpan.WholeFile(Path.GetFullPath(request.SpecPath)),
                $"internal error in codesign ({exception.GetType().Name}: {exception.Message}); please report it with the details printed on stderr"));
            Console.Error.WriteLine(exception);
            return Failure;
        }
    }
}
