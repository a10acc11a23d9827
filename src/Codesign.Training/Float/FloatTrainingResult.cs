using Codesign.Core.Artifacts;
using Codesign.Training.Metrics;

namespace Codesign.Training.Float;

public sealed record FloatTrainingResult(
    IReadOnlyList<NamedTensor> Weights,
    IReadOnlyList<EpochReport> History,
    ClassificationMetrics Test,
    ClassificationMetrics? Validation);
