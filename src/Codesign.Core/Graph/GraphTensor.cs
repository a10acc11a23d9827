using Codesign.Core.Numerics;

namespace Codesign.Core.Graph;

/// <summary>
/// A tensor flowing between nodes: its per-sample shape and its fixed-point format. Only the graph input has no
/// format (it carries real numbers until the first Quant node); every other tensor holds exact fixed-point values.
/// </summary>
public sealed record GraphTensor(string Name, TensorShape Shape, FixedPointFormat? Format)
{
    public bool IsQuantized => Format is not null;
}
