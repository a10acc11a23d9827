namespace Codesign.Training.Hessian;

/// <summary>
/// Settings of the per-layer Hessian analysis. The loss is the mean of the per-batch mean cross-entropies over the
/// first <see cref="Batches"/> batches of <see cref="BatchSize"/> training rows; the seed fixes every probe and
/// start vector, so the same network, rows and options give a bit-identical <see cref="HessianReport"/>.
/// </summary>
public sealed record HessianOptions
{
    /// <summary>How many batches of training rows enter the loss.</summary>
    public int Batches { get; init; } = 4;

    public int BatchSize { get; init; } = 256;

    public ulong Seed { get; init; } = 42;

    /// <summary>Hutchinson stops once the standard error of the mean is below this fraction of the mean; 0 runs every probe.</summary>
    public double TraceTolerance { get; init; } = 1e-2;

    /// <summary>Probes taken before the tolerance is checked; at least 2, because one probe has no standard error.</summary>
    public int MinProbes { get; init; } = 10;

    public int MaxProbes { get; init; } = 200;

    /// <summary>Power iteration stops once the eigenvalue changes by less than this fraction between iterations; 0 runs every iteration.</summary>
    public double EigenTolerance { get; init; } = 1e-4;

    public int MaxIterations { get; init; } = 100;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a setting outside its range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Batches);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinProbes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxProbes, MinProbes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations);
        if (!(TraceTolerance >= 0) || double.IsPositiveInfinity(TraceTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(TraceTolerance), TraceTolerance, "The trace tolerance must be a finite number >= 0.");
        }

        if (!(EigenTolerance >= 0) || double.IsPositiveInfinity(EigenTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(EigenTolerance), EigenTolerance, "The eigenvalue tolerance must be a finite number >= 0.");
        }
    }
}
