namespace Codesign.Cli.Pipeline;

/// <summary>
/// Where one spec's artifacts live. Intermediates (fingerprints, the prepared data set) go to the work folder,
/// deliverables (weights, metrics) to the output folder; the SDK maps these to obj/ and bin/ so that
/// <c>dotnet clean</c> removes them. The file names here are the contract with Sdk.targets.
/// </summary>
public sealed record StagePaths(string WorkDirectory, string OutputDirectory)
{
    public string ValidatedStamp => Path.Combine(WorkDirectory, "validated.stamp");

    public string FingerprintDirectory => Path.Combine(WorkDirectory, "fingerprints");

    public string Fingerprint(string stage) => Path.Combine(FingerprintDirectory, $"{stage}.inputs");

    /// <summary>Files outside the spec that a stage reads (a CSV), one per line, for MSBuild's Inputs.</summary>
    public string DependencyList(string stage) => Path.Combine(FingerprintDirectory, $"{stage}.files");

    public string DataDirectory => Path.Combine(WorkDirectory, "data");

    public string DatasetFile => Path.Combine(DataDirectory, "dataset.bin");

    public string ScalerFile => Path.Combine(DataDirectory, "scaler.json");

    public string FloatDirectory => Path.Combine(OutputDirectory, "float");

    public string FloatWeightsFile => Path.Combine(FloatDirectory, "weights.bin");

    public string FloatMetricsFile => Path.Combine(FloatDirectory, "metrics.json");

    public string FloatHistoryFile => Path.Combine(FloatDirectory, "history.csv");

    public string HessianDirectory => Path.Combine(WorkDirectory, "hessian");

    public string HessianReportFile => Path.Combine(HessianDirectory, "hessian.json");

    public string HessianPlot => Path.Combine(HessianDirectory, "hessian.png");

    public string AllocationDirectory => Path.Combine(WorkDirectory, "allocation");

    public string AllocationFile => Path.Combine(AllocationDirectory, "allocation.json");

    public string QatDirectory => Path.Combine(OutputDirectory, "qat");

    public string QuantizedModelFile => Path.Combine(QatDirectory, "model.json");

    /// <summary>An autoencoder's float decoder as fine-tuned beside the quantized encoder.</summary>
    public string QatDecoderWeightsFile => Path.Combine(QatDirectory, "decoder.bin");

    public string QatMetricsFile => Path.Combine(QatDirectory, "metrics.json");

    public string QatHistoryFile => Path.Combine(QatDirectory, "history.csv");

    public string QatRocPlot => Path.Combine(QatDirectory, "roc.png");

    public string QonnxDirectory => Path.Combine(OutputDirectory, "qonnx");

    public string QonnxFile(string modelName) => Path.Combine(QonnxDirectory, $"{modelName}.onnx");

    public string QcdqFile(string modelName) => Path.Combine(QonnxDirectory, $"{modelName}.qcdq.onnx");

    /// <summary>The firmware project deliverable: <c>bin/.../hls/&lt;project&gt;/</c>.</summary>
    public string HlsDirectory => Path.Combine(OutputDirectory, "hls");

    public string HlsProjectDirectory(string project) => Path.Combine(HlsDirectory, project);

    public string CSimulationDirectory => Path.Combine(OutputDirectory, "csim");

    public string CSimulationReportFile => Path.Combine(CSimulationDirectory, "csim.json");

    public string SynthesisDirectory => Path.Combine(OutputDirectory, "synth");

    public string SynthesisReportFile => Path.Combine(SynthesisDirectory, "report.json");

    public string SynthesisEstimateFile => Path.Combine(SynthesisDirectory, "estimate.json");

    /// <summary>Vitis runs in a copy of the project, so the hls stage's deliverable stays as it was written.</summary>
    public string SynthesisProjectDirectory(string project) => Path.Combine(SynthesisDirectory, project);

    public static string ManifestIn(string directory) => Path.Combine(directory, "manifest.json");

    public static StagePaths ForSpec(string specPath, string? workDirectory, string? outputDirectory)
    {
        var specDirectory = Path.GetDirectoryName(Path.GetFullPath(specPath))!;
        var name = Path.GetFileNameWithoutExtension(specPath);
        return new StagePaths(
            Path.GetFullPath(workDirectory ?? Path.Combine(specDirectory, "obj", "codesign", name)),
            Path.GetFullPath(outputDirectory ?? Path.Combine(specDirectory, "bin", "codesign", name)));
    }
}
