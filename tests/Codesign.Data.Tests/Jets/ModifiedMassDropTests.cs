using Codesign.Data.Jets;

namespace Codesign.Data.Tests.Jets;

public sealed class ModifiedMassDropTests
{
    private static FourMomentum At(double pt, double rapidity, double phi) => FourMomentum.FromPtRapidityPhi(pt, rapidity, phi);

    private static (CambridgeAachen Tree, int Groomed) Groom(params FourMomentum[] particles)
    {
        var tree = new CambridgeAachen();
        tree.Cluster(particles);
        return (tree, ModifiedMassDrop.Groom(tree));
    }

    [Fact]
    public void Drops_a_soft_wide_angle_particle_and_keeps_a_symmetric_pair()
    {
        var hard1 = At(500, 0.1, 0);
        var hard2 = At(400, -0.1, 0);
        var soft = At(20, 0, 0.6);

        var (tree, groomed) = Groom(hard1, hard2, soft);

        var leaves = new int[3];
        Assert.Equal(2, tree.CollectLeaves(groomed, leaves));
        Assert.Equal([0, 1], leaves[..2].Order());
        Assert.Equal((hard1 + hard2).Mass, tree.Momentum(groomed).Mass, 1e-9);
    }

    [Fact]
    public void An_asymmetric_splitting_is_groomed_down_to_the_harder_prong()
    {
        // 50 / (950 + 50) = 0.05 < z_cut: the soft prong goes and a single massless particle remains.
        var (tree, groomed) = Groom(At(950, 0, 0), At(50, 0.3, 0));

        Assert.Equal(0, groomed);
        Assert.Equal(0, tree.Momentum(groomed).Mass, 1e-3);
    }

    [Theory]
    [InlineData(0.09, false)]
    [InlineData(0.11, true)]
    public void The_energy_sharing_is_compared_with_z_cut(double softFraction, bool kept)
    {
        var (tree, groomed) = Groom(At(1000 * (1 - softFraction), 0, 0), At(1000 * softFraction, 0.2, 0));

        Assert.Equal(kept, !tree.IsLeaf(groomed));
    }
}
