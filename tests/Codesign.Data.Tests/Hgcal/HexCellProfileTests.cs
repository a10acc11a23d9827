using Codesign.Data.Hgcal;

namespace Codesign.Data.Tests.Hgcal;

public sealed class HexCellProfileTests
{
    private static readonly HexCellProfile Narrow = new(0.165);
    private static readonly HexCellProfile Wide = new(0.88);

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.3, 0.1)]
    [InlineData(-0.1, 0.45)]
    public void With_the_axis_inside_the_cell_it_matches_an_integral_over_the_boundary_angle(double dx, double dy)
    {
        // Independent of the triangle algebra: the share is (1/2pi) x the integral over theta of G(boundary distance).
        foreach (var profile in new[] { Narrow, Wide })
        {
            const int steps = 200_000;
            var sum = 0.0;
            for (var i = 0; i < steps; i++)
            {
                var theta = 2 * Math.PI * (i + 0.5) / steps;
                var r = BoundaryDistance(-dx, -dy, Math.Cos(theta), Math.Sin(theta));
                sum += r * r / ((r * r) + (profile.Radius * profile.Radius));
            }

            Assert.Equal(sum / steps, profile.Exact(dx, dy), 1e-7);
        }
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(1.2, -0.7)]
    public void With_the_axis_outside_the_cell_it_matches_a_midpoint_sum_over_the_cell(double dx, double dy)
    {
        const int steps = 1600;
        var h = 1.2 / steps;
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
        {
            for (var j = 0; j < steps; j++)
            {
                var x = -0.6 + ((i + 0.5) * h);
                var y = -0.6 + ((j + 0.5) * h);
                if (BoundaryDistance(0, 0, x, y) >= 1)
                {
                    sum += Wide.Density(Math.Sqrt(((x + dx) * (x + dx)) + ((y + dy) * (y + dy)))) * h * h;
                }
            }
        }

        // The staircase edge of the grid misses up to about h x perimeter x density of the area.
        Assert.Equal(sum, Wide.Exact(dx, dy), 3e-4);
    }

    [Fact]
    public void The_shares_of_all_cells_of_an_infinite_lattice_add_up_to_one()
    {
        // Cells up to 60 spacings away; the tail beyond holds R^2 / (60^2 + R^2) < 3e-4 of the profile.
        var total = 0.0;
        for (var u = -70; u <= 70; u++)
        {
            for (var v = -70; v <= 70; v++)
            {
                var (x, y) = (u + (v / 2.0), v * Math.Sqrt(3) / 2);
                if ((x * x) + (y * y) < 3600)
                {
                    total += Wide.Exact(x - 0.21, y + 0.37);
                }
            }
        }

        Assert.Equal(1.0, total, 3e-4);
    }

    [Fact]
    public void The_table_is_far_closer_to_the_exact_share_than_the_charge_fluctuates()
    {
        // A cell expecting the share F of the largest shower (E MIP_T) fluctuates by sqrt(F E) quanta: the table must
        // stay under a tenth of that, 0.1 sqrt(F / E) in share.
        var random = new Random(5);
        foreach (var profile in new[] { Narrow, Wide })
        {
            for (var trial = 0; trial < 4000; trial++)
            {
                var dx = (random.NextDouble() * 16) - 8;
                var dy = (random.NextDouble() * 16) - 8;
                var exact = profile.Exact(dx, dy);
                var allowed = 0.1 * Math.Sqrt(exact / HgcalModuleSimulator.MaximumEnergy);
                Assert.Equal(exact, profile.Fraction(dx, dy), allowed);
            }
        }
    }

    /// <summary>
    /// How far along (cx, cy) from (px, py) the boundary of the cell at the origin lies, in units of (cx, cy); at least 1
    /// for a point inside when called as (0, 0, x, y). The cell is a pointy-top hexagon of inradius 1/2: its edges face
    /// 0, 60 and 120 degrees.
    /// </summary>
    private static double BoundaryDistance(double px, double py, double cx, double cy)
    {
        var distance = double.PositiveInfinity;
        for (var k = 0; k < 6; k++)
        {
            var (nx, ny) = (Math.Cos(k * Math.PI / 3), Math.Sin(k * Math.PI / 3));
            var along = (nx * cx) + (ny * cy);
            if (along > 0)
            {
                distance = Math.Min(distance, (0.5 - ((nx * px) + (ny * py))) / along);
            }
        }

        return distance;
    }
}
