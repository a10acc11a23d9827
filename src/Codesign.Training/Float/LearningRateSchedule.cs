using Codesign.Core.Spec;

namespace Codesign.Training.Float;

/// <summary>The learning rate for a 0-based epoch, as the spec's <c>training.schedule</c> defines it.</summary>
public static class LearningRateSchedule
{
    public static double At(TrainingSpec training, int epoch)
    {
        ArgumentNullException.ThrowIfNull(training);
        return training.Schedule.Kind switch
        {
            ScheduleKind.Step => training.LearningRate * Math.Pow(training.Schedule.Gamma, epoch / training.Schedule.StepSize),
            ScheduleKind.Cosine => training.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * epoch / training.Epochs)),
            _ => training.LearningRate,
        };
    }
}
