using Codesign.Training.Hessian;
using TorchSharp;
using Xunit.Abstractions;

namespace Codesign.Training.Tests.Hessian;

public class HessianVectorProductTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("dense_1")]
    [InlineData("dense_2")]
    public void Products_agree_with_finite_differences_of_a_hand_coded_gradient(string layer)
    {
        using var network = HessianFixtures.Network();
        network.eval();
        var rows = HessianFixtures.Rows();
        var options = HessianFixtures.Options();
        using var scope = torch.NewDisposeScope();
        using var product = new HessianVectorProduct(network, HessianBatches.Take(rows, options), HessianFixtures.Weight(network, layer));

        var fromProducts = ExactHessian.FromProducts(product);
        var fromDifferences = ExactHessian.FromFiniteDifferences(
            new ReferenceGradient(rows, options.Batches, options.BatchSize), HessianFixtures.State(network), layer);

        var scale = ExactHessian.MaxAbs(fromDifferences);
        var difference = ExactHessian.MaxAbsDifference(fromProducts, fromDifferences);
        var asymmetry = ExactHessian.MaxAbsDifference(fromProducts, Transposed(fromProducts));
        output.WriteLine($"{layer}: max |H| {scale:G6}, max |H_hvp - H_fd| {difference:G3} ({difference / scale:G3} relative), max |H - Hᵀ| {asymmetry:G3}");
        Assert.True(scale > 1e-3, "the block is not trivially zero");
        Assert.True(difference < 1e-4 * scale, $"double backward and finite differences differ by {difference} (scale {scale})");
        Assert.True(asymmetry < 1e-5 * scale, $"the product-built Hessian is asymmetric by {asymmetry}");
    }

    [Fact]
    public void A_direction_of_the_wrong_shape_is_rejected()
    {
        using var network = HessianFixtures.Network();
        using var scope = torch.NewDisposeScope();
        using var product = new HessianVectorProduct(network, HessianBatches.Take(HessianFixtures.Rows(), HessianFixtures.Options()), HessianFixtures.Weight(network, "dense_1"));

        Assert.Equal([4L, 3L], product.Shape);
        Assert.Throws<ArgumentException>(() => product.Apply(torch.ones(3, 4)));
    }

    private static double[,] Transposed(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[j, i] = matrix[i, j];
            }
        }

        return result;
    }
}
