using Codesign.Data.Randomness;

namespace Codesign.Data.Jets;

/// <summary>How much a jet radiates once its hard prongs are fixed, which depends on their colour.</summary>
/// <param name="SoftCasimir">Colour charge driving soft radiation that survives grooming (C_F = 4/3 per quark, C_A = 3 for a gluon).</param>
/// <param name="SoftCone">How far that radiation may spread, relative to the widest prong separation.</param>
/// <param name="MultiplicityCasimir">Total colour charge radiating particles, summed over prongs.</param>
internal readonly record struct JetRadiation(double SoftCasimir, double SoftCone, double MultiplicityCasimir);

/// <summary>
/// The hard structure of each class after mMDT grooming (z_cut = 0.1): where its energetic prongs sit and how
/// much energy each carries. Prong angles follow from the groomed mass, m^2 = z(1-z) pT^2 dR^2, so mass and
/// angular observables stay physically tied together.
/// </summary>
internal static class JetProngs
{
    public const double CasimirQuark = 4.0 / 3;
    public const double CasimirGluon = 3.0;
    public const double ZCut = 0.1;
    public const double JetRadius = 0.8;

    private const double WMass = 80.4;
    private const double ZMass = 91.2;
    private const double TopMass = 173.0;

    // Resolution of a groomed resonance mass, and how often the groomer (or a lost neutrino) leaves it low.
    private const double MassResolution = 0.085;
    private const double LowMassTailProbability = 0.12;

    public static JetRadiation Build(int jetClass, double pt, Xoshiro256StarStar random, JetBodies bodies)
    {
        bodies.Clear();
        return jetClass switch
        {
            JetFeatures.Gluon => Qcd(CasimirGluon, random.NextGamma(2.2, 14), pt, random, bodies),
            JetFeatures.LightQuark => Qcd(CasimirQuark, random.NextGamma(1.8, 11), pt, random, bodies),
            JetFeatures.WBoson => Boson(WMass, pt, random, bodies),
            JetFeatures.ZBoson => Boson(ZMass, pt, random, bodies),
            JetFeatures.TopQuark => Top(pt, random, bodies),
            _ => throw new ArgumentOutOfRangeException(nameof(jetClass), jetClass, "Unknown jet class."),
        };
    }

    /// <summary>
    /// A quark or gluon jet: its groomed mass comes from one soft-enhanced splitting (dz/z above z_cut), so the
    /// mass falls steeply with a tail into the W/Z window, and gluons sit higher because they radiate more.
    /// </summary>
    private static JetRadiation Qcd(double casimir, double mass, double pt, Xoshiro256StarStar random, JetBodies bodies)
    {
        var z = ZCut * Math.Pow(0.5 / ZCut, random.NextDouble());
        AddTwoProngs(Math.Max(mass, 1.0), z, pt, bodies);
        return new JetRadiation(casimir, SoftCone: 1.0, MultiplicityCasimir: casimir);
    }

    /// <summary>
    /// A hadronic W or Z: two balanced prongs at the boson mass. The pair is a colour singlet, so its soft
    /// radiation stays inside the dipole (smaller cone): the physics behind D2/N2 tagging.
    /// </summary>
    private static JetRadiation Boson(double bosonMass, double pt, Xoshiro256StarStar random, JetBodies bodies)
    {
        // Sometimes one quark falls outside the jet or below z_cut and the jet looks like a light-quark jet.
        if (random.NextBernoulli(0.07))
        {
            return Qcd(CasimirQuark, random.NextGamma(2.5, 12), pt, random, bodies);
        }

        var z = random.NextUniform(ZCut, 0.5);
        AddTwoProngs(ResonanceMass(bosonMass, random), z, pt, bodies);
        return new JetRadiation(CasimirQuark, SoftCone: 0.5, MultiplicityCasimir: 2 * CasimirQuark * 0.75);
    }

    /// <summary>
    /// A hadronic top: a b prong plus the W's two quark prongs, the three-prong structure C2/D2/N2 see. Grooming
    /// sometimes drops the b (leaving a W-like jet) or all but one prong (a light-jet-like one).
    /// </summary>
    private static JetRadiation Top(double pt, Xoshiro256StarStar random, JetBodies bodies)
    {
        var outcome = random.NextDouble();
        if (outcome < 0.10)
        {
            AddTwoProngs(ResonanceMass(WMass, random), random.NextUniform(ZCut, 0.5), pt, bodies);
            return new JetRadiation(CasimirQuark * 1.2, SoftCone: 0.8, MultiplicityCasimir: 2.6);
        }

        if (outcome < 0.15)
        {
            return Qcd(CasimirQuark, random.NextGamma(3, 15), pt, random, bodies);
        }

        var topMass = ResonanceMass(TopMass, random);
        var wMass = WMass * Math.Exp(0.06 * random.NextNormal());
        var zB = random.NextUniform(0.15, 0.6);
        var zW = random.NextUniform(ZCut, 0.5);
        var quarkAngle = Math.Min(JetRadius, wMass / ((1 - zB) * pt * Math.Sqrt(zW * (1 - zW))));

        // Collinear limit with a massless b: m_t^2 = m_W^2 / (1-zB) + zB(1-zB) pT^2 dR^2. A low-mass tail must
        // not make the angle imaginary, hence the floor.
        var excess = Math.Max((topMass * topMass) - (wMass * wMass / (1 - zB)), 0.0625 * topMass * topMass);
        var bAngle = Math.Min(JetRadius, Math.Sqrt(excess) / (pt * Math.Sqrt(zB * (1 - zB))));

        // The b and the W axis balance around the jet axis; the W's quarks balance around the W axis.
        var wAxisX = -zB * bAngle;
        var orientation = random.NextUniform(0, 2 * Math.PI);
        var (cos, sin) = (Math.Cos(orientation), Math.Sin(orientation));
        bodies.Add(zB, (1 - zB) * bAngle, 0);
        bodies.Add((1 - zB) * (1 - zW), wAxisX + (zW * quarkAngle * cos), zW * quarkAngle * sin);
        bodies.Add((1 - zB) * zW, wAxisX - ((1 - zW) * quarkAngle * cos), -(1 - zW) * quarkAngle * sin);
        return new JetRadiation(CasimirQuark * 1.2, SoftCone: 0.8, MultiplicityCasimir: 3 * CasimirQuark * 0.8);
    }

    private static double ResonanceMass(double peak, Xoshiro256StarStar random)
    {
        var mass = peak * Math.Exp(MassResolution * random.NextNormal());
        return random.NextBernoulli(LowMassTailProbability) ? mass * random.NextUniform(0.6, 0.95) : mass;
    }

    /// <summary>Two prongs sharing the energy z : 1-z, separated by the angle that gives the requested mass.</summary>
    private static void AddTwoProngs(double mass, double z, double pt, JetBodies bodies)
    {
        var angle = Math.Min(JetRadius, mass / (pt * Math.Sqrt(z * (1 - z))));
        bodies.Add(1 - z, z * angle, 0);
        bodies.Add(z, -(1 - z) * angle, 0);
    }
}
