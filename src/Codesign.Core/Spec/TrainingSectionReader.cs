using Codesign.Core.Diagnostics;
using Codesign.Core.Spec.Yaml;

namespace Codesign.Core.Spec;

internal static class TrainingSectionReader
{
    private static readonly Dictionary<string, OptimizerKind> Optimizers = new(StringComparer.Ordinal)
    {
        ["adam"] = OptimizerKind.Adam,
        ["sgd"] = OptimizerKind.Sgd,
    };

    private static readonly Dictionary<string, LossKind> Losses = new(StringComparer.Ordinal)
    {
        ["cross_entropy"] = LossKind.CrossEntropy,
        ["mse"] = LossKind.MeanSquaredError,
    };

    private static readonly Dictionary<string, ScheduleKind> Schedules = new(StringComparer.Ordinal)
    {
        ["constant"] = ScheduleKind.Constant,
        ["step"] = ScheduleKind.Step,
        ["cosine"] = ScheduleKind.Cosine,
    };

    public static TrainingSpec Read(MappingReader? reader, DiagnosticBag diagnostics, SourceSpan rootSpan, ModelTask task)
    {
        var settings = ReadSettings(reader, diagnostics, rootSpan, SpecDefaults.Epochs, SpecDefaults.LearningRate, task);
        reader?.RejectUnknownKeys(SpecKeys.Training);
        return settings;
    }

    /// <summary>
    /// The optimisation settings shared by every training section (<c>training:</c>, <c>qat:</c>); the caller
    /// rejects the keys its own section does not know.
    /// </summary>
    public static TrainingSpec ReadSettings(MappingReader? reader, DiagnosticBag diagnostics, SourceSpan rootSpan, int defaultEpochs, double defaultLearningRate, ModelTask task)
    {
        // The task decides the loss: a classifier's softmax cross-entropy, an autoencoder's reconstruction error.
        var taskLoss = task == ModelTask.Reconstruction ? LossKind.MeanSquaredError : LossKind.CrossEntropy;
        var constant = new ScheduleSpec(ScheduleKind.Constant, SpecDefaults.StepSize, SpecDefaults.Gamma);
        if (reader is null)
        {
            return new TrainingSpec(defaultEpochs, SpecDefaults.BatchSize, OptimizerKind.Adam, defaultLearningRate,
                SpecDefaults.Momentum, SpecDefaults.WeightDecay, constant, SpecDefaults.TrainingSeed, taskLoss, SpecDefaults.Threads, rootSpan);
        }

        var epochs = reader.Integer("epochs", defaultEpochs, 1, 100_000);
        var batchSize = reader.Integer("batch_size", SpecDefaults.BatchSize, 1, 1 << 24);
        var optimizer = reader.Choice("optimizer", OptimizerKind.Adam, Optimizers);
        var learningRate = reader.Number("learning_rate", defaultLearningRate, 0, 10, minExclusive: true);
        var momentumGiven = reader.Has("momentum");
        var momentum = reader.Number("momentum", SpecDefaults.Momentum, 0, 0.9999);
        if (momentumGiven && optimizer != OptimizerKind.Sgd)
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("momentum"), $"'{reader.Qualified("momentum")}' applies only to optimizer 'sgd'");
        }

        var weightDecay = reader.Number("weight_decay", SpecDefaults.WeightDecay, 0, 1);
        var schedule = ReadSchedule(reader, constant);
        var seed = reader.Seed("seed", SpecDefaults.TrainingSeed);
        var loss = reader.Choice("loss", taskLoss, Losses);
        if (loss != taskLoss)
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("loss"), task == ModelTask.Reconstruction
                ? $"'{reader.Qualified("loss")}' of an autoencoder must be 'mse' (the reconstruction error); cross-entropy needs classes"
                : $"'{reader.Qualified("loss")}' of a classifier must be 'cross_entropy'; 'mse' is the reconstruction loss of a model with an encoder and a decoder");
        }

        var threads = reader.Integer("threads", SpecDefaults.Threads, 1, 256);
        return new TrainingSpec(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, schedule, seed, loss, threads, reader.Span);
    }

    private static ScheduleSpec ReadSchedule(MappingReader reader, ScheduleSpec constant)
    {
        var node = reader.Find("schedule");
        switch (node)
        {
            case null:
                return constant;
            case YamlScalarNode:
                // The short form names the schedule and takes its default parameters.
                return constant with { Kind = reader.ChoiceValue(node, reader.Qualified("schedule"), ScheduleKind.Constant, Schedules) };
        }

        var schedule = reader.Mapping("schedule");
        if (schedule is null)
        {
            return constant;
        }

        var kindNode = schedule.Required("type", "'constant', 'step' or 'cosine'");
        var kind = kindNode is null ? ScheduleKind.Constant : schedule.ChoiceValue(kindNode, schedule.Qualified("type"), ScheduleKind.Constant, Schedules);
        var stepSize = schedule.Integer("step_size", SpecDefaults.StepSize, 1, 1_000_000);
        var gamma = schedule.Number("gamma", SpecDefaults.Gamma, 0, 1, minExclusive: true);
        foreach (var key in new[] { "step_size", "gamma" })
        {
            if (kind != ScheduleKind.Step && schedule.Has(key))
            {
                schedule.Diagnostics.Error(DiagnosticCodes.InconsistentSpec, schedule.KeySpan(key), $"'training.schedule.{key}' applies only to type 'step'");
            }
        }

        schedule.RejectUnknownKeys(SpecKeys.Schedule);
        return new ScheduleSpec(kind, stepSize, gamma);
    }
}
