using Codesign.Data.Jets;

namespace Codesign.Data.Tests.Jets;

public sealed class CambridgeAachenTests
{
    private static FourMomentum At(double pt, double rapidity, double phi) => FourMomentum.FromPtRapidityPhi(pt, rapidity, phi);

    [Fact]
    public void Merges_the_closest_pair_first_and_the_widest_last()
    {
        // On a line in rapidity: 0 and 1 are 0.1 apart, their merger is ~0.3 from 2, everything is ~1 from 3.
        FourMomentum[] particles = [At(100, 0, 0), At(100, 0.1, 0), At(50, 0.35, 0), At(10, 1.3, 0)];
        var tree = new CambridgeAachen();

        tree.Cluster(particles);

        Assert.Equal(4, tree.LeafCount);
        Assert.Equal(7, tree.NodeCount);
        Assert.Equal((0, 1), (tree.Left(4), tree.Right(4)));
        Assert.Equal((2, 4), Sorted(tree.Left(5), tree.Right(5)));
        Assert.Equal((3, 5), Sorted(tree.Left(6), tree.Right(6)));
        Assert.Equal(6, tree.Root);
        Assert.Equal(0.01, tree.MergeDistance2(4), 1e-12);
        Assert.True(tree.MergeDistance2(4) < tree.MergeDistance2(5) && tree.MergeDistance2(5) < tree.MergeDistance2(6));
    }

    [Fact]
    public void Clusters_by_angle_not_by_momentum()
    {
        // The soft particle is closest to the hard one on the right, so it joins that one first.
        FourMomentum[] particles = [At(500, -0.2, 0), At(500, 0.2, 0), At(1, 0.25, 0.02)];
        var tree = new CambridgeAachen();

        tree.Cluster(particles);

        Assert.Equal((1, 2), Sorted(tree.Left(3), tree.Right(3)));
        Assert.Equal((0, 3), Sorted(tree.Left(4), tree.Right(4)));
    }

    [Fact]
    public void The_root_holds_every_constituent_and_their_summed_momentum()
    {
        var particles = Enumerable.Range(0, 25)
            .Select(i => At(10 + i, 0.03 * i * Math.Cos(i), 0.03 * i * Math.Sin(i)))
            .ToArray();
        var tree = new CambridgeAachen();

        tree.Cluster(particles);
        var leaves = new int[25];
        var count = tree.CollectLeaves(tree.Root, leaves);

        Assert.Equal(25, count);
        Assert.Equal(Enumerable.Range(0, 25), leaves.Order());
        var sum = particles.Aggregate(FourMomentum.Zero, (a, b) => a + b);
        Assert.Equal(sum.E, tree.Momentum(tree.Root).E, 1e-9);
        Assert.Equal(sum.Mass, tree.Momentum(tree.Root).Mass, 1e-6);
    }

    [Fact]
    public void Merge_order_matches_a_naive_search_for_the_closest_pair()
    {
        var particles = Enumerable.Range(0, 40)
            .Select(i => At(1 + (i % 7), 0.7 * Math.Sin(1.3 * i), 0.7 * Math.Cos(2.1 * i)))
            .ToArray();
        var tree = new CambridgeAachen();

        tree.Cluster(particles);

        // Replay: at every step the pair merged must be the closest of the objects then present.
        var present = Enumerable.Range(0, 40).ToList();
        for (var node = 40; node < tree.NodeCount; node++)
        {
            var closest = double.PositiveInfinity;
            for (var a = 0; a < present.Count; a++)
            {
                for (var b = a + 1; b < present.Count; b++)
                {
                    closest = Math.Min(closest, FourMomentum.DeltaR2(
                        tree.Rapidity(present[a]), tree.Phi(present[a]), tree.Rapidity(present[b]), tree.Phi(present[b])));
                }
            }

            Assert.Equal(closest, tree.MergeDistance2(node), 1e-12);
            Assert.True(present.Remove(tree.Left(node)) && present.Remove(tree.Right(node)));
            present.Add(node);
        }
    }

    [Fact]
    public void One_constituent_is_its_own_root()
    {
        var tree = new CambridgeAachen();

        tree.Cluster([At(100, 0, 0)]);

        Assert.Equal(0, tree.Root);
        Assert.True(tree.IsLeaf(tree.Root));
    }

    private static (int, int) Sorted(int a, int b) => a < b ? (a, b) : (b, a);
}
