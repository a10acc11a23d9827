using Codesign.Data.Randomness;

namespace Codesign.Data.Jets;

/// <summary>
/// The partons of one jet before hadronization: the object that starts the jet (a quark, a gluon, or a W, Z or top
/// that decays), its decay with exact two-body kinematics, and the parton shower of every coloured parton.
/// <para>
/// The jet starts central (rapidity 0, azimuth 0, along +x) with transverse momentum from a falling spectrum
/// pT^-4 on [800, 1200] GeV, as in the ~1 TeV hls4ml sample; jet observables are invariant under longitudinal
/// boosts, so fixing the rapidity loses nothing.
/// </para>
/// <para>
/// Decays are generated in the rest frame, with the decay angle θ* to the flight direction drawn from the boson's
/// helicity, and boosted to the lab, so the decay products open by ΔR ≈ 2m / (pT sqrt(z(1 - z))) with the energy
/// sharing z ≈ (1 + cos θ*) / 2 that the helicity implies. The W and Z of the W/Z classes are longitudinally
/// polarized, as from the decay of a heavy resonance (the usual source of boosted-boson samples; how the published
/// sample was produced is not documented): sin²θ* keeps them mostly symmetric, and about 6% share less than 10/90 and
/// are groomed to one prong, like quark jets. Isotropic decays would groom about 20%. The W from a top decay has the
/// helicities V-A predicts. A colour-singlet W or Z radiates only inside its q qbar dipole, so its decay products
/// shower in the boson rest frame, each within its hemisphere (angles below π/2); so does the b from a top decay, in
/// the top rest frame. Afterwards the showered systems are put back on the resonance mass by rescaling their momenta
/// in the rest frame (each system keeps its own mass; a boost along the decay axis gives it the momentum that
/// two-body kinematics require), as the reconstruction step of coherent-branching generators does.
/// </para>
/// </summary>
internal sealed class HardProcess
{
    public const double MinimumPt = 800;
    public const double MaximumPt = 1200;
    public const double PtSpectrumPower = 4;

    public const double WMass = 80.4;
    public const double ZMass = 91.2;
    public const double TopMass = 173.0;

    private const double WWidth = 2.085;
    private const double ZWidth = 2.495;
    private const double TopWidth = 1.42;

    // Breit-Wigner tails are cut at this many widths.
    private const double WidthsKept = 5;

    /// <summary>
    /// The fraction of W and Z jets whose boson is longitudinally polarized; the rest decay isotropically (see the class
    /// remarks: lowering it grooms more W/Z jets to one prong and so confuses them more with quark jets).
    /// </summary>
    private const double BosonLongitudinalFraction = 1.0;

    /// <summary>
    /// Radians. The largest emission angle of a quark or gluon jet's initiator: its colour partner is far away in a
    /// hard 2 -> 2 process, so radiation reaches beyond the jet radius (and leaves the jet, as in real jets).
    /// </summary>
    private const double QcdStartAngle = Math.PI / 2;

    /// <summary>Radians, in the decaying particle's rest frame: a decay product radiates within its hemisphere.</summary>
    private const double DecayStartAngle = Math.PI / 2;

    // A shower whose systems are too heavy for the resonance to decay into is redone; after this many tries the
    // decay products stay unshowered (never seen in practice, but it bounds the loop).
    private const int ShowerAttempts = 20;

    /// <summary>
    /// The W from a top decay: longitudinal with F0 = 0.7 and left-handed with F- = 0.3, as V-A predicts (and the
    /// LHC measures) for m_t = 173 GeV.
    /// </summary>
    private static readonly Helicities TopWHelicities = new(Longitudinal: 0.7, LeftHanded: 0.3);

    /// <summary>The W and Z jets' bosons: see the class remarks.</summary>
    private static readonly Helicities BosonHelicities = new(Longitudinal: BosonLongitudinalFraction, LeftHanded: 0);

    private readonly PartonShower _shower = new();

    /// <summary>Replaces the content of <paramref name="partons"/> with the final partons of one jet of the class.</summary>
    public void Generate(int jetClass, Xoshiro256StarStar random, ParticleBuffer partons)
    {
        partons.Clear();
        var pt = SamplePt(random);
        switch (jetClass)
        {
            case JetFeatures.Gluon:
                _shower.Shower(FourMomentum.Massless(pt, 1, 0, 0), gluon: true, QcdStartAngle, random, partons);
                break;
            case JetFeatures.LightQuark:
                _shower.Shower(FourMomentum.Massless(pt, 1, 0, 0), gluon: false, QcdStartAngle, random, partons);
                break;
            case JetFeatures.WBoson:
                Boson(BreitWigner(WMass, WWidth, random), pt, random, partons);
                break;
            case JetFeatures.ZBoson:
                Boson(BreitWigner(ZMass, ZWidth, random), pt, random, partons);
                break;
            case JetFeatures.TopQuark:
                Top(pt, random, partons);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(jetClass), jetClass, "Unknown jet class.");
        }
    }

    /// <summary>
    /// Puts two showered systems, [start, middle) and [middle, end), in the rest frame of a resonance of mass
    /// <paramref name="mass"/> back to back along ±(x, y, z) with the two-body momentum their masses allow. False if
    /// they are too heavy.
    /// </summary>
    internal static bool Reshuffle(ParticleBuffer particles, int start, int middle, int end, double mass, double x, double y, double z)
    {
        var first = particles.Sum(start, middle);
        var second = particles.Sum(middle, end);
        var firstMass2 = Math.Max(0, first.Mass2);
        var secondMass2 = Math.Max(0, second.Mass2);
        var firstMass = Math.Sqrt(firstMass2);
        var secondMass = Math.Sqrt(secondMass2);
        if (firstMass + secondMass >= mass)
        {
            return false;
        }

        // Källén function: p* = sqrt(λ(M², m1², m2²)) / 2M.
        var mass2 = mass * mass;
        var lambda = ((mass2 - firstMass2 - secondMass2) * (mass2 - firstMass2 - secondMass2)) - (4 * firstMass2 * secondMass2);
        var momentum = Math.Sqrt(Math.Max(0, lambda)) / (2 * mass);
        Place(particles, start, middle, first, momentum, x, y, z);
        Place(particles, middle, end, second, momentum, -x, -y, -z);
        return true;
    }

    /// <summary>Moves a system of total momentum <paramref name="system"/> to momentum p along (x, y, z), keeping its mass.</summary>
    private static void Place(ParticleBuffer particles, int start, int end, FourMomentum system, double momentum, double x, double y, double z)
    {
        var systemMass2 = system.Mass2;
        if (systemMass2 <= 1e-9 * system.E * system.E)
        {
            // Massless (one parton, or collinear ones): no rest frame; scale along the new axis instead.
            for (var i = start; i < end; i++)
            {
                var energy = particles[i].E * momentum / system.E;
                particles[i] = FourMomentum.Massless(energy, x, y, z);
            }

            return;
        }

        var target = new FourMomentum(Math.Sqrt(systemMass2 + (momentum * momentum)), momentum * x, momentum * y, momentum * z);
        for (var i = start; i < end; i++)
        {
            particles[i] = particles[i].BoostInto(system).BoostOutOf(target);
        }
    }

    private static double SamplePt(Xoshiro256StarStar random)
    {
        // Inverse CDF of pT^-n on [min, max].
        var exponent = 1 - PtSpectrumPower;
        var low = Math.Pow(MinimumPt, exponent);
        var high = Math.Pow(MaximumPt, exponent);
        return Math.Pow(low + (random.NextDouble() * (high - low)), 1 / exponent);
    }

    private static double BreitWigner(double mass, double width, Xoshiro256StarStar random)
    {
        // Cauchy by inverse CDF, restricted to mass ± WidthsKept widths.
        var limit = Math.Atan(2 * WidthsKept);
        var angle = (2 * random.NextDouble() - 1) * limit;
        return mass + (0.5 * width * Math.Tan(angle));
    }

    private static FourMomentum Central(double pt, double mass) => new(Math.Sqrt((pt * pt) + (mass * mass)), pt, 0, 0);

    /// <summary>A W or Z of this mass decaying to q qbar, showered in its rest frame and boosted to the lab.</summary>
    private void Boson(double mass, double pt, Xoshiro256StarStar random, ParticleBuffer partons)
    {
        var start = partons.Count;
        DecayToQuarks(mass, 1, 0, 0, BosonHelicities, random, partons);
        partons.BoostOutOf(start, partons.Count, Central(pt, mass));
    }

    /// <summary>
    /// t -> b W+, W+ -> q qbar': the W decays and showers in its rest frame and is placed in the top rest frame; the
    /// b showers in the top rest frame; both are put back on the top mass; the whole is boosted to the lab.
    /// </summary>
    private void Top(double pt, Xoshiro256StarStar random, ParticleBuffer partons)
    {
        var topMass = BreitWigner(TopMass, TopWidth, random);
        var wMass = BreitWigner(WMass, WWidth, random);
        var (x, y, z) = UnitVectors.Isotropic(random);
        var momentum = ((topMass * topMass) - (wMass * wMass)) / (2 * topMass); // massless b
        var start = partons.Count;
        for (var attempt = 0; ; attempt++)
        {
            partons.Truncate(start);
            DecayToQuarks(wMass, -x, -y, -z, TopWHelicities, random, partons);
            var w = new FourMomentum(Math.Sqrt((momentum * momentum) + (wMass * wMass)), -momentum * x, -momentum * y, -momentum * z);
            partons.BoostOutOf(start, partons.Count, w);
            var middle = partons.Count;
            var b = FourMomentum.Massless(momentum, x, y, z);
            if (attempt == ShowerAttempts)
            {
                partons.Add(b, ParticleKind.Quark);
                break;
            }

            _shower.Shower(b, gluon: false, DecayStartAngle, random, partons);
            if (Reshuffle(partons, start, middle, partons.Count, topMass, -x, -y, -z))
            {
                break;
            }
        }

        partons.BoostOutOf(start, partons.Count, Central(pt, topMass));
    }

    /// <summary>
    /// Appends a q qbar pair from a colour-singlet decay at rest, showered and put back on <paramref name="mass"/>.
    /// The decay angle θ* is measured from the boson's flight direction (ax, ay, az) and follows its helicities.
    /// </summary>
    private void DecayToQuarks(double mass, double ax, double ay, double az, Helicities helicities, Xoshiro256StarStar random, ParticleBuffer partons)
    {
        var cos = helicities.SampleCosine(random);
        var sin = Math.Sqrt(Math.Max(0, 1 - (cos * cos)));
        var azimuth = 2 * Math.PI * random.NextDouble();
        UnitVectors.Basis(ax, ay, az, out var ux, out var uy, out var uz, out var vx, out var vy, out var vz);
        var (ca, sa) = (Math.Cos(azimuth), Math.Sin(azimuth));
        var x = (cos * ax) + (sin * ((ca * ux) + (sa * vx)));
        var y = (cos * ay) + (sin * ((ca * uy) + (sa * vy)));
        var z = (cos * az) + (sin * ((ca * uz) + (sa * vz)));
        var quark = FourMomentum.Massless(mass / 2, x, y, z);
        var antiquark = FourMomentum.Massless(mass / 2, -x, -y, -z);
        var start = partons.Count;
        for (var attempt = 0; attempt < ShowerAttempts; attempt++)
        {
            partons.Truncate(start);
            _shower.Shower(quark, gluon: false, DecayStartAngle, random, partons);
            var middle = partons.Count;
            _shower.Shower(antiquark, gluon: false, DecayStartAngle, random, partons);
            if (Reshuffle(partons, start, middle, partons.Count, mass, x, y, z))
            {
                return;
            }
        }

        partons.Truncate(start);
        partons.Add(quark, ParticleKind.Quark);
        partons.Add(antiquark, ParticleKind.Quark);
    }

    /// <summary>
    /// Helicity fractions of a vector boson decaying to a fermion pair: longitudinal ones decay as sin²θ*, left-handed
    /// ones as (1 - cos θ*)², the rest isotropically (an unpolarized mixture).
    /// </summary>
    private readonly record struct Helicities(double Longitudinal, double LeftHanded)
    {
        public double SampleCosine(Xoshiro256StarStar random)
        {
            var pick = random.NextDouble();
            if (pick < Longitudinal)
            {
                // (3/4)(1 - c²) by rejection from the uniform.
                while (true)
                {
                    var c = (2 * random.NextDouble()) - 1;
                    if (random.NextDouble() < 1 - (c * c))
                    {
                        return c;
                    }
                }
            }

            if (pick < Longitudinal + LeftHanded)
            {
                // (3/8)(1 - c)²: (1 - c) / 2 has density 3t² on [0, 1].
                return 1 - (2 * Math.Cbrt(random.NextDouble()));
            }

            return (2 * random.NextDouble()) - 1;
        }
    }
}
