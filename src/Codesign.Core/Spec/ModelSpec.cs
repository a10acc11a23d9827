using Codesign.Core.Diagnostics;

namespace Codesign.Core.Spec;

public enum LayerKind
{
    Dense,
}

public enum Activation
{
    None,
    Relu,
}

/// <summary>The <c>model:</c> section: a feed-forward stack of layers applied to <see cref="Inputs"/> features.</summary>
public sealed record ModelSpec(int Inputs, IReadOnlyList<LayerSpec> Layers, SourceSpan Location)
{
    public int Outputs => Layers[^1].Units;
}

public sealed record LayerSpec(string Name, LayerKind Kind, int Units, Activation Activation, bool BatchNorm, SourceSpan Location);
