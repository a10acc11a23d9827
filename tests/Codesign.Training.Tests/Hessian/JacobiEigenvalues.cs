namespace Codesign.Training.Tests.Hessian;

/// <summary>
/// Eigenvalues of a real symmetric matrix by the cyclic Jacobi method: plane rotations that each zero one
/// off-diagonal pair, swept until the off-diagonal mass is negligible. Slow (O(n³) per sweep) but simple and
/// accurate to rounding, which is all the 12 x 12 reference blocks need.
/// </summary>
internal static class JacobiEigenvalues
{
    public static double[] Compute(double[,] symmetric, int maxSweeps = 100)
    {
        var n = symmetric.GetLength(0);
        var a = (double[,])symmetric.Clone();
        for (var sweep = 0; sweep < maxSweeps && OffDiagonal(a) > 1e-30 * Math.Max(1, Frobenius(a)); sweep++)
        {
            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (a[p, q] != 0)
                    {
                        Rotate(a, p, q);
                    }
                }
            }
        }

        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = a[i, i];
        }

        Array.Sort(values);
        return values;
    }

    /// <summary>A ← PᵀAP with the rotation in the (p, q) plane that makes a[p, q] zero.</summary>
    private static void Rotate(double[,] a, int p, int q)
    {
        var n = a.GetLength(0);
        var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
        // The smaller root of t² + 2θt - 1 = 0 keeps the rotation angle below π/4, which keeps the sweep stable.
        var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        var c = 1 / Math.Sqrt((t * t) + 1);
        var s = t * c;
        for (var k = 0; k < n; k++)
        {
            var akp = a[k, p];
            var akq = a[k, q];
            a[k, p] = (c * akp) - (s * akq);
            a[k, q] = (s * akp) + (c * akq);
        }

        for (var k = 0; k < n; k++)
        {
            var apk = a[p, k];
            var aqk = a[q, k];
            a[p, k] = (c * apk) - (s * aqk);
            a[q, k] = (s * apk) + (c * aqk);
        }
    }

    private static double OffDiagonal(double[,] a)
    {
        var sum = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                sum += i == j ? 0 : a[i, j] * a[i, j];
            }
        }

        return sum;
    }

    private static double Frobenius(double[,] a) => a.Cast<double>().Sum(x => x * x);
}
