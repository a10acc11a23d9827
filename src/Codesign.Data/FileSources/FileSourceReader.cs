using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Splitting;

namespace Codesign.Data.FileSources;

/// <summary>
/// Reads a file source in any format: every file of <c>path</c> in <see cref="DataFileSet.Expand"/> order, then
/// every file of <c>test_path</c>, with one label mapping for all of them. Problems are collected across files (up
/// to <see cref="MaxDiagnostics"/>) so one run shows what is wrong in each.
/// </summary>
internal static class FileSourceReader
{
    /// <summary>How many problems one run reports before it stops reading.</summary>
    public const int MaxDiagnostics = 20;

    public static SourceData Read(DataSpec spec, IDataFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(format);
        RequireSpecInputs(spec, format);
        var (mainFiles, testFiles) = ExpandFiles(spec);

        var diagnostics = new DiagnosticBag(MaxDiagnostics);
        var main = ReadAll(spec, mainFiles, format, diagnostics);
        var test = testFiles is null ? null : ReadAll(spec, testFiles, format, diagnostics);
        diagnostics.ThrowIfAny();

        var mainLabels = main.Labels();
        var testLabels = test?.Labels();
        var classNames = format.FinishClasses(testLabels is null ? [mainLabels] : [mainLabels, testLabels]);
        EnsureEnoughRows(spec, main, test);

        var featureNames = spec.Features.ToArray();
        LabeledSamples Samples(RowBuffer rows, int[] labels) =>
            new(featureNames, classNames, new DatasetSplit(rows.Features(), labels, featureNames.Length));
        return new SourceData(Samples(main, mainLabels), test is null || testLabels is null ? null : Samples(test, testLabels));
    }

    /// <summary>The split a file source applies to its main rows: no test fraction when the test rows are separate.</summary>
    public static SplitSpec MainSplit(DataSpec spec) => spec.TestFiles is null ? spec.Split : spec.Split with { Test = 0 };

    private static void RequireSpecInputs(DataSpec spec, IDataFileFormat format)
    {
        // The spec validator enforces these; repeating the check keeps a hand-built DataSpec from failing obscurely.
        var location = spec.Location;
        if (spec.Files is null)
        {
            throw new CodesignException(DiagnosticCodes.MissingKey, location, $"data.path is required for a {format.Kind} source; expected the path of the {format.Kind}.");
        }

        if (spec.Features.Count == 0)
        {
            throw new CodesignException(DiagnosticCodes.MissingKey, location, $"data.features is required for a {format.Kind} source; expected the list of feature column names.");
        }

        if (format.NeedsLabel && string.IsNullOrEmpty(spec.Label))
        {
            throw new CodesignException(DiagnosticCodes.MissingKey, location, $"data.label is required for a {format.Kind} source; expected the name of the label column.");
        }
    }

    private static (IReadOnlyList<DataFile> Main, IReadOnlyList<DataFile>? Test) ExpandFiles(DataSpec spec)
    {
        // Both sets are expanded before anything is reported, so a missing data file and a missing test file show together.
        var problems = new List<Diagnostic>();
        var main = Expand(spec.Files!, problems);
        var test = spec.TestFiles is null ? null : Expand(spec.TestFiles, problems);
        if (main is not null && test is not null)
        {
            var mainPaths = main.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(test
                .Where(file => mainPaths.Contains(file.Path))
                .Select(file => Diagnostic.Error(
                    DiagnosticCodes.InconsistentSpec,
                    SpecLocations.File(spec, file),
                    $"'{file.Path}' is both a data file ('data.path') and a test file ('data.test_path'); the test rows would also be trained on.")));
        }

        if (problems.Count > 0)
        {
            throw new CodesignException(problems);
        }

        return (main!, test);
    }

    private static IReadOnlyList<DataFile>? Expand(DataFileSet files, List<Diagnostic> problems)
    {
        try
        {
            return files.Expand();
        }
        catch (CodesignException exception)
        {
            problems.AddRange(exception.Diagnostics);
            return null;
        }
    }

    private static RowBuffer ReadAll(DataSpec spec, IReadOnlyList<DataFile> files, IDataFileFormat format, DiagnosticBag diagnostics)
    {
        var rows = new RowBuffer(spec.Features.Count);
        foreach (var file in files)
        {
            if (diagnostics.IsFull)
            {
                break;
            }

            rows.BeginFile(file.Path);
            try
            {
                format.ReadFile(file, rows, diagnostics);
            }
            catch (CodesignException exception)
            {
                foreach (var diagnostic in exception.Diagnostics)
                {
                    diagnostics.Error(diagnostic.Code, diagnostic.Location, diagnostic.Message);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(
                    DiagnosticCodes.DataFileNotFound,
                    SpecLocations.File(spec, file),
                    $"data file '{file.Path}' cannot be read ({exception.Message}); expected a readable {format.Kind}.");
            }
        }

        return rows;
    }

    private static void EnsureEnoughRows(DataSpec spec, RowBuffer main, RowBuffer? test)
    {
        var split = MainSplit(spec);
        var plan = SplitPlan.For(main.RowCount, split);
        if (!plan.IsSufficientFor(split))
        {
            throw new CodesignException(DiagnosticCodes.TooFewRows, main.End, $"{Describe(main.Files)} too few data rows: {plan.DescribeShortfall(split)}.");
        }

        if (test is { RowCount: 0 })
        {
            throw new CodesignException(DiagnosticCodes.TooFewRows, test.End, $"{Describe(test.Files)} no data rows; a separate test source ('data.test_path') needs at least one.");
        }
    }

    private static string Describe(IReadOnlyList<string> files) =>
        files.Count == 1 ? $"'{files[0]}' has" : $"'{files[0]}' and {files.Count - 1} more files have";
}
