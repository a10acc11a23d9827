using Codesign.Data.Randomness;

namespace Codesign.Data.Jets;

/// <summary>
/// Turns one jet's latent physics (hard prongs from <see cref="JetProngs"/>, an event-level radiation activity,
/// soft radiation scaled by colour charge) into the 16 observables. Every feature is computed from the same few
/// latents, so features correlate as in real jets and classes overlap where physics makes them overlap: W and Z
/// differ only by mass; quarks and gluons only by how much they radiate.
/// </summary>
internal sealed class JetPhysicsModel
{
    private const double MeanJetPt = 1000; // GeV: the hls4ml sample's transverse momentum window.

    // Mean surviving soft energy fraction per unit of colour charge, and its cap.
    private const double SoftFractionPerCasimir = 0.025;
    private const double MaximumSoftFraction = 0.35;

    // Mean charged+neutral multiplicity: a hadronization floor plus a part growing with the radiating colour.
    private const double BaseMultiplicity = 4;
    private const double MultiplicityPerCasimir = 10.5;

    // Soft emissions are uniform in log(angle) between SoftConeDynamicRange^-1 and 1 times their cone.
    private const double SoftConeDynamicRange = 10;

    // Detector and hadronization smearing, applied independently per observable.
    private const double ObservableNoise = 0.05;
    private const double MassNoise = 0.02;

    private readonly JetBodies _bodies = new();

    public void Sample(int jetClass, Xoshiro256StarStar random, Span<float> features)
    {
        var pt = MeanJetPt * Math.Exp(0.04 * random.NextNormal());

        // One shared fluctuation drives both soft energy and particle count, as a single shower history does.
        var activity = random.NextGamma(5, 1.0 / 5);
        var radiation = JetProngs.Build(jetClass, pt, random, _bodies);
        AddSoftRadiation(radiation, activity, random);

        var multiplicity = 2 + random.NextPoisson(BaseMultiplicity + (MultiplicityPerCasimir * radiation.MultiplicityCasimir * Math.Pow(activity, 0.8)));
        var (pairSpread, energyEntropy) = EnergySharing(multiplicity, random);
        var ecf = EnergyCorrelators.Of(_bodies);

        features[JetFeatures.ZLogZ] = Smear(energyEntropy, random);
        features[JetFeatures.C1Beta0] = Smear(pairSpread, random);
        features[JetFeatures.C1Beta1] = Smear(ecf.E2Beta1, random);
        features[JetFeatures.C1Beta2] = Smear(ecf.E2Beta2, random);
        features[JetFeatures.C2Beta1] = Smear(ecf.E3Beta1 / Square(ecf.E2Beta1), random);
        features[JetFeatures.C2Beta2] = Smear(ecf.E3Beta2 / Square(ecf.E2Beta2), random);
        features[JetFeatures.D2Beta1] = Smear(ecf.E3Beta1 / Cube(ecf.E2Beta1), random);
        features[JetFeatures.D2Beta2] = Smear(ecf.E3Beta2 / Cube(ecf.E2Beta2), random);

        // D2^(alpha=1,beta) = e3^(1) / (e2^(beta))^(3/beta). For beta=1 it equals D2^(1) in the ideal limit; the
        // recorded observables differ through their energy and angle measures, which the smearing stands in for.
        features[JetFeatures.D2Alpha1Beta1] = Smear(ecf.E3Beta1 / Cube(ecf.E2Beta1), random);
        features[JetFeatures.D2Alpha1Beta2] = Smear(ecf.E3Beta1 / Math.Pow(ecf.E2Beta2, 1.5), random);
        features[JetFeatures.M2Beta1] = Smear(ecf.E3MinOneBeta1 / ecf.E2Beta1, random);
        features[JetFeatures.M2Beta2] = Smear(ecf.E3MinOneBeta2 / ecf.E2Beta2, random);
        features[JetFeatures.N2Beta1] = Smear(ecf.E3MinTwoBeta1 / Square(ecf.E2Beta1), random);
        features[JetFeatures.N2Beta2] = Smear(ecf.E3MinTwoBeta2 / Square(ecf.E2Beta2), random);

        // Small-angle limit: m^2 = pT^2 * sum z_i z_j dR_ij^2 = pT^2 * e2^(2).
        features[JetFeatures.MassMmdt] = (float)(pt * Math.Sqrt(ecf.E2Beta2) * Math.Exp(MassNoise * random.NextNormal()));
        features[JetFeatures.Multiplicity] = multiplicity;
    }

    /// <summary>
    /// Soft gluons that survive grooming: their energy grows with the colour charge and the jet's activity; they
    /// are emitted off a hard prong (chosen by energy) within the prong system's cone.
    /// </summary>
    private void AddSoftRadiation(JetRadiation radiation, double activity, Xoshiro256StarStar random)
    {
        var softFraction = Math.Min(
            MaximumSoftFraction,
            SoftFractionPerCasimir * radiation.SoftCasimir * activity * random.NextGamma(4, 1.0 / 4));
        var prongs = _bodies.Count;
        var cone = radiation.SoftCone * _bodies.LargestSeparation();
        _bodies.ScaleFractions(1 - softFraction);
        var share = random.NextUniform(0.2, 0.8);
        AddSoftCluster(softFraction * share, prongs, cone, random);
        AddSoftCluster(softFraction * (1 - share), prongs, cone, random);
    }

    private void AddSoftCluster(double fraction, int prongs, double cone, Xoshiro256StarStar random)
    {
        var emitter = prongs - 1;
        var pick = random.NextDouble() * ProngEnergy(prongs);
        for (var prong = 0; prong < prongs; prong++)
        {
            pick -= _bodies.Fraction(prong);
            if (pick < 0)
            {
                emitter = prong;
                break;
            }
        }

        var angle = cone * Math.Exp(-random.NextDouble() * Math.Log(SoftConeDynamicRange));
        var azimuth = random.NextUniform(0, 2 * Math.PI);
        _bodies.Add(fraction, _bodies.X(emitter) + (angle * Math.Cos(azimuth)), _bodies.Y(emitter) + (angle * Math.Sin(azimuth)));
    }

    private double ProngEnergy(int prongs)
    {
        var total = 0.0;
        for (var body = 0; body < prongs; body++)
        {
            total += _bodies.Fraction(body);
        }

        return total;
    }

    /// <summary>
    /// e2^(0) = (1 - sum z_i^2) / 2 and sum z ln z over particles, approximating each body's energy as spread
    /// evenly over an effective number of its particles (fragmentation is far from even, hence the evenness factor).
    /// </summary>
    private (double PairSpread, double EnergyEntropy) EnergySharing(int multiplicity, Xoshiro256StarStar random)
    {
        var evenness = random.NextUniform(0.15, 0.35);
        var particlesPerBody = (double)multiplicity / _bodies.Count;
        var effectiveParticles = 1 + (Math.Max(0, particlesPerBody - 1) * evenness);
        var herfindahl = 0.0;
        var entropy = 0.0;
        for (var body = 0; body < _bodies.Count; body++)
        {
            var fraction = _bodies.Fraction(body);
            if (fraction <= 0)
            {
                continue;
            }

            herfindahl += fraction * fraction / effectiveParticles;
            entropy += fraction * (Math.Log(fraction) - Math.Log(effectiveParticles));
        }

        return (0.5 * (1 - herfindahl), entropy);
    }

    private static float Smear(double value, Xoshiro256StarStar random) =>
        (float)(value * Math.Exp(ObservableNoise * random.NextNormal()));

    private static double Square(double value) => value * value;

    private static double Cube(double value) => value * value * value;
}
