using Codesign.Core.Graph;
using Microsoft.ML.OnnxRuntime;

namespace Codesign.Qonnx.Tests.Qcdq;

/// <summary>Runs a serialized ONNX model in ONNX Runtime on one float32 batch.</summary>
internal static class OrtRunner
{
    /// <summary>
    /// Keeps int8 activations int8 in the QDQ fusions. ONNX Runtime 1.31.1 otherwise converts them to uint8 for x86
    /// (QDQS8ToU8Transformer) and, in an opset-21 model (where QuantizeLinear has an output_dtype attribute), on the
    /// Transpose → Conv of a channels-last graph, fails to load it with "output_dtype INT8 does not match y_zero_point
    /// type UINT8" at optimization level Extended and up. Opset-13 models are not affected.
    /// </summary>
    public static readonly KeyValuePair<string, string> KeepInt8Activations = new("session.qdqisint8allowed", "1");

    public static string Version => OrtEnv.Instance().GetVersionString();

    /// <summary>The float32 values of every output of the model, by name.</summary>
    public static Dictionary<string, float[]> Run(byte[] model, string inputName, TensorShape inputShape, float[] inputs, int rows, GraphOptimizationLevel level, params KeyValuePair<string, string>[] config)
    {
        // One intra-op thread: the machine is shared, and the summation order then does not depend on the thread count.
        using var options = new SessionOptions { GraphOptimizationLevel = level, IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        foreach (var (key, value) in config)
        {
            options.AddSessionConfigEntry(key, value);
        }

        using var session = new InferenceSession(model, options);
        long[] shape = [rows, .. inputShape.Dimensions.Select(d => (long)d)];
        using var input = OrtValue.CreateTensorValueFromMemory(inputs, shape);
        using var runOptions = new RunOptions();
        var names = session.OutputNames.ToArray();
        using var results = session.Run(runOptions, [inputName], [input], names);
        return names.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second.GetTensorDataAsSpan<float>().ToArray(), StringComparer.Ordinal);
    }
}
