using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Csv;
using Codesign.Data.Jets;
using Codesign.Data.Scaling;
using Codesign.Data.Splitting;

namespace Codesign.Data;

/// <summary>Runs the data stage in memory: load or generate, split, fit the scaler on train, standardize every split.</summary>
public static class DataPreparer
{
    public static PreparedData Prepare(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var samples = Load(spec);
        var dataset = DatasetSplitter.Split(samples, spec.Split);
        var scaler = StandardScaler.Fit(dataset.Train, dataset.FeatureNames);
        foreach (var split in dataset.Splits)
        {
            scaler.Transform(split);
        }

        return new PreparedData(dataset, scaler);
    }

    public static LabeledSamples Load(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Source switch
        {
            DataSource.Csv => CsvDatasetReader.Read(spec),
            DataSource.Jets => JetGenerator.Generate(spec),
            _ => throw new CodesignException(
                DiagnosticCodes.InternalError,
                spec.Location,
                $"data source {spec.Source} has no loader in this build."),
        };
    }
}
