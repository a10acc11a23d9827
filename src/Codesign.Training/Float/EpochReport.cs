namespace Codesign.Training.Float;

/// <summary>
/// One line of training progress: what the CLI shows and what training-history.csv records. Accuracies are null for
/// an autoencoder, which has no classes.
/// </summary>
public sealed record EpochReport(
    int Epoch,
    int Epochs,
    double LearningRate,
    double TrainLoss,
    double? TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy);
