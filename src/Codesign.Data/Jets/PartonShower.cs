using Codesign.Data.Randomness;

namespace Codesign.Data.Jets;

/// <summary>
/// A final-state, angular-ordered (coherent branching) parton shower. Each parton emits with the collinear
/// splitting density dP = (α_s(k_t) / 2π) (dθ²/θ²) P(z) dz, whose soft limit is (2 α_s C_i / π) (dθ/θ) (dz/z):
/// the colour factor C_i = C_F = 4/3 for a quark and C_A = 3 for a gluon is why gluon jets radiate about 9/4 times
/// as much as quark jets. Successive emission angles shrink (coherence), every daughter starts its own shower below
/// the angle it was emitted at, and branchings below a transverse momentum of <see cref="MinimumKt"/> are left to
/// hadronization.
/// <para>
/// Sampling uses the veto algorithm on an exactly integrable overestimate: in the variable
/// u = ln(z_max E θ / k_t,min) the overestimated emission density is (α_max K / π) u du, with K an upper bound of
/// z P(z), so the next angle follows from one logarithm and the momentum fraction is uniform in ln z over exactly
/// the allowed range. Candidates are then kept with probability (α_s(k_t) / α_max) (z P(z) / K).
/// </para>
/// <para>
/// Kinematics: a branching keeps the parent's energy and its momentum transverse to the parent direction exactly;
/// the daughters (massless) share the opening angle θ so their transverse momenta balance, and the longitudinal
/// momentum they lose is the virtuality the parent had. Resonance decays restore their exact mass afterwards
/// (<see cref="HardProcess"/>); for quark and gluon jets the virtualities are the jet mass.
/// </para>
/// </summary>
internal sealed class PartonShower
{
    public const double CasimirQuark = 4.0 / 3;
    public const double CasimirGluon = 3.0;

    /// <summary>GeV. Branchings softer than this are not resolved by the shower: hadronization takes over.</summary>
    public const double MinimumKt = 1.0;

    /// <summary>
    /// α_s at the Z mass for the one-loop running coupling. Above the world average 0.118 on purpose, as shower
    /// tunes do (Pythia's final-state default is 0.1365): a leading-logarithmic shower needs it to radiate as much as
    /// data show.
    /// </summary>
    public const double AlphaSAtZMass = 0.118;

    private const double ZMass = 91.1876;
    private const double ColourTraceNormalization = 0.5; // T_R
    private const int LightFlavours = 5;

    // One-loop beta function coefficient b0 = (33 - 2 n_f) / (12 π).
    private static readonly double BetaZero = (33.0 - (2.0 * LightFlavours)) / (12 * Math.PI);

    // The coupling is largest at the cutoff: the overestimate uses it everywhere.
    private static readonly double AlphaSMaximum = AlphaS(MinimumKt);

    // Upper bounds of z P(z) over the sampled z range: q -> q g (z = gluon fraction in (0, 1)): z P = C_F (1 + (1-z)^2)
    // <= 2 C_F. g -> g g folded to the softer gluon z in (0, 1/2]: z P = 2 C_A (z^2/(1-z) + (1-z) + z^2 (1-z)) <= 2.25 C_A.
    // g -> q qbar folded likewise, summed over flavours: z P = 2 n_f T_R (z^2 + (1-z)^2) z <= n_f T_R / 2.
    private const double QuarkBound = 2 * CasimirQuark;
    private const double GluonToGluonsBound = 2.25 * CasimirGluon;
    private const double GluonToQuarksBound = LightFlavours * ColourTraceNormalization / 2;
    private const double GluonBound = GluonToGluonsBound + GluonToQuarksBound;

    private Branch[] _stack = new Branch[64];
    private int _depth;

    /// <summary>The one-loop running coupling at transverse momentum <paramref name="kt"/> (GeV), n_f = 5.</summary>
    public static double AlphaS(double kt) =>
        AlphaSAtZMass / (1 + (AlphaSAtZMass * BetaZero * Math.Log(kt * kt / (ZMass * ZMass))));

    /// <summary>
    /// Showers one parton (treated as massless: its energy and direction are used) and appends the final partons to
    /// <paramref name="output"/>; their energies add up to the parton's.
    /// </summary>
    /// <param name="parton">The parton, in the frame the angles are meant in.</param>
    /// <param name="gluon">True for a gluon, false for a quark or antiquark.</param>
    /// <param name="maxAngle">The largest emission angle (radians): the opening angle to the colour partner.</param>
    /// <param name="random">The chunk's stream.</param>
    /// <param name="output">Receives the final partons.</param>
    public void Shower(FourMomentum parton, bool gluon, double maxAngle, Xoshiro256StarStar random, ParticleBuffer output)
    {
        var length = parton.P;
        if (length <= 0)
        {
            return;
        }

        _depth = 0;
        Push(new Branch(parton.E, parton.Px / length, parton.Py / length, parton.Pz / length, maxAngle, gluon));
        while (_depth > 0)
        {
            var branch = _stack[--_depth];
            while (NextBranching(branch.Energy, branch.MaxAngle, branch.Gluon, random, out var angle, out var fraction, out var toQuarks))
            {
                // The daughter with energy fraction z leaves the parent axis at angle a, the other at θ - a on the
                // opposite side, with z sin a = (1 - z) sin(θ - a): transverse momentum is conserved.
                var softAngle = Math.Atan2((1 - fraction) * Math.Sin(angle), fraction + ((1 - fraction) * Math.Cos(angle)));
                var hardAngle = angle - softAngle;
                var azimuth = 2 * Math.PI * random.NextDouble();
                Perpendicular(branch.X, branch.Y, branch.Z, azimuth, out var ux, out var uy, out var uz);

                var (cosSoft, sinSoft) = (Math.Cos(softAngle), Math.Sin(softAngle));
                var (cosHard, sinHard) = (Math.Cos(hardAngle), Math.Sin(hardAngle));
                var softGluon = branch.Gluon ? !toQuarks : true;
                var hardGluon = branch.Gluon && !toQuarks;
                Push(new Branch(
                    fraction * branch.Energy,
                    (cosSoft * branch.X) + (sinSoft * ux),
                    (cosSoft * branch.Y) + (sinSoft * uy),
                    (cosSoft * branch.Z) + (sinSoft * uz),
                    angle,
                    softGluon));
                branch = new Branch(
                    (1 - fraction) * branch.Energy,
                    (cosHard * branch.X) - (sinHard * ux),
                    (cosHard * branch.Y) - (sinHard * uy),
                    (cosHard * branch.Z) - (sinHard * uz),
                    angle,
                    hardGluon);
            }

            output.Add(
                FourMomentum.Massless(branch.Energy, branch.X, branch.Y, branch.Z),
                branch.Gluon ? ParticleKind.Gluon : ParticleKind.Quark);
        }
    }

    /// <summary>
    /// The next branching below <paramref name="maxAngle"/>, if any above the cutoff: its opening angle, the
    /// energy fraction z of the emitted (for g -> g g and g -> q qbar: the softer) daughter, and for gluons whether
    /// it split into quarks.
    /// </summary>
    private static bool NextBranching(
        double energy, double maxAngle, bool gluon, Xoshiro256StarStar random, out double angle, out double fraction, out bool toQuarks)
    {
        angle = 0;
        fraction = 0;
        toQuarks = false;
        var maxFraction = gluon ? 0.5 : 1.0;
        var bound = gluon ? GluonBound : QuarkBound;
        var u = Math.Log(maxFraction * energy * maxAngle / MinimumKt);
        if (u <= 0)
        {
            return false;
        }

        var u2 = u * u;
        var step = 2 * Math.PI / (AlphaSMaximum * bound);
        while (true)
        {
            u2 -= step * -Math.Log(random.NextOpenDouble());
            if (u2 <= 0)
            {
                return false;
            }

            u = Math.Sqrt(u2);
            angle = MinimumKt * Math.Exp(u) / (maxFraction * energy);
            fraction = maxFraction * Math.Exp(-u * random.NextDouble());
            var kt = fraction * (1 - fraction) * energy * angle;
            if (kt < MinimumKt)
            {
                continue;
            }

            double weight;
            if (!gluon)
            {
                weight = CasimirQuark * (1 + ((1 - fraction) * (1 - fraction))) / QuarkBound;
            }
            else if (random.NextDouble() * GluonBound < GluonToGluonsBound)
            {
                toQuarks = false;
                var rest = 1 - fraction;
                var zP = 2 * CasimirGluon * ((fraction * fraction / rest) + rest + (fraction * fraction * rest));
                weight = zP / GluonToGluonsBound;
            }
            else
            {
                toQuarks = true;
                var zP = 2 * LightFlavours * ColourTraceNormalization * ((fraction * fraction) + ((1 - fraction) * (1 - fraction))) * fraction;
                weight = zP / GluonToQuarksBound;
            }

            if (random.NextDouble() * AlphaSMaximum < AlphaS(kt) * weight)
            {
                return true;
            }
        }
    }

    /// <summary>A unit vector perpendicular to the unit vector (x, y, z), at the given azimuth around it.</summary>
    private static void Perpendicular(double x, double y, double z, double azimuth, out double ux, out double uy, out double uz)
    {
        UnitVectors.Basis(x, y, z, out var ax, out var ay, out var az, out var bx, out var by, out var bz);
        var (cos, sin) = (Math.Cos(azimuth), Math.Sin(azimuth));
        ux = (cos * ax) + (sin * bx);
        uy = (cos * ay) + (sin * by);
        uz = (cos * az) + (sin * bz);
    }

    private void Push(Branch branch)
    {
        if (_depth == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
        }

        _stack[_depth++] = branch;
    }

    /// <summary>A parton still to shower: energy, unit direction, the angle its emissions stay below, and its type.</summary>
    private readonly record struct Branch(double Energy, double X, double Y, double Z, double MaxAngle, bool Gluon);
}
