using Codesign.Data.Hgcal;

namespace Codesign.Data.Tests.Hgcal;

public sealed class HgcalModuleGeometryTests
{
    private const int Cells = HgcalModuleGeometry.CellCount;

    private static IEnumerable<(int A, int B)> Pairs() =>
        from a in Enumerable.Range(0, Cells) from b in Enumerable.Range(0, Cells) where a < b select (a, b);

    [Fact]
    public void Every_cell_has_its_own_image_pixel_and_sixteen_pixels_stay_unused()
    {
        Assert.Equal(Cells, HgcalModuleGeometry.ImageIndex.Distinct().Count());
        Assert.All(HgcalModuleGeometry.ImageIndex, index => Assert.InRange(index, 0, HgcalModuleGeometry.ImagePixelCount - 1));
        Assert.Equal(16, HgcalModuleGeometry.ImagePixelCount - Cells);
    }

    [Fact]
    public void Cells_lie_on_a_unit_lattice_with_nothing_closer_than_one_spacing()
    {
        var closest = Pairs().Min(p => HgcalModuleGeometry.Distance(p.A, p.B));
        Assert.Equal(1.0, closest, 12);
    }

    [Fact]
    public void Inner_cells_have_six_neighbours_and_the_module_has_120_neighbour_pairs()
    {
        var neighbours = Enumerable.Range(0, Cells)
            .Select(a => Enumerable.Range(0, Cells).Count(b => b != a && IsNeighbour(a, b)))
            .ToArray();

        // A hexagon with sides of 4 and 5 cells: 27 cells inside with 6 neighbours, 15 on the sides with 4 and 6
        // corners with 3, so (27 x 6 + 15 x 4 + 6 x 3) / 2 = 120 pairs.
        Assert.Equal(27, neighbours.Count(n => n == 6));
        Assert.Equal(15, neighbours.Count(n => n == 4));
        Assert.Equal(6, neighbours.Count(n => n == 3));
        Assert.Equal(120, Pairs().Count(p => IsNeighbour(p.A, p.B)));
    }

    [Fact]
    public void Neighbouring_cells_are_neighbouring_pixels()
    {
        foreach (var (a, b) in Pairs().Where(p => IsNeighbour(p.A, p.B)))
        {
            var (rowA, columnA) = Pixel(a);
            var (rowB, columnB) = Pixel(b);
            Assert.True(Math.Abs(rowA - rowB) <= 1 && Math.Abs(columnA - columnB) <= 1, $"cells {a} and {b}");
            // The one diagonal used is up-left/down-right, which a 3x3 mask [[1,1,0],[1,1,1],[0,1,1]] keeps.
            Assert.False((rowA - rowB) * (columnA - columnB) == -1, $"cells {a} and {b} on the anti-diagonal");
        }
    }

    [Fact]
    public void Each_sector_is_the_previous_one_rotated_by_120_degrees_about_the_centre()
    {
        var (cos, sin) = (Math.Cos(2 * Math.PI / 3), Math.Sin(2 * Math.PI / 3));
        for (var cell = 0; cell < Cells; cell++)
        {
            var (x, y) = HgcalModuleGeometry.CellCentres[cell];
            var (rx, ry) = HgcalModuleGeometry.CellCentres[(cell + 16) % Cells];
            Assert.Equal((cos * x) - (sin * y), rx, 12);
            Assert.Equal((sin * x) + (cos * y), ry, 12);
        }

        Assert.Equal(0, HgcalModuleGeometry.CellCentres.Sum(c => c.X), 10);
        Assert.Equal(0, HgcalModuleGeometry.CellCentres.Sum(c => c.Y), 10);
    }

    [Fact]
    public void Each_sector_is_a_four_by_four_rhombus_numbered_outwards_from_the_centre()
    {
        for (var sector = 0; sector < 3; sector++)
        {
            var first = 16 * sector;
            var origin = HgcalModuleGeometry.CellCentres[first];
            Assert.Equal(1 / Math.Sqrt(3), Math.Sqrt((origin.X * origin.X) + (origin.Y * origin.Y)), 12);
            for (var a = 0; a < 4; a++)
            {
                for (var b = 0; b < 4; b++)
                {
                    var cell = first + (4 * a) + b;
                    Assert.Equal(a, HgcalModuleGeometry.Distance(cell, first + b), 12);
                    Assert.Equal(b, HgcalModuleGeometry.Distance(cell, first + (4 * a)), 12);
                }
            }
        }
    }

    [Fact]
    public void The_image_layout_is_the_documented_one()
    {
        // The same picture as docs/data.md ("HGCal module data"); '.' is an unused pixel.
        string[] expected =
        [
            "28 29 30 31  .  .  .  .",
            "35 24 25 26 27  .  .  .",
            "39 34 20 21 22 23  .  .",
            "43 38 33 16 17 18 19  .",
            "47 42 37 32  0  4  8 12",
            " . 46 41 36  1  5  9 13",
            " .  . 45 40  2  6 10 14",
            " .  .  . 44  3  7 11 15",
        ];
        var pixels = Enumerable.Repeat(" .", HgcalModuleGeometry.ImagePixelCount).ToArray();
        for (var cell = 0; cell < Cells; cell++)
        {
            pixels[HgcalModuleGeometry.ImageIndex[cell]] = cell.ToString("D", System.Globalization.CultureInfo.InvariantCulture).PadLeft(2);
        }

        var rows = Enumerable.Range(0, 8).Select(r => string.Join(" ", pixels.Skip(8 * r).Take(8))).ToArray();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void ToImage_and_FromImage_round_trip_and_zero_the_unused_pixels()
    {
        var cells = Enumerable.Range(1, Cells).Select(i => (float)i).ToArray();
        var image = Enumerable.Repeat(-1f, HgcalModuleGeometry.ImagePixelCount).ToArray();
        HgcalModuleGeometry.ToImage(cells, image);
        var back = new float[Cells];
        HgcalModuleGeometry.FromImage(image, back);

        Assert.Equal(cells, back);
        Assert.Equal(16, image.Count(p => p == 0));
        Assert.Equal(cells.Sum(), image.Sum());
        Assert.Throws<ArgumentException>(() => HgcalModuleGeometry.ToImage(cells.AsSpan(1), image));
    }

    private static bool IsNeighbour(int a, int b) => Math.Abs(HgcalModuleGeometry.Distance(a, b) - 1) < 1e-9;

    private static (int Row, int Column) Pixel(int cell) =>
        (HgcalModuleGeometry.ImageIndex[cell] / 8, HgcalModuleGeometry.ImageIndex[cell] % 8);
}
