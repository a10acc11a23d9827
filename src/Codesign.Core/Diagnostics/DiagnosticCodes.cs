namespace Codesign.Core.Diagnostics;

/// <summary>
/// Every diagnostic code Codesign emits. Codes are stable: users suppress or promote them by number, so a code
/// is never reused for a different meaning. docs/diagnostics.md lists them with examples (DiagnosticCodesTests keeps the two in step).
/// </summary>
public static class DiagnosticCodes
{
    // Spec file and YAML structure (CSD00xx).
    public const string SpecNotFound = "CSD0001";
    public const string YamlSyntax = "CSD0002";
    public const string DuplicateKey = "CSD0003";
    public const string UnknownKey = "CSD0004";
    public const string WrongType = "CSD0005";
    public const string OutOfRange = "CSD0006";
    public const string MissingKey = "CSD0007";
    public const string InvalidChoice = "CSD0008";
    public const string InconsistentSpec = "CSD0009";
    public const string UnsupportedYamlFeature = "CSD0010";

    public const string NoSpec = "CSD0011";
    public const string ToolNotFound = "CSD0012";
    public const string BadCommandLine = "CSD0013";

    // Data stage (CSD01xx).
    public const string DataFileNotFound = "CSD0101";
    public const string UnknownColumn = "CSD0102";
    public const string TooFewRows = "CSD0103";
    public const string NonFiniteValue = "CSD0104";
    public const string BadLabel = "CSD0105";
    public const string MalformedRow = "CSD0106";
    public const string BadNumber = "CSD0107";

    // Training stage (CSD02xx).
    public const string TrainingDiverged = "CSD0201";
    public const string NativeFailure = "CSD0202";

    // Bit allocation (CSD03xx).

    /// <summary>No configuration of the candidate widths meets a budget, or all budgets at once.</summary>
    public const string BudgetInfeasible = "CSD0301";

    /// <summary>The solver's deterministic time limit ran out before it found any configuration.</summary>
    public const string AllocationSearchLimit = "CSD0302";

    // QONNX files read back (CSD04xx): our own exports and other producers' models. Every message names the file
    // and the node or tensor at fault.

    /// <summary>The bytes are not an ONNX model: not protobuf, truncated, too deeply nested, or without a graph.</summary>
    public const string MalformedOnnx = "CSD0401";

    /// <summary>A node's operator (op_type and domain) is not one the reader or the float executor knows.</summary>
    public const string UnsupportedOnnxOperator = "CSD0402";

    /// <summary>
    /// The graph breaks ONNX's rules: a node reads a tensor nothing defines, two nodes write one tensor, the nodes
    /// form a cycle, an operator has the wrong number of inputs, or shapes and attributes do not fit together.
    /// </summary>
    public const string InvalidOnnxGraph = "CSD0403";

    /// <summary>
    /// A tensor is absurdly large or its data does not match its dims (raw_data length, element count); rejected
    /// before anything is allocated for it.
    /// </summary>
    public const string OnnxTensorTooLarge = "CSD0404";

    /// <summary>
    /// Valid ONNX that uses a feature the reader does not implement: several graph inputs or outputs, a data type
    /// other than FLOAT/DOUBLE/INT32/INT64, external data, an unknown rounding mode, grouped convolution.
    /// </summary>
    public const string UnsupportedOnnxFeature = "CSD0405";

    // HLS and C-simulation (CSD05xx).

    /// <summary>g++ (or the compiler named by CODESIGN_CXX) is not on PATH, so the C-simulation cannot be built.</summary>
    public const string CompilerNotFound = "CSD0501";

    /// <summary>g++ rejected the generated HLS project; the message carries the first compiler errors.</summary>
    public const string CompilationFailed = "CSD0502";

    /// <summary>The C-simulation's output codes differ from the integer reference executor's; the message names the first differing layer.</summary>
    public const string CSimulationMismatch = "CSD0503";

    /// <summary>An HLS setting that cannot be used: a project name that is no C++/Tcl identifier, a malformed part, a bad clock period or reuse factor.</summary>
    public const string InvalidHlsSetting = "CSD0504";

    /// <summary>A graph the HLS writer cannot express: not a chain, no input Quant, or values a decimal literal cannot hold exactly.</summary>
    public const string UnsupportedHlsGraph = "CSD0505";

    // Synthesis (CSD06xx): running Vitis HLS and reading its reports.

    /// <summary>
    /// Warning: no vitis_hls was found (explicit path, PATH, <c>$XILINX_HLS/bin</c>), so synthesis was skipped and
    /// only an estimate is available.
    /// </summary>
    public const string VitisNotFound = "CSD0601";

    /// <summary>vitis_hls exited with a non-zero code, was killed by a signal, or finished without its report.</summary>
    public const string VitisFailed = "CSD0602";

    /// <summary>vitis_hls ran longer than the synthesis timeout and was stopped with its whole process tree.</summary>
    public const string VitisTimedOut = "CSD0603";

    /// <summary>A csynth.xml, vivado_synth.rpt or synth/report.json that is missing, truncated or lacks a required field.</summary>
    public const string MalformedSynthesisReport = "CSD0604";

    /// <summary>The vitis_hls path given explicitly (CodesignVitisHls or the spec) does not exist or is not executable.</summary>
    public const string VitisPathInvalid = "CSD0605";

    // Build tasks (CSD08xx): the TorchSharp native library patch. Codesign.Build.Tasks (net8.0, loaded by MSBuild)
    // cannot reference this assembly and repeats these two values; a test holds them equal.
    public const string MalformedNativeLibrary = "CSD0801";
    public const string NativeLibraryAccess = "CSD0802";

    // Artifacts and pipeline (CSD09xx).
    public const string MissingUpstreamArtifact = "CSD0901";
    public const string CorruptArtifact = "CSD0902";
    public const string InternalError = "CSD0999";
}
