namespace Codesign.Data.Randomness;

/// <summary>
/// xoshiro256** (Blackman, Vigna 2018) plus the distributions the data stage needs. Our own generator so that
/// datasets depend only on (seed, stream), never on the runtime's System.Random implementation.
/// Not thread-safe: give each thread or chunk its own stream.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private const double UnitScale = 1.0 / (1UL << 53);

    // Knuth's multiplication method costs O(mean) uniforms; above this the mean is split into parts, which stays
    // exact because a sum of independent Poisson variables is Poisson with the summed mean.
    private const double PoissonPartMean = 256;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <param name="seed">The user's seed.</param>
    /// <param name="stream">Separates independent sequences under one seed (e.g. one per chunk).</param>
    public Xoshiro256StarStar(ulong seed, ulong stream)
    {
        var mixer = SplitMix64.Mix(seed) ^ SplitMix64.Mix(stream ^ 0x6A09E667F3BCC909UL);
        _s0 = SplitMix64.Next(ref mixer);
        _s1 = SplitMix64.Next(ref mixer);
        _s2 = SplitMix64.Next(ref mixer);
        _s3 = SplitMix64.Next(ref mixer);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            // The all-zero state is the generator's only fixed point.
            _s0 = 1;
        }
    }

    private Xoshiro256StarStar()
    {
    }

    /// <summary>A generator with exactly this state, for checking against the reference implementation's outputs.</summary>
    internal static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3) =>
        new() { _s0 = s0, _s1 = s1, _s2 = s2, _s3 = s3 };

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// <summary>Uniform in (0, 1): safe to take the logarithm of.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * UnitScale;

    public double NextUniform(double low, double high) => low + ((high - low) * NextDouble());

    public bool NextBernoulli(double probability) => NextDouble() < probability;

    /// <summary>Uniform integer in [0, exclusiveMax) without modulo bias (Lemire's multiply-and-reject).</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        var bound = (ulong)exclusiveMax;
        var high = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return (int)high;
    }

    /// <summary>Standard normal by Marsaglia's polar method; the second value of each pair is kept for the next call.</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u;
        double v;
        double s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }

    public double NextNormal(double mean, double standardDeviation) => mean + (standardDeviation * NextNormal());

    /// <summary>Gamma(shape, scale) by Marsaglia and Tsang (2000); shapes below 1 use the U^(1/shape) boost.</summary>
    public double NextGamma(double shape, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shape);
        if (shape < 1)
        {
            return NextGamma(shape + 1, scale) * Math.Pow(NextOpenDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = NextNormal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextOpenDouble();
            var x2 = x * x;
            if (u < 1 - (0.0331 * x2 * x2) || Math.Log(u) < (0.5 * x2) + (d * (1 - v + Math.Log(v))))
            {
                return d * v * scale;
            }
        }
    }

    /// <summary>Poisson(mean) by Knuth's multiplication method, exact for any mean (large means are split).</summary>
    public int NextPoisson(double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mean);
        var count = 0;
        while (mean > PoissonPartMean)
        {
            count += NextPoissonSmall(PoissonPartMean);
            mean -= PoissonPartMean;
        }

        return count + NextPoissonSmall(mean);
    }

    /// <summary>Fisher-Yates shuffle, walking from the end.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private int NextPoissonSmall(double mean)
    {
        var limit = Math.Exp(-mean);
        var product = NextOpenDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= NextOpenDouble();
        }

        return count;
    }
}
