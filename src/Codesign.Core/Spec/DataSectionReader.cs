using Codesign.Core.Diagnostics;
using Codesign.Core.Spec.Yaml;

namespace Codesign.Core.Spec;

internal static class DataSectionReader
{
    private static readonly Dictionary<string, DataSource> Sources = new(StringComparer.Ordinal)
    {
        ["jets"] = DataSource.Jets,
        ["csv"] = DataSource.Csv,
    };

    public static DataSpec Read(MappingReader? reader, DiagnosticBag diagnostics, string specDirectory, SourceSpan rootSpan)
    {
        var split = new SplitSpec(SpecDefaults.ValidationFraction, SpecDefaults.TestFraction, SpecDefaults.SplitSeed);
        if (reader is null)
        {
            return new DataSpec { Source = DataSource.Jets, Split = split, Location = rootSpan };
        }

        var sourceNode = reader.Required("source", "'jets' (the built-in generator) or 'csv'");
        var source = sourceNode is null ? DataSource.Jets : reader.ChoiceValue(sourceNode, "data.source", DataSource.Jets, Sources);

        var features = reader.TextList("features");
        RejectDuplicates(features, "data.features", diagnostics);
        var classes = reader.TextList("classes");
        RejectDuplicates(classes, "data.classes", diagnostics);
        split = ReadSplit(reader.Mapping("split"), split);

        var spec = new DataSpec
        {
            Source = source,
            Features = features.Select(f => f.Value).ToList(),
            FeatureLocations = features.Select(f => f.Span).ToList(),
            Classes = classes.Select(c => c.Value).ToList(),
            ClassesLocation = reader.Has("classes") ? reader.KeySpan("classes") : reader.Span,
            Split = split,
            Location = reader.Span,
        };

        spec = source == DataSource.Csv ? ReadCsvKeys(reader, spec, specDirectory) : ReadGeneratorKeys(reader, spec);
        RejectKeysOfOtherSource(reader, source, diagnostics);
        reader.RejectUnknownKeys(SpecKeys.Data);
        return spec;
    }

    private static DataSpec ReadCsvKeys(MappingReader reader, DataSpec spec, string specDirectory)
    {
        var pathNode = reader.Required("path", "the CSV file, relative to the spec");
        var path = pathNode is null ? null : reader.TextValue(pathNode, "data.path");
        var labelNode = reader.Required("label", "the name of the CSV column that holds the class");
        var label = labelNode is null ? null : reader.TextValue(labelNode, "data.label");
        if (!reader.Has("features"))
        {
            reader.Diagnostics.Error(DiagnosticCodes.MissingKey, reader.Span, "'data.features' is required for source 'csv': the CSV columns the model reads, in order");
        }
        else if (spec.Features.Count == 0)
        {
            reader.Diagnostics.Error(DiagnosticCodes.OutOfRange, reader.KeySpan("features"), "'data.features' must name at least one column");
        }

        return spec with
        {
            Path = path is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(specDirectory, path)),
            PathLocation = pathNode?.Span ?? reader.Span,
            Label = label,
            LabelLocation = labelNode?.Span ?? reader.Span,
        };
    }

    private static DataSpec ReadGeneratorKeys(MappingReader reader, DataSpec spec)
    {
        for (var i = 0; i < spec.Features.Count; i++)
        {
            if (!JetDataCatalog.FeatureNames.Contains(spec.Features[i]))
            {
                reader.Diagnostics.Error(DiagnosticCodes.UnknownColumn, spec.FeatureLocations[i],
                    $"the jet generator has no feature '{spec.Features[i]}'{NameSuggestions.DidYouMean(spec.Features[i], JetDataCatalog.FeatureNames)}");
            }
        }

        // A subset of the classes in any order is a smaller task (say W against Z); names must be the generator's own.
        var classes = spec.Classes.Count > 0 ? spec.Classes : JetDataCatalog.ClassNames;
        foreach (var name in spec.Classes.Where(name => !JetDataCatalog.ClassNames.Contains(name)))
        {
            reader.Diagnostics.Error(DiagnosticCodes.InvalidChoice, spec.ClassesLocation,
                $"'{name}' is not a jet generator class; expected some of: {string.Join(", ", JetDataCatalog.ClassNames)}{NameSuggestions.DidYouMean(name, JetDataCatalog.ClassNames)}");
        }

        var mix = new List<double>();
        var mixNode = reader.Sequence("class_mix");
        if (mixNode is not null)
        {
            for (var i = 0; i < mixNode.Items.Count; i++)
            {
                mix.Add(reader.NumberValue(mixNode.Items[i], $"data.class_mix[{i}]", 1, 0, 1e6, minExclusive: true));
            }

            if (mix.Count != classes.Count)
            {
                reader.Diagnostics.Error(DiagnosticCodes.OutOfRange, mixNode.Span,
                    $"'data.class_mix' needs one weight per class ({classes.Count}: {string.Join(", ", classes)}), got {mix.Count}");
            }
        }

        var samplesNode = reader.Find("samples");
        return spec with
        {
            Samples = samplesNode is null ? SpecDefaults.GeneratorSamples : reader.IntegerValue(samplesNode, "data.samples", SpecDefaults.GeneratorSamples, 100, 50_000_000),
            SamplesLocation = samplesNode?.Span ?? reader.Span,
            Seed = reader.Seed("seed", SpecDefaults.GeneratorSeed),
            ClassMix = mix,
            ClassMixLocation = mixNode?.Span ?? reader.Span,
            Classes = classes,
        };
    }

    private static SplitSpec ReadSplit(MappingReader? split, SplitSpec defaults)
    {
        if (split is null)
        {
            return defaults;
        }

        var validation = split.Number("validation", defaults.Validation, 0, 0.9);
        var test = split.Number("test", defaults.Test, 0, 0.9, minExclusive: true);
        if (validation + test >= 0.95)
        {
            split.Diagnostics.Error(DiagnosticCodes.OutOfRange, split.Span,
                $"'data.split' leaves too little for training: validation {validation} + test {test} must stay below 0.95");
        }

        var seed = split.Seed("seed", defaults.Seed);
        split.RejectUnknownKeys(SpecKeys.Split);
        return new SplitSpec(validation, test, seed);
    }

    private static void RejectKeysOfOtherSource(MappingReader reader, DataSource source, DiagnosticBag diagnostics)
    {
        var foreign = source == DataSource.Csv ? SpecKeys.GeneratorOnly : SpecKeys.CsvOnly;
        var sourceName = source == DataSource.Csv ? "csv" : "jets";
        foreach (var key in foreign)
        {
            if (reader.Has(key))
            {
                _ = reader.Find(key);
                diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan(key), $"'data.{key}' does not apply to source '{sourceName}'");
            }
        }
    }

    private static void RejectDuplicates(IReadOnlyList<(string Value, SourceSpan Span)> items, string name, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, span) in items)
        {
            if (!seen.Add(value))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateKey, span, $"'{value}' appears twice in '{name}'");
            }
        }
    }
}
