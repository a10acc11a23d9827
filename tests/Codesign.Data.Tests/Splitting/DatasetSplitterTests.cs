using Codesign.Core.Spec;
using Codesign.Data.Splitting;

namespace Codesign.Data.Tests.Splitting;

public sealed class DatasetSplitterTests
{
    [Theory]
    [InlineData(1000, 0.2, 0.1, 700, 200, 100)]
    [InlineData(999, 0.2, 0.1, 701, 199, 99)]
    [InlineData(100, 0.29, 0.07, 64, 29, 7)]
    [InlineData(10, 0, 0, 10, 0, 0)]
    [InlineData(10, 0.5, 0.5, 0, 5, 5)]
    [InlineData(10, 0.8, 0.5, 0, 5, 5)]
    [InlineData(10, double.NaN, -0.1, 10, 0, 0)]
    public void Held_out_splits_take_the_floor_of_their_fraction(int rows, double validation, double test, int train, int validationRows, int testRows)
    {
        var plan = SplitPlan.For(rows, new SplitSpec(validation, test, 1));

        Assert.Equal(new SplitPlan(train, validationRows, testRows), plan);
    }

    [Fact]
    public void Every_row_lands_in_exactly_one_split_with_its_label()
    {
        var samples = Samples.Indexed(1000);

        var dataset = DatasetSplitter.Split(samples, new SplitSpec(0.2, 0.1, 7));

        Assert.Equal((700, 200, 100), (dataset.Train.RowCount, dataset.Validation.RowCount, dataset.Test.RowCount));
        var all = dataset.Splits.SelectMany(Samples.SourceRows).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 1000), all);
        foreach (var split in dataset.Splits)
        {
            var rows = Samples.SourceRows(split);
            for (var i = 0; i < rows.Length; i++)
            {
                Assert.Equal(rows[i] % 2, split.Labels[i]);
                Assert.Equal(samples.Rows.Row(rows[i]).ToArray(), split.Row(i).ToArray());
            }
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_split()
    {
        var first = DatasetSplitter.Split(Samples.Indexed(500), new SplitSpec(0.2, 0.2, 11));
        var second = DatasetSplitter.Split(Samples.Indexed(500), new SplitSpec(0.2, 0.2, 11));

        Assert.Equal(Samples.SourceRows(first.Train), Samples.SourceRows(second.Train));
        Assert.Equal(Samples.SourceRows(first.Validation), Samples.SourceRows(second.Validation));
        Assert.Equal(Samples.SourceRows(first.Test), Samples.SourceRows(second.Test));
    }

    [Fact]
    public void Different_seed_gives_a_different_split()
    {
        var first = DatasetSplitter.Split(Samples.Indexed(500), new SplitSpec(0.2, 0.2, 11));
        var second = DatasetSplitter.Split(Samples.Indexed(500), new SplitSpec(0.2, 0.2, 12));

        Assert.NotEqual(Samples.SourceRows(first.Test).Order(), Samples.SourceRows(second.Test).Order());
    }

    [Fact]
    public void Rows_are_shuffled_not_taken_in_file_order()
    {
        var dataset = DatasetSplitter.Split(Samples.Indexed(500), new SplitSpec(0.2, 0.2, 3));

        Assert.NotEqual(Enumerable.Range(0, 100), Samples.SourceRows(dataset.Test));
    }

    [Fact]
    public void Changing_the_validation_fraction_keeps_the_test_set()
    {
        var first = DatasetSplitter.Split(Samples.Indexed(500), new SplitSpec(0.1, 0.2, 5));
        var second = DatasetSplitter.Split(Samples.Indexed(500), new SplitSpec(0.3, 0.2, 5));

        Assert.Equal(Samples.SourceRows(first.Test), Samples.SourceRows(second.Test));
    }

    [Theory]
    [InlineData(9, 0.0, 0.0, false)]
    [InlineData(10, 0.0, 0.0, true)]
    [InlineData(12, 0.05, 0.2, false)]
    [InlineData(20, 0.05, 0.2, true)]
    [InlineData(10, 0.5, 0.5, false)]
    public void Plans_need_ten_rows_and_a_row_in_every_requested_split(int rows, double validation, double test, bool sufficient)
    {
        var split = new SplitSpec(validation, test, 1);

        Assert.Equal(sufficient, SplitPlan.For(rows, split).IsSufficientFor(split));
    }

    [Theory]
    [InlineData(0.2, 0.0, 80, 20, 0)]
    [InlineData(0.0, 0.2, 80, 0, 20)]
    [InlineData(0.0, 0.0, 100, 0, 0)]
    public void A_zero_fraction_leaves_its_split_empty(double validation, double test, int train, int validationRows, int testRows)
    {
        var dataset = DatasetSplitter.Split(Samples.Indexed(100), new SplitSpec(validation, test, 3));

        Assert.Equal((train, validationRows, testRows), (dataset.Train.RowCount, dataset.Validation.RowCount, dataset.Test.RowCount));
        Assert.Equal(Enumerable.Range(0, 100), dataset.Splits.SelectMany(Samples.SourceRows).Order());
    }

    [Fact]
    public void Separate_test_rows_become_the_test_split_and_the_main_rows_train_and_validation()
    {
        var main = Samples.Indexed(100);
        var test = Samples.Indexed(30);

        var dataset = DatasetSplitter.Split(main, test, new SplitSpec(0.1, 0.2, 4));

        Assert.Equal((90, 10, 30), (dataset.Train.RowCount, dataset.Validation.RowCount, dataset.Test.RowCount));
        Assert.Equal(Enumerable.Range(0, 100), Samples.SourceRows(dataset.Train).Concat(Samples.SourceRows(dataset.Validation)).Order());
        Assert.Equal(Enumerable.Range(0, 30), Samples.SourceRows(dataset.Test).Order());
        Assert.Equal(Samples.SourceRows(dataset.Test).Select(row => row % 2), dataset.Test.Labels);
    }

    [Fact]
    public void Separate_test_rows_must_match_the_main_columns_and_classes()
    {
        Assert.Throws<ArgumentException>(() => DatasetSplitter.Split(Samples.Indexed(20), Samples.Indexed(5, featureCount: 2), new SplitSpec(0, 0, 1)));
        Assert.Throws<ArgumentException>(() => DatasetSplitter.Split(Samples.Indexed(20), Samples.Indexed(5, classCount: 3), new SplitSpec(0, 0, 1)));
    }
}
