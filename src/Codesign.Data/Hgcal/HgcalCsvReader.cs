using System.Globalization;
using Codesign.Core.Diagnostics;
using Codesign.Data.Csv;
using Codesign.Data.FileSources;

namespace Codesign.Data.Hgcal;

/// <summary>
/// Reads the authors' ECON-T layout: a CSV with a header row and columns CALQ_0 .. CALQ_47 (in any order, among any
/// others, which are ignored), one row per module and crossing, charges in MIP_T. Rows whose charges sum to zero are
/// dropped and the rest normalised (<see cref="HgcalModuleSet.FromCharges"/>). Problems are reported at their
/// line and column with the data stage's codes, up to <see cref="FileSourceReader.MaxDiagnostics"/> at once.
/// </summary>
public static class HgcalCsvReader
{
    public static HgcalModuleSet Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CodesignException(
                DiagnosticCodes.DataFileNotFound,
                SourceSpan.WholeFile(path),
                $"HGCal data file '{path}' does not exist; expected a CSV with columns CALQ_0 .. CALQ_{HgcalModuleGeometry.CellCount - 1}.");
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        var header = CsvHeader.Read(reader, path, ref lineNumber);
        var columns = FindColumns(header, path);
        var diagnostics = new DiagnosticBag(FileSourceReader.MaxDiagnostics);
        var charges = new List<float>();
        var rows = ReadRows(reader, ref lineNumber, path, header.Names.Length, columns, charges, diagnostics);
        diagnostics.ThrowIfAny();

        var modules = HgcalModuleSet.FromCharges(charges.ToArray());
        if (modules.ModuleCount == 0)
        {
            throw new CodesignException(
                DiagnosticCodes.TooFewRows,
                new SourceSpan(path, lineNumber, 1),
                $"'{path}' has {rows} data rows and none with charge; expected at least one module with a nonzero CALQ.");
        }

        return modules;
    }

    /// <summary>The field index of CALQ_0 .. CALQ_47.</summary>
    private static int[] FindColumns(CsvHeader header, string path)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Names.Length; i++)
        {
            positions.TryAdd(header.Names[i], i);
        }

        var columns = new int[HgcalModuleGeometry.CellCount];
        var missing = new List<string>();
        for (var cell = 0; cell < columns.Length; cell++)
        {
            if (!positions.TryGetValue(ColumnName(cell), out columns[cell]))
            {
                missing.Add(ColumnName(cell));
            }
        }

        if (missing.Count > 0)
        {
            throw new CodesignException(
                DiagnosticCodes.UnknownColumn,
                new SourceSpan(path, header.Line, 1),
                $"the header of '{path}' lacks {string.Join(", ", missing)}; expected every column CALQ_0 .. CALQ_{columns.Length - 1} (other columns are ignored).");
        }

        return columns;
    }

    private static string ColumnName(int cell) => "CALQ_" + cell.ToString(CultureInfo.InvariantCulture);

    private static int ReadRows(
        StreamReader reader, ref int lineNumber, string path, int fieldCount, int[] columns, List<float> charges, DiagnosticBag diagnostics)
    {
        var fields = new List<CsvField>(fieldCount);
        var row = new float[columns.Length];
        var rows = 0;
        string? line;
        while (!diagnostics.IsFull && (line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            rows++;
            var lineStart = new SourceSpan(path, lineNumber, 1);
            var error = CsvLineParser.Parse(line, fields, out var errorColumn);
            if (error is not null)
            {
                diagnostics.Error(DiagnosticCodes.MalformedRow, lineStart with { Column = errorColumn }, error + ".");
                continue;
            }

            if (fields.Count != fieldCount)
            {
                diagnostics.Error(DiagnosticCodes.MalformedRow, lineStart, $"the row has {fields.Count} fields; expected {fieldCount} as in the header.");
                continue;
            }

            if (ReadCharges(line, fields, columns, lineStart, row, diagnostics))
            {
                charges.AddRange(row);
            }
        }

        return rows;
    }

    private static bool ReadCharges(string line, List<CsvField> fields, int[] columns, SourceSpan lineStart, float[] row, DiagnosticBag diagnostics)
    {
        var valid = true;
        for (var cell = 0; cell < columns.Length; cell++)
        {
            var field = fields[columns[cell]];
            var location = lineStart with { Column = field.Column };
            if (!CsvFeatureValue.TryRead(line, field, ColumnName(cell), location, diagnostics, out row[cell]))
            {
                valid = false;
            }
            else if (row[cell] < 0)
            {
                diagnostics.Error(
                    DiagnosticCodes.BadNumber,
                    location,
                    $"column '{ColumnName(cell)}': {field.Text(line)} is negative; expected a trigger-cell charge >= 0 (MIP_T).");
                valid = false;
            }
        }

        return valid;
    }
}
