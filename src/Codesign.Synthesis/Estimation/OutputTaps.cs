namespace Codesign.Synthesis.Estimation;

/// <summary>The weights that feed one output of a dense or convolution layer, and whether a bias is added.</summary>
internal sealed record OutputTaps(IReadOnlyList<long> Weights, bool HasBias, int FanIn);
