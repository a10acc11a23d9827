using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx;

/// <summary>What the QONNX and QCDQ graph builders share, so a node both files write the same way is written once.</summary>
internal interface IOnnxNodeWriter
{
    void Initializer(TensorProto tensor);

    /// <summary>A node whose output is the IR tensor of that name, with the builder's value_info for it.</summary>
    NodeProto NodeProto(string opType, string name, string[] inputs, string output);
}
