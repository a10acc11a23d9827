using TorchSharp;

namespace Codesign.Training.Tests.Hessian;

public class JacobiEigenvaluesTests
{
    [Fact]
    public void Known_matrices_give_their_eigenvalues()
    {
        AssertClose([1, 3], JacobiEigenvalues.Compute(new double[,] { { 2, 1 }, { 1, 2 } }), 1e-12);
        AssertClose([-2, 0, 5], JacobiEigenvalues.Compute(new double[,] { { 5, 0, 0 }, { 0, -2, 0 }, { 0, 0, 0 } }), 1e-12);
        // Tridiagonal (2, -1): eigenvalues 2 - 2cos(kπ/4), k = 1..3.
        AssertClose([2 - Math.Sqrt(2), 2, 2 + Math.Sqrt(2)], JacobiEigenvalues.Compute(new double[,] { { 2, -1, 0 }, { -1, 2, -1 }, { 0, -1, 2 } }), 1e-12);
    }

    [Fact]
    public void A_random_symmetric_matrix_agrees_with_torch_eigvalsh()
    {
        var random = new Random(5);
        const int n = 12;
        var matrix = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                matrix[i, j] = matrix[j, i] = (random.NextDouble() * 2) - 1;
            }
        }

        using var scope = torch.NewDisposeScope();
        var expected = torch.linalg.eigvalsh(torch.tensor(matrix.Cast<double>().ToArray(), [n, n])).data<double>().ToArray();

        AssertClose(expected, JacobiEigenvalues.Compute(matrix), 1e-10);
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), pair => Assert.InRange(pair.Second, pair.First - tolerance, pair.First + tolerance));
    }
}
