using System.Diagnostics.CodeAnalysis;
using Codesign.Core.Graph;
using Codesign.Qonnx.Execution;
using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx.Reading;

/// <summary>
/// What a QONNX file turned out to be: a <see cref="QuantizedGraph"/> the integer executor and the HLS writer can
/// take, or the reasons it is not one (each naming the node and property). Either way the model passed every
/// structural check, so <see cref="CreateFloatExecutor"/> can still run it with QONNX's float semantics.
/// </summary>
public sealed class QonnxReadResult
{
    internal QonnxReadResult(ModelProto model, string file, QuantizedGraph? graph, IReadOnlyList<string> reasons)
    {
        Model = model;
        File = file;
        Graph = graph;
        Reasons = reasons;
    }

    public ModelProto Model { get; }

    /// <summary>The file name diagnostics point at.</summary>
    public string File { get; }

    public QuantizedGraph? Graph { get; }

    /// <summary>Empty exactly when <see cref="Graph"/> is set.</summary>
    public IReadOnlyList<string> Reasons { get; }

    [MemberNotNullWhen(true, nameof(Graph))]
    public bool IsRepresentable => Graph is not null;

    public OnnxFloatExecutor CreateFloatExecutor() => OnnxFloatExecutor.FromModel(Model, File);
}
