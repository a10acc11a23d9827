using Codesign.Data.Randomness;

namespace Codesign.Data.Jets;

/// <summary>
/// Turns each final parton into hadrons by independent fragmentation (Field and Feynman 1978): a quark's energy is
/// handed out iteratively, each new hadron taking a fraction z of what is left, z drawn from
/// f(z) = 1 - a + 3a(1 - z)² with a = 0.77, until less than <see cref="StopEnergy"/> remains, which goes to a last
/// hadron. The count therefore grows like ln(E) with moderate fluctuations, as hadron multiplicities do. A gluon
/// first splits into a quark-antiquark pair sharing its energy by z² + (1 - z)², each fragmenting as above, so a
/// gluon yields about twice the hadrons of a quark of the same energy (in string language, a gluon is a kink joining
/// two string pieces). Each hadron gets a Gaussian transverse momentum of <see cref="TransverseMomentumSpread"/> GeV
/// per component around the parton direction; the kicks of one parton's hadrons sum to zero, so the parton's momentum
/// direction is kept. Hadrons are massless; each is charged with probability 0.62, a photon (from π0 decays) with
/// 0.28 and a neutral hadron otherwise, which matters only for how the detector sees it. Also adds the underlying
/// event.
/// </summary>
internal static class Hadronization
{
    /// <summary>Field-Feynman's a in f(z) = 1 - a + 3a(1 - z)².</summary>
    public const double FragmentationShape = 0.77;

    /// <summary>GeV: fragmentation stops when less than this is left; the rest becomes the last hadron.</summary>
    public const double StopEnergy = 0.5;

    /// <summary>GeV, per transverse component; ⟨k_t⟩ ≈ 1.25 times this.</summary>
    public const double TransverseMomentumSpread = 0.3;

    public const double ChargedFraction = 0.62;
    public const double PhotonFraction = 0.28;

    /// <summary>Underlying-event particles per unit area in (y, φ) near the jet, and their mean pT (GeV, exponential).</summary>
    public const double UnderlyingEventDensity = 2.0;
    public const double UnderlyingEventMeanPt = 0.8;

    private const int MaximumHadronsPerParton = 256;

    /// <summary>Appends the hadrons of every parton in <paramref name="partons"/> to <paramref name="hadrons"/>.</summary>
    public static void Hadronize(ParticleBuffer partons, Xoshiro256StarStar random, ParticleBuffer hadrons)
    {
        Span<double> energies = stackalloc double[MaximumHadronsPerParton];
        for (var p = 0; p < partons.Count; p++)
        {
            var parton = partons[p];
            var energy = parton.E;
            int count;
            if (partons.Kind(p) == ParticleKind.Gluon)
            {
                var share = GluonSplitting(random);
                count = Fragment(share * energy, random, energies);
                count += Fragment((1 - share) * energy, random, energies[count..]);
            }
            else
            {
                count = Fragment(energy, random, energies);
            }

            if (count == 1)
            {
                hadrons.Add(parton, Species(random));
                continue;
            }

            Emit(parton, energies[..count], random, hadrons);
        }
    }

    /// <summary>
    /// Soft particles from the rest of the collision (multiple parton interactions), uniform over a square of
    /// half-width <paramref name="halfWidth"/> around the jet axis (rapidity 0, azimuth 0).
    /// </summary>
    public static void AddUnderlyingEvent(Xoshiro256StarStar random, double halfWidth, ParticleBuffer hadrons)
    {
        var count = random.NextPoisson(UnderlyingEventDensity * 4 * halfWidth * halfWidth);
        for (var i = 0; i < count; i++)
        {
            var pt = -UnderlyingEventMeanPt * Math.Log(random.NextOpenDouble());
            var rapidity = random.NextUniform(-halfWidth, halfWidth);
            var phi = random.NextUniform(-halfWidth, halfWidth);
            hadrons.Add(FourMomentum.FromPtRapidityPhi(pt, rapidity, phi), Species(random));
        }
    }

    /// <summary>Writes the hadron energies of one fragmenting quark into <paramref name="energies"/>; returns how many.</summary>
    private static int Fragment(double energy, Xoshiro256StarStar random, Span<double> energies)
    {
        var count = 0;
        var remaining = energy;
        while (remaining > StopEnergy && count < energies.Length - 1)
        {
            var taken = FieldFeynmanFraction(random) * remaining;
            energies[count++] = taken;
            remaining -= taken;
        }

        energies[count++] = remaining;
        return count;
    }

    /// <summary>Places hadrons of the given energies around the parton direction with balanced transverse kicks.</summary>
    private static void Emit(FourMomentum parton, ReadOnlySpan<double> energies, Xoshiro256StarStar random, ParticleBuffer hadrons)
    {
        var count = energies.Length;
        Span<double> kickX = stackalloc double[count];
        Span<double> kickY = stackalloc double[count];
        double meanX = 0, meanY = 0;
        for (var h = 0; h < count; h++)
        {
            kickX[h] = TransverseMomentumSpread * random.NextNormal();
            kickY[h] = TransverseMomentumSpread * random.NextNormal();
            meanX += kickX[h];
            meanY += kickY[h];
        }

        meanX /= count;
        meanY /= count;
        var length = parton.P;
        var (nx, ny, nz) = (parton.Px / length, parton.Py / length, parton.Pz / length);
        UnitVectors.Basis(nx, ny, nz, out var ax, out var ay, out var az, out var bx, out var by, out var bz);
        for (var h = 0; h < count; h++)
        {
            var longitudinal = energies[h];
            var qx = kickX[h] - meanX;
            var qy = kickY[h] - meanY;
            var px = (longitudinal * nx) + (qx * ax) + (qy * bx);
            var py = (longitudinal * ny) + (qx * ay) + (qy * by);
            var pz = (longitudinal * nz) + (qx * az) + (qy * bz);
            hadrons.Add(new FourMomentum(Math.Sqrt((px * px) + (py * py) + (pz * pz)), px, py, pz), Species(random));
        }
    }

    /// <summary>z from f(z) = 1 - a + 3a(1 - z)²: a mixture of a uniform z and one with density 3(1 - z)².</summary>
    private static double FieldFeynmanFraction(Xoshiro256StarStar random) =>
        random.NextDouble() < FragmentationShape
            ? 1 - Math.Cbrt(random.NextOpenDouble())
            : random.NextOpenDouble();

    /// <summary>The quark's share of a gluon splitting to q qbar, from z² + (1 - z)² by rejection.</summary>
    private static double GluonSplitting(Xoshiro256StarStar random)
    {
        while (true)
        {
            var z = random.NextOpenDouble();
            if (random.NextDouble() <= (z * z) + ((1 - z) * (1 - z)))
            {
                return z;
            }
        }
    }

    private static ParticleKind Species(Xoshiro256StarStar random)
    {
        var u = random.NextDouble();
        return u < ChargedFraction ? ParticleKind.ChargedHadron
            : u < ChargedFraction + PhotonFraction ? ParticleKind.Photon
            : ParticleKind.NeutralHadron;
    }
}
