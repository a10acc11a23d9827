using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx.Reading;

/// <summary>
/// Reads QONNX: our own exports (which read back to the identical <see cref="Core.Graph.QuantizedGraph"/>, so
/// writing again gives the same bytes) and other producers' models (Brevitas' <c>onnx.brevitas</c> Quant, Gemm
/// with transB, MatMul+Add, channels-last Conv, Relu, Flatten, Reshape, Identity; initializers repeated in
/// graph.input are ignored as inputs). A file that is not well-formed throws a
/// <see cref="Core.Diagnostics.CodesignException"/> (CSD0401–CSD0405); a well-formed one that the IR cannot express
/// comes back with its reasons.
/// </summary>
public static class QonnxReader
{
    public static QonnxReadResult Read(byte[] bytes, string fileName)
    {
        var diagnostics = new OnnxDiagnostics(fileName);
        return Recognize(OnnxModelParser.Parse(bytes, diagnostics), diagnostics);
    }

    public static QonnxReadResult ReadFile(string path)
    {
        var diagnostics = new OnnxDiagnostics(path);
        return Recognize(OnnxModelParser.Parse(OnnxModelParser.ReadFile(path, diagnostics), diagnostics), diagnostics);
    }

    public static QonnxReadResult FromModel(ModelProto model, string fileName) =>
        Recognize(model, new OnnxDiagnostics(fileName));

    private static QonnxReadResult Recognize(ModelProto model, OnnxDiagnostics diagnostics)
    {
        var graph = LoadedOnnxGraph.Load(model, diagnostics);
        var (quantized, reasons) = QuantizedGraphRecognizer.Recognize(graph);
        return new QonnxReadResult(model, diagnostics.File, quantized, reasons);
    }
}
