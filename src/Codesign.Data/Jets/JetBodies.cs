namespace Codesign.Data.Jets;

/// <summary>
/// The few energy-carrying "bodies" a modelled jet is made of (hard prongs and soft radiation clusters) with
/// energy fractions and positions in the (rapidity, azimuth) plane relative to the jet axis. Reused per jet to
/// keep generation allocation-free.
/// </summary>
internal sealed class JetBodies
{
    public const int Capacity = 6;

    private readonly double[] _fraction = new double[Capacity];
    private readonly double[] _x = new double[Capacity];
    private readonly double[] _y = new double[Capacity];

    public int Count { get; private set; }

    public double Fraction(int body) => _fraction[body];

    public void Clear() => Count = 0;

    public void Add(double fraction, double x, double y)
    {
        _fraction[Count] = fraction;
        _x[Count] = x;
        _y[Count] = y;
        Count++;
    }

    public double X(int body) => _x[body];

    public double Y(int body) => _y[body];

    public double Distance(int a, int b)
    {
        var dx = _x[a] - _x[b];
        var dy = _y[a] - _y[b];
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    public double LargestSeparation()
    {
        var largest = 0.0;
        for (var a = 0; a < Count; a++)
        {
            for (var b = a + 1; b < Count; b++)
            {
                largest = Math.Max(largest, Distance(a, b));
            }
        }

        return largest;
    }

    public void ScaleFractions(double factor)
    {
        for (var body = 0; body < Count; body++)
        {
            _fraction[body] *= factor;
        }
    }
}
