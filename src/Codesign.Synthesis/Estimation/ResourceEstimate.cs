namespace Codesign.Synthesis.Estimation;

/// <summary>The whole design's estimate: one row per node and the totals as a <see cref="SynthesisReport"/>.</summary>
public sealed record ResourceEstimate(IReadOnlyList<LayerEstimate> Layers, SynthesisReport Report);
