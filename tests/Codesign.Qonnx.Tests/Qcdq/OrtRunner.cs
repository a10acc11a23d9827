using Codesign.Core.Graph;
using Microsoft.ML.OnnxRuntime;

namespace Codesign.Qonnx.Tests.Qcdq;

/// <summary>Runs a serialized ONNX model in ONNX Runtime on one float32 batch.</summary>
internal static class OrtRunner
{
    public static string Version => OrtEnv.Instance().GetVersionString();

    /// <summary>The float32 values of every requested output (the graph's own outputs by default), by name.</summary>
    public static Dictionary<string, float[]> Run(byte[] model, string inputName, TensorShape inputShape, float[] inputs, int rows, GraphOptimizationLevel level)
    {
        // One intra-op thread: the machine is shared, and the summation order then does not depend on the thread count.
        using var options = new SessionOptions { GraphOptimizationLevel = level, IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        long[] shape = [rows, .. inputShape.Dimensions.Select(d => (long)d)];
        using var input = OrtValue.CreateTensorValueFromMemory(inputs, shape);
        using var runOptions = new RunOptions();
        var names = session.OutputNames.ToArray();
        using var results = session.Run(runOptions, [inputName], [input], names);
        return names.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second.GetTensorDataAsSpan<float>().ToArray(), StringComparer.Ordinal);
    }
}
