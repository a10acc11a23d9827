using Codesign.Core.Diagnostics;

namespace Codesign.Core.Spec;

public enum OptimizerKind
{
    Adam,
    Sgd,
}

public enum LossKind
{
    CrossEntropy,

    /// <summary>Mean squared error between an autoencoder's input and its reconstruction.</summary>
    MeanSquaredError,
}

public enum ScheduleKind
{
    Constant,
    Step,
    Cosine,
}

public sealed record ScheduleSpec(ScheduleKind Kind, int StepSize, double Gamma);

/// <summary>The <c>training:</c> section of the float training stage.</summary>
public sealed record TrainingSpec(
    int Epochs,
    int BatchSize,
    OptimizerKind Optimizer,
    double LearningRate,
    double Momentum,
    double WeightDecay,
    ScheduleSpec Schedule,
    ulong Seed,
    LossKind Loss,
    int Threads,
    SourceSpan Location);
