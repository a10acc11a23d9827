namespace Codesign.Data.Jets;

/// <summary>
/// A four-momentum (E, px, py, pz) in GeV, with z along the beam: what every stage of the jet simulation passes
/// along, from partons to detector constituents. Immutable and 32 bytes, so arrays of it stay cache friendly.
/// </summary>
internal readonly record struct FourMomentum(double E, double Px, double Py, double Pz)
{
    public static FourMomentum Zero => default;

    public double Pt2 => (Px * Px) + (Py * Py);

    public double Pt => Math.Sqrt(Pt2);

    public double P2 => Pt2 + (Pz * Pz);

    public double P => Math.Sqrt(P2);

    /// <summary>Invariant mass squared; rounding can make it slightly negative for massless sums.</summary>
    public double Mass2 => (E * E) - P2;

    public double Mass => Math.Sqrt(Math.Max(0, Mass2));

    /// <summary>Rapidity y = ln((E + pz) / (E - pz)) / 2, the boost-invariant coordinate ΔR is measured in.</summary>
    public double Rapidity
    {
        get
        {
            // Only a particle along the beam has E = |pz|; jets are central, so this is a guard, not a branch taken.
            var plus = Math.Max(E + Pz, 1e-300);
            var minus = Math.Max(E - Pz, 1e-300);
            return 0.5 * Math.Log(plus / minus);
        }
    }

    public double Phi => Math.Atan2(Py, Px);

    /// <summary>A massless or massive momentum from transverse momentum, rapidity and azimuth.</summary>
    public static FourMomentum FromPtRapidityPhi(double pt, double rapidity, double phi, double mass = 0)
    {
        var transverseMass = Math.Sqrt((pt * pt) + (mass * mass));
        return new FourMomentum(
            transverseMass * Math.Cosh(rapidity),
            pt * Math.Cos(phi),
            pt * Math.Sin(phi),
            transverseMass * Math.Sinh(rapidity));
    }

    /// <summary>A massless momentum of energy <paramref name="energy"/> along the unit vector (x, y, z).</summary>
    public static FourMomentum Massless(double energy, double x, double y, double z) => new(energy, energy * x, energy * y, energy * z);

    public static FourMomentum operator +(FourMomentum a, FourMomentum b) => new(a.E + b.E, a.Px + b.Px, a.Py + b.Py, a.Pz + b.Pz);

    public FourMomentum Scale(double factor) => new(E * factor, Px * factor, Py * factor, Pz * factor);

    /// <summary>
    /// The momentum seen in a frame where the frame this momentum is given in moves with velocity (bx, by, bz)
    /// (an active boost). Boosting by -P/E of a system takes momenta into that system's rest frame.
    /// </summary>
    public FourMomentum Boost(double bx, double by, double bz)
    {
        var beta2 = (bx * bx) + (by * by) + (bz * bz);
        if (beta2 <= 0)
        {
            return this;
        }

        var gamma = 1 / Math.Sqrt(1 - beta2);
        var betaDotP = (bx * Px) + (by * Py) + (bz * Pz);
        var longitudinal = ((gamma - 1) * betaDotP / beta2) + (gamma * E);
        return new FourMomentum(
            gamma * (E + betaDotP),
            Px + (longitudinal * bx),
            Py + (longitudinal * by),
            Pz + (longitudinal * bz));
    }

    /// <summary>Boosts from the rest frame of <paramref name="system"/> into the frame <paramref name="system"/> is given in.</summary>
    public FourMomentum BoostOutOf(FourMomentum system) => Boost(system.Px / system.E, system.Py / system.E, system.Pz / system.E);

    /// <summary>Boosts into the rest frame of <paramref name="system"/>.</summary>
    public FourMomentum BoostInto(FourMomentum system) => Boost(-system.Px / system.E, -system.Py / system.E, -system.Pz / system.E);

    /// <summary>ΔR² = Δy² + Δφ² (with Δφ wrapped into [0, π]) between two directions given as (y, φ).</summary>
    public static double DeltaR2(double rapidityA, double phiA, double rapidityB, double phiB)
    {
        var dy = rapidityA - rapidityB;
        var dphi = Math.Abs(phiA - phiB);
        if (dphi > Math.PI)
        {
            dphi = (2 * Math.PI) - dphi;
        }

        return (dy * dy) + (dphi * dphi);
    }
}
