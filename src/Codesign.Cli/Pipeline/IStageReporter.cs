using Codesign.Training.Float;

namespace Codesign.Cli.Pipeline;

/// <summary>How stages talk to the user: rich progress on a terminal, plain lines under MSBuild and CI.</summary>
internal interface IStageReporter
{
    void StageStarted(string stage);

    void StageUpToDate(string stage);

    void StageFinished(string stage, TimeSpan elapsed);

    void Info(string message);

    /// <summary>A warning in the canonical <c>file(line,col): warning CSDnnnn: ...</c> form, which MSBuild shows as a warning.</summary>
    void Warning(Codesign.Core.Diagnostics.Diagnostic warning);

    /// <summary>Runs <paramref name="train"/>, showing each epoch it reports.</summary>
    T Training<T>(int epochs, Func<Action<EpochReport>, T> train);
}
