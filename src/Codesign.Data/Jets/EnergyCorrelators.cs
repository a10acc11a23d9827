using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Codesign.Data.Jets;

/// <summary>
/// The two-point normalized energy correlation functions of a set of particles (Larkoski, Salam, Thaler 2013,
/// arXiv:1305.0007), e2^(β) = Σ_{i&lt;j} z_i z_j ΔR_ij^β with z_i = pT_i / Σ_k pT_k, for β = 0, 1, 2. The β = 0 one is
/// Σ_{i&lt;j} z_i z_j = (1 - Σ z_i²) / 2. Two-point generalized correlators 1e2^(β) equal e2^(β).
/// </summary>
internal readonly record struct PairCorrelators(double E2Beta0, double E2Beta1, double E2Beta2);

/// <summary>
/// The three-point normalized correlators for β = 1, 2: e3^(β) = Σ_{i&lt;j&lt;k} z_i z_j z_k (ΔR_ij ΔR_ik ΔR_jk)^β
/// (Larkoski, Salam, Thaler 2013) and the generalized ones of Moult, Necib, Thaler 2016 (arXiv:1609.07483),
/// v e3^(β) = Σ_{i&lt;j&lt;k} z_i z_j z_k Π_{m=1..v} min^(m){ΔR_ij, ΔR_ik, ΔR_jk}^β, keeping the v smallest of the three
/// angles: 1e3 the smallest, 2e3 the product of the two smallest.
/// </summary>
internal readonly record struct TripleCorrelators(
    double E3Beta1,
    double E3Beta2,
    double OneE3Beta1,
    double OneE3Beta2,
    double TwoE3Beta1,
    double TwoE3Beta2);

/// <summary>
/// Computes energy correlation functions from particles given as (pT, rapidity, azimuth), angles being
/// ΔR = sqrt(Δy² + Δφ²), the "pt_R" measure of the FastJet EnergyCorrelator contrib the hls4ml features come from.
/// </summary>
internal static class EnergyCorrelators
{
    public static PairCorrelators Pairs(ReadOnlySpan<double> pt, ReadOnlySpan<double> rapidity, ReadOnlySpan<double> phi)
    {
        var count = pt.Length;
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += pt[i];
        }

        if (count < 2 || !(total > 0))
        {
            return default;
        }

        double beta0 = 0, beta1 = 0, beta2 = 0;
        for (var i = 0; i < count; i++)
        {
            double rowBeta0 = 0, rowBeta1 = 0, rowBeta2 = 0;
            var (rapidityI, phiI) = (rapidity[i], phi[i]);
            for (var j = i + 1; j < count; j++)
            {
                var dy = rapidityI - rapidity[j];
                var dphi = Math.Abs(phiI - phi[j]);
                if (dphi > Math.PI)
                {
                    dphi = (2 * Math.PI) - dphi;
                }

                var distance2 = (dy * dy) + (dphi * dphi);
                rowBeta0 += pt[j];
                rowBeta1 += pt[j] * Math.Sqrt(distance2);
                rowBeta2 += pt[j] * distance2;
            }

            beta0 += pt[i] * rowBeta0;
            beta1 += pt[i] * rowBeta1;
            beta2 += pt[i] * rowBeta2;
        }

        var norm = 1 / (total * total);
        return new PairCorrelators(beta0 * norm, beta1 * norm, beta2 * norm);
    }

    /// <summary>The scratch length <see cref="Triples"/> needs for <paramref name="count"/> particles.</summary>
    public static int TripleScratchLength(int count)
    {
        var stride = Stride(count);
        return (stride * count) + stride;
    }

    /// <summary>
    /// The three-point correlators by their O(n³) definition, summed exactly over every triple. The innermost loop runs
    /// four triples at a time (<see cref="Vector256{T}"/>) over zero-padded rows: padding has zero pT and so adds
    /// nothing. Each lane does the same IEEE operations a scalar loop would and the lanes are reduced in a fixed
    /// order, so the result is identical with or without vector hardware.
    /// </summary>
    /// <param name="pt">Transverse momenta.</param>
    /// <param name="rapidity">Rapidities.</param>
    /// <param name="phi">Azimuths.</param>
    /// <param name="scratch">At least <see cref="TripleScratchLength"/>(count) values.</param>
    public static TripleCorrelators Triples(ReadOnlySpan<double> pt, ReadOnlySpan<double> rapidity, ReadOnlySpan<double> phi, Span<double> scratch)
    {
        var count = pt.Length;
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += pt[i];
        }

        if (count < 3 || !(total > 0))
        {
            return default;
        }

        // Row i of the angle matrix holds ΔR_ik for k > i (and zeros elsewhere); the last row is the padded pT.
        var stride = Stride(count);
        if (scratch.Length < TripleScratchLength(count))
        {
            throw new ArgumentException($"The scratch needs {TripleScratchLength(count)} values for {count} particles.", nameof(scratch));
        }

        var used = scratch[..TripleScratchLength(count)];
        used.Clear();
        pt.CopyTo(used[(stride * count)..]);
        for (var i = 0; i < count; i++)
        {
            var row = used.Slice(i * stride, stride);
            var (rapidityI, phiI) = (rapidity[i], phi[i]);
            for (var k = i + 1; k < count; k++)
            {
                var dy = rapidityI - rapidity[k];
                var dphi = Math.Abs(phiI - phi[k]);
                if (dphi > Math.PI)
                {
                    dphi = (2 * Math.PI) - dphi;
                }

                row[k] = Math.Sqrt((dy * dy) + (dphi * dphi));
            }
        }

        // Unchecked vector loads: every offset below is inside `used` (rows and the pT row are `stride` long, and a
        // load starting at k < count ends before k + Lanes <= stride).
        ref var origin = ref MemoryMarshal.GetReference(used);
        var weightRow = (nuint)(stride * count);
        var sums = default(TripleSums);
        for (var i = 0; i < count - 2; i++)
        {
            var rowI = (nuint)(i * stride);
            for (var j = i + 1; j < count - 1; j++)
            {
                var rowJ = (nuint)(j * stride);
                var ij = Vector256.Create(used[(i * stride) + j]);
                var pairWeight = Vector256.Create(pt[i] * pt[j]);
                for (var k = (nuint)(j + 1); k < (nuint)count; k += Lanes)
                {
                    var ik = Vector256.LoadUnsafe(ref origin, rowI + k);
                    var jk = Vector256.LoadUnsafe(ref origin, rowJ + k);
                    var weight = pairWeight * Vector256.LoadUnsafe(ref origin, weightRow + k);
                    var product = ij * ik * jk;
                    var smallest = Vector256.Min(ij, Vector256.Min(ik, jk));
                    var middle = Vector256.Max(Vector256.Min(ij, ik), Vector256.Min(Vector256.Max(ij, ik), jk));
                    var smallestTwo = smallest * middle;
                    sums.E3Beta1 += weight * product;
                    sums.E3Beta2 += weight * product * product;
                    sums.OneBeta1 += weight * smallest;
                    sums.OneBeta2 += weight * smallest * smallest;
                    sums.TwoBeta1 += weight * smallestTwo;
                    sums.TwoBeta2 += weight * smallestTwo * smallestTwo;
                }
            }
        }

        var e3Beta1 = Reduce(sums.E3Beta1);
        var e3Beta2 = Reduce(sums.E3Beta2);
        var oneBeta1 = Reduce(sums.OneBeta1);
        var oneBeta2 = Reduce(sums.OneBeta2);
        var twoBeta1 = Reduce(sums.TwoBeta1);
        var twoBeta2 = Reduce(sums.TwoBeta2);
        var norm = 1 / (total * total * total);
        return new TripleCorrelators(e3Beta1 * norm, e3Beta2 * norm, oneBeta1 * norm, oneBeta2 * norm, twoBeta1 * norm, twoBeta2 * norm);
    }

    private const uint Lanes = 4;

    /// <summary>Row length: the count rounded up to whole vectors, plus one vector so a load starting at any k &lt; count fits.</summary>
    private static int Stride(int count) => ((count + (int)Lanes - 1) / (int)Lanes * (int)Lanes) + (int)Lanes;

    /// <summary>Adds the four lanes in a fixed order.</summary>
    private static double Reduce(Vector256<double> value) =>
        (value.GetElement(0) + value.GetElement(1)) + (value.GetElement(2) + value.GetElement(3));

    private struct TripleSums
    {
        public Vector256<double> E3Beta1;
        public Vector256<double> E3Beta2;
        public Vector256<double> OneBeta1;
        public Vector256<double> OneBeta2;
        public Vector256<double> TwoBeta1;
        public Vector256<double> TwoBeta2;
    }
}
