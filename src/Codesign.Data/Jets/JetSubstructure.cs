namespace Codesign.Data.Jets;

/// <summary>
/// Computes the 16 hls4ml features of one jet from its constituents, by the definitions used for the published
/// data set (FastJet with the EnergyCorrelator and RecursiveTools contribs, "pt_R" measure):
/// <list type="bullet">
/// <item>j_zlogz = Σ z_i ln z_i over the ungroomed constituents, with energy fractions z_i = E_i / E_jet.</item>
/// <item>j_multiplicity: the number of ungroomed constituents.</item>
/// <item>Every *_mmdt feature on the jet groomed by <see cref="ModifiedMassDrop"/> (z_cut = 0.1), with
/// z_i = pT_i / Σ pT and ΔR in (y, φ): C1^(β) = e2^(β) (β = 0, 1, 2); C2^(β) = e3^(β) / (e2^(β))²;
/// D2^(β) = e3^(β) / (e2^(β))³; the generalized D2^(α=1, β) = e3^(1) / (e2^(β))^(3/β) (Larkoski, Moult, Neill 2014,
/// arXiv:1409.6298, as FastJet's EnergyCorrelatorGeneralizedD2 defines it; for β = 1 it equals D2^(1));
/// M2^(β) = 1e3^(β) / 1e2^(β); N2^(β) = 2e3^(β) / (1e2^(β))² (Moult, Necib, Thaler 2016); the groomed mass.</item>
/// </list>
/// A ratio whose denominator vanishes (a groomed jet of one constituent, or of constituents in one direction)
/// is defined as 0, which is also its limit for two constituents (e3 = 0). Every correlator is summed exactly over
/// all pairs and triples of groomed constituents, with no cap (see <see cref="EnergyCorrelators.Triples"/>).
/// </summary>
internal sealed class JetSubstructure
{
    private readonly CambridgeAachen _tree = new();
    private int[] _leaves = new int[256];
    private double[] _pt = new double[256];
    private double[] _rapidity = new double[256];
    private double[] _phi = new double[256];
    private double[] _scratch = new double[EnergyCorrelators.TripleScratchLength(64)];

    /// <summary>Writes the 16 features, in <see cref="JetFeatures"/> order, of a jet with at least one constituent.</summary>
    public void Compute(ReadOnlySpan<FourMomentum> constituents, Span<float> features)
    {
        var count = constituents.Length;
        if (count == 0)
        {
            throw new ArgumentException("A jet needs at least one constituent.", nameof(constituents));
        }

        EnsureCapacity(count);
        var energy = 0.0;
        for (var i = 0; i < count; i++)
        {
            energy += constituents[i].E;
        }

        var zLogZ = 0.0;
        for (var i = 0; i < count; i++)
        {
            var fraction = constituents[i].E / energy;
            if (fraction > 0)
            {
                zLogZ += fraction * Math.Log(fraction);
            }
        }

        _tree.Cluster(constituents);
        var groomed = ModifiedMassDrop.Groom(_tree);
        var groomedCount = _tree.CollectLeaves(groomed, _leaves);
        for (var i = 0; i < groomedCount; i++)
        {
            var leaf = _leaves[i];
            _pt[i] = _tree.Pt(leaf);
            _rapidity[i] = _tree.Rapidity(leaf);
            _phi[i] = _tree.Phi(leaf);
        }

        var pairs = EnergyCorrelators.Pairs(_pt.AsSpan(0, groomedCount), _rapidity.AsSpan(0, groomedCount), _phi.AsSpan(0, groomedCount));
        var scratchLength = EnergyCorrelators.TripleScratchLength(groomedCount);
        if (scratchLength > _scratch.Length)
        {
            _scratch = new double[Math.Max(scratchLength, 2 * _scratch.Length)];
        }

        var triples = EnergyCorrelators.Triples(
            _pt.AsSpan(0, groomedCount), _rapidity.AsSpan(0, groomedCount), _phi.AsSpan(0, groomedCount), _scratch);

        features[JetFeatures.ZLogZ] = Feature(zLogZ);
        features[JetFeatures.C1Beta0] = Feature(pairs.E2Beta0);
        features[JetFeatures.C1Beta1] = Feature(pairs.E2Beta1);
        features[JetFeatures.C1Beta2] = Feature(pairs.E2Beta2);
        features[JetFeatures.C2Beta1] = Feature(Ratio(triples.E3Beta1, Square(pairs.E2Beta1)));
        features[JetFeatures.C2Beta2] = Feature(Ratio(triples.E3Beta2, Square(pairs.E2Beta2)));
        features[JetFeatures.D2Beta1] = Feature(Ratio(triples.E3Beta1, Cube(pairs.E2Beta1)));
        features[JetFeatures.D2Beta2] = Feature(Ratio(triples.E3Beta2, Cube(pairs.E2Beta2)));
        features[JetFeatures.D2Alpha1Beta1] = Feature(Ratio(triples.E3Beta1, Cube(pairs.E2Beta1)));
        features[JetFeatures.D2Alpha1Beta2] = Feature(Ratio(triples.E3Beta1, pairs.E2Beta2 * Math.Sqrt(pairs.E2Beta2)));
        features[JetFeatures.M2Beta1] = Feature(Ratio(triples.OneE3Beta1, pairs.E2Beta1));
        features[JetFeatures.M2Beta2] = Feature(Ratio(triples.OneE3Beta2, pairs.E2Beta2));
        features[JetFeatures.N2Beta1] = Feature(Ratio(triples.TwoE3Beta1, Square(pairs.E2Beta1)));
        features[JetFeatures.N2Beta2] = Feature(Ratio(triples.TwoE3Beta2, Square(pairs.E2Beta2)));
        features[JetFeatures.MassMmdt] = Feature(_tree.Momentum(groomed).Mass);
        features[JetFeatures.Multiplicity] = count;
    }

    private void EnsureCapacity(int count)
    {
        if (count > _leaves.Length)
        {
            var size = Math.Max(count, 2 * _leaves.Length);
            _leaves = new int[size];
            _pt = new double[size];
            _rapidity = new double[size];
            _phi = new double[size];
        }
    }

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : 0;

    /// <summary>Doubles to the dataset's floats; the clamp only guards against overflow to infinity.</summary>
    private static float Feature(double value) => (float)Math.Clamp(value, float.MinValue, float.MaxValue);

    private static double Square(double value) => value * value;

    private static double Cube(double value) => value * value * value;
}
