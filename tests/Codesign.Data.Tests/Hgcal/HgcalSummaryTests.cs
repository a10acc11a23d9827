using Codesign.Data.Hgcal;
using Codesign.Data.Summaries;

namespace Codesign.Data.Tests.Hgcal;

public class HgcalSummaryTests
{
    [Fact]
    public void Unlabelled_modules_are_summarised_as_one_group()
    {
        var samples = HgcalDatasetReader.Images(HgcalModuleGenerator.Generate(200, 4));
        var summary = ClassFeatureSummary.Of(samples);
        Assert.Equal(["all rows"], summary.ClassNames);
        Assert.Equal([200], summary.ClassCounts);
        Assert.Equal(64, summary.FeatureNames.Count);
    }
}
