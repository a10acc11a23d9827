namespace Codesign.Data.Hgcal;

/// <summary>
/// The 48 trigger cells of an HGCal silicon module, as this project defines them (the authors' ARRANGE table was not
/// available): three rhombic sectors of 4 x 4 cells on one hexagonal (triangular) lattice, each sector the previous one
/// rotated by 120 degrees about the module centre. Cell spacing is 1, so neighbouring cells are exactly 1 apart.
/// <para>
/// Lattice: a cell with axial coordinates (u, v) sits at u e_u + v e_v with e_u = (1, 0), e_v = (1/2, sqrt(3)/2); its
/// six neighbours differ by (+-1, 0), (0, +-1) and +-(-1, +1). The 48 cells are the (u, v) in [0, 8)^2 with
/// 3 &lt;= u + v &lt;= 10; the module centre is the centroid of cells (4,3), (3,4), (3,3) and the 120-degree rotation about
/// it is (u, v) -> (10 - u - v, u). Cell 16 s + 4 a + b is the rotation by s x 120 degrees of sector-0 cell
/// (u, v) = (4 + a, 3 - b): each sector starts at the centre and is numbered outwards.
/// </para>
/// <para>
/// Image: the cell at (u, v) goes to row 7 - v, column u of the 8 x 8 image, so the image's up is the module's +y and
/// all six neighbours of a cell are image neighbours (left, right, up, down, up-left, down-right); a 3 x 3 convolution
/// sees every neighbour. The 16 positions with u + v &lt; 3 or u + v &gt; 10 stay zero. docs/data.md draws the layout.
/// </para>
/// </summary>
public static class HgcalModuleGeometry
{
    /// <summary>Trigger cells per module (the CALQ_0 .. CALQ_47 columns).</summary>
    public const int CellCount = 48;

    /// <summary>The image is <see cref="ImageSize"/> x <see cref="ImageSize"/> x 1.</summary>
    public const int ImageSize = 8;

    public const int ImagePixelCount = ImageSize * ImageSize;

    private const int CellsPerSector = 16;
    private const int SectorSide = 4;

    private static readonly (int U, int V)[] Axial = BuildAxial();

    /// <summary>Cell centres (x, y) in units of the cell spacing, with the module centre at the origin.</summary>
    public static IReadOnlyList<(double X, double Y)> CellCentres { get; } = [.. Axial.Select(Centre)];

    /// <summary>For each cell, its row-major position in the 8 x 8 image.</summary>
    public static IReadOnlyList<int> ImageIndex { get; } = [.. Axial.Select(a => ((ImageSize - 1 - a.V) * ImageSize) + a.U)];

    /// <summary>The Euclidean distance between the centres of two cells, in cell spacings.</summary>
    public static double Distance(int first, int second)
    {
        var (x1, y1) = CellCentres[first];
        var (x2, y2) = CellCentres[second];
        return Math.Sqrt(((x1 - x2) * (x1 - x2)) + ((y1 - y2) * (y1 - y2)));
    }

    /// <summary>Places 48 cell values into a 64-pixel image; the 16 unused pixels are set to zero.</summary>
    public static void ToImage(ReadOnlySpan<float> cells, Span<float> image)
    {
        CheckLengths(cells, image);
        image.Clear();
        for (var cell = 0; cell < CellCount; cell++)
        {
            image[ImageIndex[cell]] = cells[cell];
        }
    }

    /// <summary>Reads the 48 cell values back out of an image; whatever the unused pixels hold is ignored.</summary>
    public static void FromImage(ReadOnlySpan<float> image, Span<float> cells)
    {
        CheckLengths(cells, image);
        for (var cell = 0; cell < CellCount; cell++)
        {
            cells[cell] = image[ImageIndex[cell]];
        }
    }

    private static void CheckLengths(ReadOnlySpan<float> cells, ReadOnlySpan<float> image)
    {
        if (cells.Length != CellCount || image.Length != ImagePixelCount)
        {
            throw new ArgumentException($"Expected {CellCount} cells and {ImagePixelCount} pixels; got {cells.Length} and {image.Length}.");
        }
    }

    private static (int U, int V)[] BuildAxial()
    {
        var cells = new (int U, int V)[CellCount];
        for (var sector = 0; sector < 3; sector++)
        {
            for (var a = 0; a < SectorSide; a++)
            {
                for (var b = 0; b < SectorSide; b++)
                {
                    var cell = (U: 4 + a, V: 3 - b);
                    for (var turn = 0; turn < sector; turn++)
                    {
                        cell = (10 - cell.U - cell.V, cell.U);
                    }

                    cells[(sector * CellsPerSector) + (a * SectorSide) + b] = cell;
                }
            }
        }

        return cells;
    }

    // The centre (10/3, 10/3) in axial coordinates is subtracted so the module centre is the origin.
    private static (double X, double Y) Centre((int U, int V) axial)
    {
        var u = axial.U - (10.0 / 3);
        var v = axial.V - (10.0 / 3);
        return (u + (v / 2), v * Math.Sqrt(3) / 2);
    }
}
