namespace Codesign.Core.Spec;

/// <summary>Defaults documented in docs/spec.md; the schema's "default" values repeat them for editors.</summary>
public static class SpecDefaults
{
    public const int Epochs = 20;
    public const int BatchSize = 1024;
    public const double LearningRate = 0.001;
    public const double Momentum = 0.9;
    public const double WeightDecay = 0.0;
    public const ulong TrainingSeed = 42;
    public const int Threads = 1;
    public const int StepSize = 10;
    public const double Gamma = 0.1;
    public const int GeneratorSamples = 200_000;
    public const ulong GeneratorSeed = 1;
    public const double ValidationFraction = 0.1;
    public const double TestFraction = 0.2;
    public const ulong SplitSeed = 42;
    public const int WeightBits = 8;

    /// <summary>Activations get the weight width plus this many bits, as the HAWQ jet-tagger configurations did.</summary>
    public const int ActivationExtraBits = 3;
    public const int InputBits = 16;
    public const int OutputBits = 16;
    public const int QatEpochs = 10;

    /// <summary>The Virtex UltraScale+ part of hls4ml's examples and the CMS level-1 trigger studies.</summary>
    public const string HlsPart = "xcvu13p-flga2577-2-e";
    public const double HlsClockPeriodNs = 5;
    public const int CSimulationSamples = 10_000;
    public const int SynthesisTimeoutMinutes = 120;
    public const double QatLearningRate = 0.0005;
    public const int ActivationWarmupEpochs = 1;
    public const double RangeMomentum = 0.95;

    /// <summary>Activation ranges follow this quantile of each batch's magnitudes, not its maximum.</summary>
    public const double RangeQuantile = 0.999;
}
