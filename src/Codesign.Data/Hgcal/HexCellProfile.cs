namespace Codesign.Data.Hgcal;

/// <summary>
/// The fraction of a radial shower profile that falls into one hexagonal trigger cell, as a function of the offset
/// between the shower axis and the cell centre, tabulated once and interpolated bilinearly.
/// <para>
/// The profile is one Grindhammer–Rudowski component: a 2-D density whose fraction inside radius r is
/// G(r) = r^2 / (r^2 + R^2). Over a polygon it integrates exactly: split the polygon into signed triangles
/// (axis, P_a, P_b) over its edges; each contributes (P_a x P_b) / (2 pi) times the integral over t in [0, 1] of
/// 1 / (|P_a + t (P_b - P_a)|^2 + R^2), because G(r) / r^2 = 1 / (r^2 + R^2) and the swept angle is
/// (P_a x P_b) dt / |P(t)|^2. The integrand is one over a quadratic in t, which has a closed form (an arctangent).
/// A table avoids the 6 arctangents per cell and shower in the generator's hot loop.
/// </para>
/// <para>
/// Cells are the Voronoi cells of the unit-spacing lattice of <see cref="HgcalModuleGeometry"/>: regular hexagons with
/// vertices at 30 + 60 k degrees, 1/sqrt(3) from the centre. They are symmetric in x and in y, so only offsets with
/// x, y &gt;= 0 are tabulated. Beyond the table the cell is small against its distance and the density at its centre
/// times its area is used.
/// </para>
/// </summary>
internal sealed class HexCellProfile
{
    /// <summary>Area of a unit-spacing hexagonal cell: sqrt(3)/2.</summary>
    public static readonly double CellArea = Math.Sqrt(3) / 2;

    // At 1/64 of a spacing the bilinear error stays under a tenth of the Poisson spread of the cell's charge even for
    // the narrow core and the largest shower (a test checks it against the exact integral); 7 spacings reach every
    // cell from any axis inside the module.
    private const int StepsPerSpacing = 64;
    private const double TableExtent = 7.0;
    private const int GridPoints = (int)(TableExtent * StepsPerSpacing) + 1;

    private static readonly (double X, double Y)[] Vertices = BuildVertices();

    private readonly double _radius;
    private readonly float[] _table = new float[GridPoints * GridPoints];

    /// <param name="radius">R of the profile, in cell spacings: half the energy lies within R of the axis.</param>
    public HexCellProfile(double radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radius);
        _radius = radius;
        for (var row = 0; row < GridPoints; row++)
        {
            for (var column = 0; column < GridPoints; column++)
            {
                _table[(row * GridPoints) + column] = (float)Exact((double)column / StepsPerSpacing, (double)row / StepsPerSpacing);
            }
        }
    }

    public double Radius => _radius;

    /// <summary>The tabulated fraction in a cell whose centre is (dx, dy) from the shower axis.</summary>
    public double Fraction(double dx, double dy)
    {
        dx = Math.Abs(dx) * StepsPerSpacing;
        dy = Math.Abs(dy) * StepsPerSpacing;
        if (dx >= GridPoints - 1 || dy >= GridPoints - 1)
        {
            return Density(Math.Sqrt((dx * dx) + (dy * dy)) / StepsPerSpacing) * CellArea;
        }

        var column = (int)dx;
        var row = (int)dy;
        var fx = dx - column;
        var fy = dy - row;
        var at = (row * GridPoints) + column;
        var bottom = _table[at] + (fx * (_table[at + 1] - _table[at]));
        var top = _table[at + GridPoints] + (fx * (_table[at + GridPoints + 1] - _table[at + GridPoints]));
        return bottom + (fy * (top - bottom));
    }

    /// <summary>The exact fraction in a cell whose centre is (dx, dy) from the shower axis.</summary>
    public double Exact(double dx, double dy)
    {
        var total = 0.0;
        for (var k = 0; k < Vertices.Length; k++)
        {
            var (ax, ay) = Vertices[k];
            var (bx, by) = Vertices[(k + 1) % Vertices.Length];
            total += Triangle(ax + dx, ay + dy, bx + dx, by + dy);
        }

        return total;
    }

    /// <summary>The profile's density per unit area at distance r from the axis.</summary>
    public double Density(double r)
    {
        var s = (r * r) + (_radius * _radius);
        return _radius * _radius / (Math.PI * s * s);
    }

    // The signed share of the triangle (axis, a, b), the axis at the origin.
    private double Triangle(double ax, double ay, double bx, double by)
    {
        var cross = (ax * by) - (ay * bx);
        if (cross == 0)
        {
            return 0;
        }

        // |a + t (b - a)|^2 + R^2 = q t^2 + p t + c.
        var ex = bx - ax;
        var ey = by - ay;
        var q = (ex * ex) + (ey * ey);
        var p = 2 * ((ax * ex) + (ay * ey));
        var c = (ax * ax) + (ay * ay) + (_radius * _radius);
        var root = Math.Sqrt((4 * q * c) - (p * p));
        var integral = 2 / root * (Math.Atan(((2 * q) + p) / root) - Math.Atan(p / root));
        return cross * integral / (2 * Math.PI);
    }

    private static (double X, double Y)[] BuildVertices()
    {
        var circumradius = 1 / Math.Sqrt(3);
        return [.. Enumerable.Range(0, 6).Select(k =>
        {
            var angle = (30 + (60 * k)) * Math.PI / 180;
            return (circumradius * Math.Cos(angle), circumradius * Math.Sin(angle));
        })];
    }
}
