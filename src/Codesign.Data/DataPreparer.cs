using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Arff;
using Codesign.Data.Csv;
using Codesign.Data.Hdf5;
using Codesign.Data.Hgcal;
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
        var source = LoadSource(spec);

        // With a separate test source the main rows give train and validation only; the test rows are the test split.
        var dataset = source.Test is null
            ? DatasetSplitter.Split(source.Main, spec.Split)
            : DatasetSplitter.Split(source.Main, source.Test, spec.Split);
        // HGCal modules arrive normalised by a power of two per module; standardizing pixels would undo the shape
        // the EMD compares, so their scaler is the identity (written all the same, for a uniform data stage).
        if (!dataset.IsLabeled)
        {
            return new PreparedData(dataset, StandardScaler.Identity(dataset.FeatureNames));
        }

        var scaler = StandardScaler.Fit(dataset.Train, dataset.FeatureNames);
        foreach (var split in dataset.Splits)
        {
            scaler.Transform(split);
        }

        return new PreparedData(dataset, scaler);
    }

    /// <summary>Every row the spec names, before splitting: the main rows, then those of a separate test source.</summary>
    public static LabeledSamples Load(DataSpec spec) => LoadSource(spec).All();

    /// <summary>The spec's rows as they will be split: the main rows, and the separate test rows if the spec names test files.</summary>
    public static SourceData LoadSource(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Source switch
        {
            DataSource.Jets => new SourceData(JetGenerator.Generate(spec)),
            DataSource.Csv => CsvDatasetReader.Read(spec),
            DataSource.Arff => ArffDatasetReader.Read(spec),
            DataSource.Hdf5 => Hdf5DatasetReader.Read(spec),
            DataSource.Hgcal or DataSource.HgcalCsv => HgcalDatasetReader.Read(spec),
            _ => throw new CodesignException(DiagnosticCodes.InternalError, spec.Location, $"data source {spec.Source} has no loader in this build."),
        };
    }
}
