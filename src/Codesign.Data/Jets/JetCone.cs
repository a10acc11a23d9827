namespace Codesign.Data.Jets;

/// <summary>
/// Finds the jet: the reconstructed constituents within ΔR &lt; <see cref="Radius"/> of the jet axis. The axis
/// starts at the direction of the object that made the jet and is then moved to the E-scheme sum of what it
/// contains, once, as a stable cone would; for an isolated high-pT jet this selects what anti-kT with R = 0.8
/// does.
/// </summary>
internal sealed class JetCone
{
    /// <summary>The jet radius of the hls4ml sample (anti-kT, R = 0.8).</summary>
    public const double Radius = 0.8;

    private double[] _rapidity = new double[256];
    private double[] _phi = new double[256];

    /// <summary>Replaces <paramref name="jet"/> with the constituents of the jet around rapidity 0, azimuth 0.</summary>
    public void Select(ParticleBuffer constituents, ParticleBuffer jet)
    {
        var count = constituents.Count;
        if (count > _rapidity.Length)
        {
            _rapidity = new double[Math.Max(count, 2 * _rapidity.Length)];
            _phi = new double[_rapidity.Length];
        }

        for (var i = 0; i < count; i++)
        {
            _rapidity[i] = constituents[i].Rapidity;
            _phi[i] = constituents[i].Phi;
        }

        const double radius2 = Radius * Radius;
        double axisRapidity = 0, axisPhi = 0;
        var sum = FourMomentum.Zero;
        for (var i = 0; i < count; i++)
        {
            if (FourMomentum.DeltaR2(_rapidity[i], _phi[i], axisRapidity, axisPhi) < radius2)
            {
                sum += constituents[i];
            }
        }

        if (sum.E > 0)
        {
            axisRapidity = sum.Rapidity;
            axisPhi = sum.Phi;
        }

        jet.Clear();
        for (var i = 0; i < count; i++)
        {
            if (FourMomentum.DeltaR2(_rapidity[i], _phi[i], axisRapidity, axisPhi) < radius2)
            {
                jet.Add(constituents[i], constituents.Kind(i));
            }
        }
    }
}
