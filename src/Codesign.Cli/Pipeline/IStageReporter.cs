using Codesign.Training.Float;

namespace Codesign.Cli.Pipeline;

/// <summary>How stages talk to the user: rich progress on a terminal, plain lines under MSBuild and CI.</summary>
internal interface IStageReporter
{
    void StageStarted(string stage);

    void StageUpToDate(string stage);

    void StageFinished(string stage, TimeSpan elapsed);

    void Info(string message);

    /// <summary>Runs <paramref name="train"/>, showing each epoch it reports.</summary>
    T Training<T>(int epochs, Func<Action<EpochReport>, T> train);
}
