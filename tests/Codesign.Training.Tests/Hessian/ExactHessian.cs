using Codesign.Training.Hessian;
using TorchSharp;

namespace Codesign.Training.Tests.Hessian;

/// <summary>Full Hessian blocks of the fixture network, built two independent ways.</summary>
internal static class ExactHessian
{
    /// <summary>Column k is H e_k, from the same double-backward product the estimators use.</summary>
    public static double[,] FromProducts(HessianVectorProduct product)
    {
        var n = (int)product.ParameterCount;
        var matrix = new double[n, n];
        for (var k = 0; k < n; k++)
        {
            using var scope = torch.NewDisposeScope();
            var entries = new float[n];
            entries[k] = 1;
            var unit = torch.tensor(entries).reshape(product.Shape);
            var column = product.Apply(unit).flatten().data<float>().ToArray();
            for (var i = 0; i < n; i++)
            {
                matrix[i, k] = column[i];
            }
        }

        return matrix;
    }

    /// <summary>Column k is (g(W + h e_k) - g(W - h e_k)) / 2h of the hand-coded double-precision gradient.</summary>
    public static double[,] FromFiniteDifferences(ReferenceGradient reference, Dictionary<string, double[]> state, string layer, double step = 1e-6)
    {
        var name = $"{layer}.weight";
        var weights = state[name];
        var n = weights.Length;
        var matrix = new double[n, n];
        for (var k = 0; k < n; k++)
        {
            var original = weights[k];
            weights[k] = original + step;
            var plus = Pick(reference.Compute(state), layer);
            weights[k] = original - step;
            var minus = Pick(reference.Compute(state), layer);
            weights[k] = original;
            for (var i = 0; i < n; i++)
            {
                matrix[i, k] = (plus[i] - minus[i]) / (2 * step);
            }
        }

        return matrix;
    }

    public static double Trace(double[,] matrix) => Enumerable.Range(0, matrix.GetLength(0)).Sum(i => matrix[i, i]);

    public static double MaxAbs(double[,] matrix) => matrix.Cast<double>().Max(Math.Abs);

    public static double MaxAbsDifference(double[,] a, double[,] b) =>
        a.Cast<double>().Zip(b.Cast<double>(), (x, y) => Math.Abs(x - y)).Max();

    /// <summary>(A + Aᵀ)/2: float rounding leaves the product-built matrix symmetric only to about 1e-7.</summary>
    public static double[,] Symmetrized(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i, j] = (matrix[i, j] + matrix[j, i]) / 2;
            }
        }

        return result;
    }

    private static double[] Pick((double[] Dense1, double[] Dense2) gradients, string layer) =>
        layer == "dense_1" ? gradients.Dense1 : gradients.Dense2;
}
