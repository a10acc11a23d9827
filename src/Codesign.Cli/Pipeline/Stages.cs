namespace Codesign.Cli.Pipeline;

/// <summary>The stages after validation, in the order <c>codesign build</c> runs them.</summary>
internal static class Stages
{
    public static readonly IStage Prepare = new PrepareDataStage();
    public static readonly IStage Train = new TrainStage();
    public static readonly IStage Hessian = new HessianStage();
    public static readonly IStage Allocate = new AllocateStage();
    public static readonly IStage Qat = new QatStage();
    public static readonly IStage Export = new ExportStage();
    public static readonly IStage Hls = new HlsStage();
    public static readonly IStage CSimulation = new CSimulationStage();
    public static readonly IStage Synthesis = new SynthesisStage();

    public static IReadOnlyList<IStage> InOrder { get; } = [Prepare, Train, Hessian, Allocate, Qat, Export, Hls, CSimulation, Synthesis];
}
