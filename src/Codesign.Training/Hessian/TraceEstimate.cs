namespace Codesign.Training.Hessian;

/// <summary>Hutchinson's estimate of a Hessian block's trace.</summary>
/// <param name="Trace">Mean of vᵀHv over the probes.</param>
/// <param name="StandardError">Sample standard deviation of vᵀHv / √probes.</param>
/// <param name="Probes">Probes used.</param>
/// <param name="Converged">Whether the relative standard error fell below the tolerance before the probe cap.</param>
public sealed record TraceEstimate(double Trace, double StandardError, int Probes, bool Converged);
