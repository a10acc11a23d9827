namespace Codesign.Core.Spec;

/// <summary>
/// Every key the spec understands, per section. The validator rejects anything else, and a test holds the
/// shipped JSON schema (sdk/Codesign.Sdk/Sdk/codesign-spec.schema.json) to exactly these names.
/// </summary>
public static class SpecKeys
{
    public static readonly IReadOnlyList<string> Root = ["name", "description", "metadata", "model", "data", "training", "precision", "qat", "hessian", "allocation", "hls"];
    public static readonly IReadOnlyList<string> Model = ["inputs", "input_shape", "layers", "encoder", "decoder"];
    public static readonly IReadOnlyList<string> Layer =
        ["name", "type", "units", "activation", "batch_norm", "filters", "kernel", "stride", "padding", "output_padding", "shape"];
    public static readonly IReadOnlyList<string> Data =
        ["source", "path", "test_path", "features", "label", "classes", "samples", "seed", "class_mix", "split"];
    public static readonly IReadOnlyList<string> Split = ["validation", "test", "seed"];
    public static readonly IReadOnlyList<string> Training =
        ["epochs", "batch_size", "optimizer", "learning_rate", "momentum", "weight_decay", "schedule", "seed", "loss", "threads"];
    public static readonly IReadOnlyList<string> Schedule = ["type", "step_size", "gamma"];
    public static readonly IReadOnlyList<string> Precision = ["mode", "weights", "activations", "input", "output"];
    public static readonly IReadOnlyList<string> Hessian =
        ["batches", "batch_size", "seed", "trace_tolerance", "min_probes", "max_probes", "eigen_tolerance", "max_iterations"];
    public static readonly IReadOnlyList<string> Allocation = ["widths", "activation_bits", "activation_extra_bits", "budgets"];
    public static readonly IReadOnlyList<string> Budget = ["cost", "fraction", "limit"];
    public static readonly IReadOnlyList<string> Qat = [.. Training, "activation_warmup_epochs", "range_momentum", "range_quantile"];

    public static readonly IReadOnlyList<string> Hls =
        ["project", "part", "clock_period", "io_type", "strategy", "reuse_factor", "layers", "csim_samples", "vitis_hls", "synthesis", "synthesis_timeout", "output", "softmax_table_size"];
    public static readonly IReadOnlyList<string> HlsLayer = ["reuse_factor"];

    /// <summary>Keys that only the jet generator reads.</summary>
    public static readonly IReadOnlyList<string> GeneratorOnly = ["samples", "seed", "class_mix"];

    /// <summary>Keys that only file sources (csv, arff, hdf5) read.</summary>
    public static readonly IReadOnlyList<string> FileSourceOnly = ["path", "test_path", "label"];
}
