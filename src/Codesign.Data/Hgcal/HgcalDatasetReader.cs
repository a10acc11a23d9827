using System.Globalization;
using Codesign.Core.Spec;

namespace Codesign.Data.Hgcal;

/// <summary>
/// The <c>hgcal</c> and <c>hgcal-csv</c> sources as rows for the data stage: each normalised module placed into an
/// 8x8x1 image (<see cref="HgcalModuleGeometry.ToImage"/>; channels last, so the 64 pixels are row-major), with no labels.
/// </summary>
public static class HgcalDatasetReader
{
    /// <summary>Pixel names <c>pixel_&lt;row&gt;_&lt;column&gt;</c>, row-major as the image is stored.</summary>
    public static string[] PixelNames { get; } = [.. Enumerable.Range(0, HgcalModuleGeometry.ImagePixelCount)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"pixel_{p / HgcalModuleGeometry.ImageSize}_{p % HgcalModuleGeometry.ImageSize}"))];

    public static SourceData Read(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Source == DataSource.Hgcal)
        {
            return new SourceData(Images(HgcalModuleGenerator.Generate(spec.Samples, spec.Seed)));
        }

        var main = Images(ReadFiles(spec.Files!));
        var test = spec.TestFiles is null ? null : Images(ReadFiles(spec.TestFiles));
        return new SourceData(main, test);
    }

    /// <summary>The modules as unlabelled image rows.</summary>
    public static LabeledSamples Images(HgcalModuleSet modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        const int pixels = HgcalModuleGeometry.ImagePixelCount;
        var images = new float[modules.ModuleCount * pixels];
        for (var module = 0; module < modules.ModuleCount; module++)
        {
            HgcalModuleGeometry.ToImage(modules.NormalizedOf(module), images.AsSpan(module * pixels, pixels));
        }

        return new LabeledSamples(PixelNames, [], DatasetSplit.Unlabeled(images, pixels));
    }

    /// <summary>Every file of the set in pattern order, rows concatenated before normalisation (each row is normalised on its own).</summary>
    private static HgcalModuleSet ReadFiles(DataFileSet files)
    {
        var charges = new List<float>();
        foreach (var file in files.Expand())
        {
            charges.AddRange(HgcalCsvReader.Read(file.Path).Charges);
        }

        return HgcalModuleSet.FromCharges(charges.ToArray());
    }
}
