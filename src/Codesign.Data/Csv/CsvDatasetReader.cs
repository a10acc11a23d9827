using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Splitting;

namespace Codesign.Data.Csv;

/// <summary>
/// Loads the feature and label columns a <see cref="DataSpec"/> names from a CSV file with a header row.
/// Problems in the file are reported at their line and column (1-based, as editors count); problems with
/// what the spec asks for are reported at the spec node that asked.
/// </summary>
public static class CsvDatasetReader
{
    /// <summary>How many problems one run reports before it stops reading.</summary>
    public const int MaxDiagnostics = 20;

    public static LabeledSamples Read(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var path = RequireSpecInputs(spec);
        if (!File.Exists(path))
        {
            throw new CodesignException(
                DiagnosticCodes.DataFileNotFound,
                SpecLocations.Path(spec),
                $"data file '{path}' does not exist; expected a CSV file with a header row (relative paths are resolved against the spec's folder).");
        }

        CsvRows rows;
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            var lineNumber = 0;
            var header = CsvHeader.Read(reader, path, ref lineNumber);
            var columns = ResolveColumns(spec, header, path);
            rows = ReadRows(reader, spec, path, header, columns, lineNumber);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CodesignException(
                DiagnosticCodes.DataFileNotFound,
                SpecLocations.Path(spec),
                $"data file '{path}' cannot be read ({exception.Message}); expected a readable CSV file.");
        }

        var plan = SplitPlan.For(rows.RowCount, spec.Split);
        if (!plan.IsSufficientFor(spec.Split))
        {
            var location = rows.LastLine > 0 ? new SourceSpan(path, rows.LastLine, 1) : SourceSpan.WholeFile(path);
            throw new CodesignException(
                DiagnosticCodes.TooFewRows,
                location,
                $"'{path}' has too few data rows: {plan.DescribeShortfall(spec.Split)}.");
        }

        return rows.Samples;
    }

    private static string RequireSpecInputs(DataSpec spec)
    {
        // The spec validator enforces these; repeating the check keeps a hand-built DataSpec from failing obscurely.
        var location = spec.Location.File is null ? SourceSpan.WholeFile(string.Empty) : spec.Location;
        if (spec.Files is null)
        {
            throw new CodesignException(DiagnosticCodes.MissingKey, location, "data.path is required for a CSV source; expected the path of the CSV file.");
        }

        if (spec.Features.Count == 0)
        {
            throw new CodesignException(DiagnosticCodes.MissingKey, location, "data.features is required for a CSV source; expected the list of feature column names.");
        }

        if (string.IsNullOrEmpty(spec.Label))
        {
            throw new CodesignException(DiagnosticCodes.MissingKey, location, "data.label is required for a CSV source; expected the name of the label column.");
        }

        return spec.Files.Expand()[0].Path;
    }

    private static (int[] Features, int Label) ResolveColumns(DataSpec spec, CsvHeader header, string path)
    {
        var diagnostics = new DiagnosticBag(MaxDiagnostics);
        var features = new int[spec.Features.Count];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = header.IndexOf(spec.Features[i]);
            if (features[i] < 0)
            {
                diagnostics.Error(DiagnosticCodes.UnknownColumn, SpecLocations.Feature(spec, i), UnknownColumn("feature", spec.Features[i], header, path));
            }
        }

        var label = header.IndexOf(spec.Label!);
        if (label < 0)
        {
            diagnostics.Error(DiagnosticCodes.UnknownColumn, SpecLocations.Label(spec), UnknownColumn("label", spec.Label!, header, path));
        }

        diagnostics.ThrowIfAny();
        return (features, label);
    }

    private static string UnknownColumn(string role, string name, CsvHeader header, string path) =>
        $"{role} column '{name}' is not in the header of '{path}'; expected one of: {NameSuggestions.Enumerate(header.Names)}"
        + NameSuggestions.DidYouMean(name, header.Names);

    private static CsvRows ReadRows(
        StreamReader reader,
        DataSpec spec,
        string path,
        CsvHeader header,
        (int[] Features, int Label) columns,
        int lineNumber)
    {
        var diagnostics = new DiagnosticBag(MaxDiagnostics);
        var labels = new CsvLabels(spec.Classes);
        var featureValues = new List<float>();
        var labelValues = new List<int>();
        var fields = new List<CsvField>(header.Names.Length);
        var rowValues = new float[columns.Features.Length];
        var lastLine = header.Line;
        string? line;
        while (!diagnostics.IsFull && (line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            lastLine = lineNumber;
            var error = CsvLineParser.Parse(line, fields, out var errorColumn);
            if (error is not null)
            {
                diagnostics.Error(DiagnosticCodes.MalformedRow, new SourceSpan(path, lineNumber, errorColumn), error + ".");
                continue;
            }

            if (fields.Count != header.Names.Length)
            {
                diagnostics.Error(
                    DiagnosticCodes.MalformedRow,
                    new SourceSpan(path, lineNumber, 1),
                    $"the row has {fields.Count} fields; expected {header.Names.Length} as in the header (line {header.Line}).");
                continue;
            }

            var rowIsValid = true;
            for (var i = 0; i < columns.Features.Length; i++)
            {
                var field = fields[columns.Features[i]];
                rowIsValid &= ParseFeature(line, field, spec.Features[i], path, lineNumber, diagnostics, out rowValues[i]);
            }

            var labelField = fields[columns.Label];
            var labelError = labels.TryResolve(labelField.Text(line), out var label);
            if (labelError is not null)
            {
                diagnostics.Error(DiagnosticCodes.BadLabel, new SourceSpan(path, lineNumber, labelField.Column), $"column '{spec.Label}': {labelError}.");
                rowIsValid = false;
            }

            if (rowIsValid)
            {
                featureValues.AddRange(rowValues);
                labelValues.Add(label);
            }
        }

        diagnostics.ThrowIfAny();
        var labelArray = labelValues.ToArray();
        var classNames = labels.Finish(labelArray);
        return new CsvRows(
            new LabeledSamples([.. spec.Features], classNames, new DatasetSplit(featureValues.ToArray(), labelArray, columns.Features.Length)),
            lastLine);
    }

    private static bool ParseFeature(
        string line,
        CsvField field,
        string column,
        string path,
        int lineNumber,
        DiagnosticBag diagnostics,
        out float value)
    {
        var outcome = CsvNumber.TryParse(field.Value(line), out value);
        if (outcome == CsvNumberOutcome.Parsed)
        {
            return true;
        }

        var location = new SourceSpan(path, lineNumber, field.Column);
        var text = field.Text(line);
        switch (outcome)
        {
            case CsvNumberOutcome.NonFinite:
                diagnostics.Error(
                    DiagnosticCodes.NonFiniteValue,
                    location,
                    $"column '{column}': '{text}' is not a finite number (NaN, infinity or beyond the float32 range); expected a finite value, so drop or impute such rows first.");
                break;
            case CsvNumberOutcome.Empty:
                diagnostics.Error(DiagnosticCodes.BadNumber, location, $"column '{column}' is empty; expected a number.");
                break;
            default:
                diagnostics.Error(
                    DiagnosticCodes.BadNumber,
                    location,
                    $"column '{column}': '{text}' is not a number; expected a decimal such as 1.5 or -2e-3 with '.' as the decimal separator.");
                break;
        }

        return false;
    }

    private sealed record CsvRows(LabeledSamples Samples, int LastLine)
    {
        public int RowCount => Samples.RowCount;
    }
}
