namespace Codesign.Training.Hessian;

/// <summary>
/// Curvature of the loss with respect to one layer's weight matrix (<c>&lt;layer&gt;.weight</c>; the bias is not
/// part of the block): the Hutchinson trace with its standard error, and the top eigenvalue by power iteration.
/// </summary>
/// <param name="Layer">The spec's layer name, e.g. <c>dense_1</c>.</param>
/// <param name="ParameterCount">Entries of the weight matrix (n, the size of the Hessian block).</param>
/// <param name="Trace">Hutchinson's estimate of Tr(H): the mean of vᵀHv over Rademacher probes.</param>
/// <param name="TraceStandardError">Standard error of that mean (sample standard deviation / √probes).</param>
/// <param name="TraceProbes">Probes used.</param>
/// <param name="TraceConverged">Whether the relative standard error fell below the tolerance before the probe cap.</param>
/// <param name="TopEigenvalue">The eigenvalue of largest magnitude (power iteration), with its sign.</param>
/// <param name="EigenIterations">Hessian-vector products power iteration used.</param>
/// <param name="EigenConverged">Whether the eigenvalue settled within the tolerance before the iteration cap.</param>
public sealed record LayerHessian(
    string Layer,
    int ParameterCount,
    double Trace,
    double TraceStandardError,
    int TraceProbes,
    bool TraceConverged,
    double TopEigenvalue,
    int EigenIterations,
    bool EigenConverged)
{
    /// <summary>Tr(H)/n, the sensitivity HAWQ-V3 weighs a layer's quantization error with.</summary>
    public double AverageTrace => Trace / ParameterCount;
}
