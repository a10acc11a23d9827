using Codesign.Data.Randomness;

namespace Codesign.Data.Hgcal;

/// <summary>What was simulated in one module, for tests: the showers' axes (cell spacings) and charges (MIP_T).</summary>
internal readonly record struct HgcalShowerTruth(int ShowerCount, double X, double Y, double Energy, double SecondX, double SecondY, double SecondEnergy);

/// <summary>
/// Simulates the 48 trigger-cell charges of one module in one bunch crossing, in transverse MIP units (MIP_T, as
/// CALQ): zero, one or two electromagnetic showers plus soft pile-up hits, sampling fluctuations, electronic noise
/// and zero suppression. docs/data.md ("HGCal module data") gives the reasons for every number below.
/// Not thread-safe (one per thread); the profiles are shared and read-only.
/// </summary>
internal sealed class HgcalModuleSimulator
{
    // Molière radius of the CE-E (W/Cu/Pb absorbers, about 2.5-3 cm) over the trigger-cell pitch (about 2.4 cm).
    public const double MoliereRadius = 1.1;

    // Grindhammer-Rudowski near the shower maximum in tungsten: core R_C ~ 0.15 R_M, tail R_T ~ 0.8 R_M, core share p ~ 0.85.
    public const double CoreShare = 0.85;

    // How many showers a module sees: pile-up only, one, or two overlapping.
    public const double NoShowerProbability = 0.2;
    public const double TwoShowerProbability = 0.2;

    // Shower charge dN/dE ~ E^-2 over 2.6 decades, so floor(log2(sum)) takes every value from 2 to 10.
    public const double MinimumEnergy = 5;
    public const double MaximumEnergy = 2000;

    // Shower axes uniform over a disc reaching half a spacing beyond the outermost cell centres: edge showers leak out.
    public static readonly double AxisRadius = HgcalModuleGeometry.CellCentres.Max(c => Math.Sqrt((c.X * c.X) + (c.Y * c.Y))) + 0.5;

    // Soft pile-up: a Poisson number of minimum-ionising hits per module, each 1 MIP_T plus an exponential tail.
    public const double PileupHitsPerModule = 2;
    public const double PileupTail = 1;

    // Electronic noise per trigger cell and the zero-suppression threshold (4 sigma: a noise-only cell survives
    // with probability 3e-5).
    public const double Noise = 0.25;
    public const double Threshold = 1;

    // Above this mean the Poisson count is drawn from its normal approximation (Knuth's method costs O(mean)).
    private const double NormalApproximationMean = 64;

    private static readonly HexCellProfile Core = new(0.15 * MoliereRadius);
    private static readonly HexCellProfile Tail = new(0.8 * MoliereRadius);

    private readonly double[] _expected = new double[HgcalModuleGeometry.CellCount];

    public HgcalShowerTruth Sample(Xoshiro256StarStar random, Span<float> charges)
    {
        ArgumentNullException.ThrowIfNull(random);
        Array.Clear(_expected);
        var u = random.NextDouble();
        var showers = u < NoShowerProbability ? 0 : u < 1 - TwoShowerProbability ? 1 : 2;
        var first = showers >= 1 ? AddShower(random) : (X: double.NaN, Y: double.NaN, Energy: 0.0);
        var second = showers == 2 ? AddShower(random) : (X: double.NaN, Y: double.NaN, Energy: 0.0);

        for (var cell = 0; cell < charges.Length; cell++)
        {
            var mean = _expected[cell];
            double quanta = mean > NormalApproximationMean
                ? Math.Max(0, Math.Round(random.NextNormal(mean, Math.Sqrt(mean))))
                : random.NextPoisson(mean);
            charges[cell] = (float)(quanta + random.NextNormal(0, Noise));
        }

        var pileup = random.NextPoisson(PileupHitsPerModule);
        for (var hit = 0; hit < pileup; hit++)
        {
            charges[random.NextInt(charges.Length)] += (float)(1 - (PileupTail * Math.Log(random.NextOpenDouble())));
        }

        for (var cell = 0; cell < charges.Length; cell++)
        {
            if (charges[cell] < Threshold)
            {
                charges[cell] = 0;
            }
        }

        return new HgcalShowerTruth(showers, first.X, first.Y, first.Energy, second.X, second.Y, second.Energy);
    }

    private (double X, double Y, double Energy) AddShower(Xoshiro256StarStar random)
    {
        // Uniform over the disc: radius ~ sqrt(uniform).
        var radius = AxisRadius * Math.Sqrt(random.NextDouble());
        var angle = 2 * Math.PI * random.NextDouble();
        var x = radius * Math.Cos(angle);
        var y = radius * Math.Sin(angle);
        // Inverse CDF of E^-2 on [min, max].
        var energy = 1 / ((1 / MinimumEnergy) - (random.NextDouble() * ((1 / MinimumEnergy) - (1 / MaximumEnergy))));

        var centres = HgcalModuleGeometry.CellCentres;
        for (var cell = 0; cell < _expected.Length; cell++)
        {
            var dx = centres[cell].X - x;
            var dy = centres[cell].Y - y;
            var share = (CoreShare * Core.Fraction(dx, dy)) + ((1 - CoreShare) * Tail.Fraction(dx, dy));
            _expected[cell] += energy * share;
        }

        return (x, y, energy);
    }
}
