using Codesign.Core.Spec;

namespace Codesign.Data.Splitting;

/// <summary>How many rows each split gets: test and validation take floor(rows x fraction), train the rest.</summary>
public readonly record struct SplitPlan(int TrainRows, int ValidationRows, int TestRows)
{
    /// <summary>Below this many rows no split is statistically meaningful, whatever the fractions say.</summary>
    public const int MinimumRows = 10;

    // 0.29 * 100 is 28.999999999999996 in binary floating point; the nudge keeps floor() at the intended 29.
    private const double FloorTolerance = 1e-9;

    public int TotalRows => TrainRows + ValidationRows + TestRows;

    public static SplitPlan For(int rowCount, SplitSpec split)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentNullException.ThrowIfNull(split);
        var test = HeldOut(rowCount, split.Test);

        // Fractions summing above 1 are the spec validator's to report; here they must merely not overrun.
        var validation = Math.Min(HeldOut(rowCount, split.Validation), rowCount - test);
        var train = Math.Max(0, rowCount - test - validation);
        return new SplitPlan(train, validation, test);
    }

    /// <summary>
    /// True when there are at least <see cref="MinimumRows"/> rows and every split that was asked for (fraction
    /// above zero; train always) received at least one row.
    /// </summary>
    public bool IsSufficientFor(SplitSpec split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return TotalRows >= MinimumRows
            && TrainRows >= 1
            && (split.Validation <= 0 || ValidationRows >= 1)
            && (split.Test <= 0 || TestRows >= 1);
    }

    /// <summary>Explains an insufficient plan in the words a user can act on.</summary>
    public string DescribeShortfall(SplitSpec split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return $"found {TotalRows} rows; need at least {MinimumRows} and at least one row in every split "
            + $"(this gives train {TrainRows}, validation {ValidationRows} for fraction {Format(split.Validation)}, "
            + $"test {TestRows} for fraction {Format(split.Test)})";
    }

    private static int HeldOut(int rowCount, double fraction)
    {
        if (!(fraction > 0))
        {
            return 0;
        }

        return (int)Math.Min(rowCount, Math.Floor((rowCount * fraction) + FloorTolerance));
    }

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
