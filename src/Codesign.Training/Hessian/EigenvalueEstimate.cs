namespace Codesign.Training.Hessian;

/// <summary>Power iteration's estimate of a Hessian block's eigenvalue of largest magnitude.</summary>
/// <param name="Eigenvalue">The last Rayleigh quotient vᵀHv (|v| = 1), with its sign.</param>
/// <param name="Iterations">Hessian-vector products used.</param>
/// <param name="Converged">Whether the relative change fell below the tolerance before the iteration cap.</param>
public sealed record EigenvalueEstimate(double Eigenvalue, int Iterations, bool Converged);
