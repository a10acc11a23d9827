namespace Codesign.Training.Hessian;

/// <summary>The per-layer Hessian analysis of a network, in layer order.</summary>
/// <param name="Layers">One entry per dense layer.</param>
/// <param name="Samples">Training rows in the loss.</param>
/// <param name="Batches">Batches those rows formed (the loss is the mean of their mean losses).</param>
/// <param name="Seed">The seed every probe and start vector came from.</param>
public sealed record HessianReport(IReadOnlyList<LayerHessian> Layers, int Samples, int Batches, ulong Seed);
