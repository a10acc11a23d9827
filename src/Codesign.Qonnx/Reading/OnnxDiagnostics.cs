using Codesign.Core.Diagnostics;

namespace Codesign.Qonnx.Reading;

/// <summary>
/// The exceptions for one ONNX file: every problem points at the whole file (a protobuf has no lines) and its
/// message names the node or tensor, so all reading and execution code reports through one instance.
/// </summary>
internal sealed class OnnxDiagnostics(string file)
{
    public string File { get; } = file;

    public CodesignException Malformed(string message) => Error(DiagnosticCodes.MalformedOnnx, message);

    public CodesignException UnsupportedOperator(string message) => Error(DiagnosticCodes.UnsupportedOnnxOperator, message);

    public CodesignException Invalid(string message) => Error(DiagnosticCodes.InvalidOnnxGraph, message);

    public CodesignException TooLarge(string message) => Error(DiagnosticCodes.OnnxTensorTooLarge, message);

    public CodesignException UnsupportedFeature(string message) => Error(DiagnosticCodes.UnsupportedOnnxFeature, message);

    private CodesignException Error(string code, string message) => new(code, SourceSpan.WholeFile(File), message);
}
