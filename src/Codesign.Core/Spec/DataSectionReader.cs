using Codesign.Core.Diagnostics;
using Codesign.Core.Spec.Yaml;

namespace Codesign.Core.Spec;

internal static class DataSectionReader
{
    /// <summary>
    /// Source names. The <c>openml-*</c> names read the OpenML export of the jet data set (hls4ml_lhc_jets_hlf):
    /// the same readers as csv/arff, with the 16 jet features, the label column <c>class</c> and the classes
    /// g, q, w, z, t as defaults, so a jet spec switches from the generator to real data by naming a file.
    /// </summary>
    private static readonly Dictionary<string, (DataSource Source, bool JetDefaults)> Sources = new(StringComparer.Ordinal)
    {
        ["jets"] = (DataSource.Jets, true),
        ["csv"] = (DataSource.Csv, false),
        ["arff"] = (DataSource.Arff, false),
        ["openml-csv"] = (DataSource.Csv, true),
        ["openml-arff"] = (DataSource.Arff, true),
        ["hdf5"] = (DataSource.Hdf5, true),
        ["hgcal"] = (DataSource.Hgcal, false),
        ["hgcal-csv"] = (DataSource.HgcalCsv, false),
    };

    private const string OpenMlLabel = "class";

    public static DataSpec Read(MappingReader? reader, DiagnosticBag diagnostics, string specDirectory, SourceSpan rootSpan)
    {
        var split = new SplitSpec(SpecDefaults.ValidationFraction, SpecDefaults.TestFraction, SpecDefaults.SplitSeed);
        if (reader is null)
        {
            return new DataSpec { Source = DataSource.Jets, Split = split, Location = rootSpan, Classes = JetDataCatalog.ClassNames };
        }

        var sourceNode = reader.Required("source", $"one of {string.Join(", ", Sources.Keys)}");
        var sourceName = sourceNode is YamlScalarNode scalar && Sources.ContainsKey(scalar.Value) ? scalar.Value : "jets";
        if (sourceNode is not null)
        {
            _ = reader.ChoiceValue(sourceNode, "data.source", default((DataSource, bool)), Sources);
        }

        var (source, jetDefaults) = Sources[sourceName];
        var features = reader.TextList("features");
        RejectDuplicates(features, "data.features", diagnostics);
        var classes = reader.TextList("classes");
        RejectDuplicates(classes, "data.classes", diagnostics);

        var spec = new DataSpec
        {
            Source = source,
            SourceName = sourceName,
            Features = features.Select(f => f.Value).ToList(),
            FeatureLocations = features.Select(f => f.Span).ToList(),
            Classes = classes.Select(c => c.Value).ToList(),
            ClassesLocation = reader.Has("classes") ? reader.KeySpan("classes") : reader.Span,
            Split = split,
            Location = reader.Span,
        };

        spec = source switch
        {
            DataSource.Jets => ReadGeneratorKeys(reader, spec),
            DataSource.Hgcal => ReadHgcalGeneratorKeys(reader, spec),
            DataSource.HgcalCsv => ReadHgcalFileKeys(reader, spec, specDirectory),
            _ => ReadFileKeys(reader, spec, specDirectory, jetDefaults),
        };
        spec = spec with { Split = ReadSplit(reader.Mapping("split"), split, separateTest: spec.TestFiles is not null) };
        RejectKeysOfOtherSources(reader, spec, diagnostics);
        reader.RejectUnknownKeys(SpecKeys.Data);
        return spec;
    }

    private static DataSpec ReadFileKeys(MappingReader reader, DataSpec spec, string specDirectory, bool jetDefaults)
    {
        var what = spec.Source switch
        {
            DataSource.Hdf5 => "HDF5 file",
            DataSource.Arff => "ARFF file",
            _ => "CSV file",
        };
        var files = ReadFileSet(reader, "path", specDirectory, required: true, $"the {what}(s): a path, a list of paths or a glob, relative to the spec");
        var testFiles = ReadFileSet(reader, "test_path", specDirectory, required: false, string.Empty);

        string? label = null;
        var labelLocation = reader.Span;
        if (spec.Source != DataSource.Hdf5)
        {
            if (jetDefaults && !reader.Has("label"))
            {
                label = OpenMlLabel;
            }
            else
            {
                var labelNode = reader.Required("label", $"the name of the column that holds the class in the {what}");
                label = labelNode is null ? null : reader.TextValue(labelNode, "data.label");
                labelLocation = labelNode?.Span ?? reader.Span;
            }
        }

        var features = spec.Features;
        if (!reader.Has("features"))
        {
            if (jetDefaults)
            {
                features = JetDataCatalog.FeatureNames;
            }
            else
            {
                reader.Diagnostics.Error(DiagnosticCodes.MissingKey, reader.Span, $"'data.features' is required for source '{spec.SourceName}': the columns the model reads, in order");
            }
        }
        else if (spec.Features.Count == 0)
        {
            reader.Diagnostics.Error(DiagnosticCodes.OutOfRange, reader.KeySpan("features"), "'data.features' must name at least one column");
        }

        return spec with
        {
            Files = files,
            TestFiles = testFiles,
            Features = features,
            FeatureLocations = features == spec.Features ? spec.FeatureLocations : features.Select(_ => reader.Span).ToList(),
            Label = label,
            LabelLocation = labelLocation,
            Classes = spec.Classes.Count == 0 && jetDefaults ? JetDataCatalog.ClassNames : spec.Classes,
        };
    }

    private static DataFileSet? ReadFileSet(MappingReader reader, string key, string specDirectory, bool required, string what)
    {
        var node = required ? reader.Required(key, what) : reader.Find(key);
        if (node is null)
        {
            return null;
        }

        var entries = node is YamlSequenceNode ? reader.TextList(key) : reader.TextValue(node, $"data.{key}") is { } single ? [(single, node.Span)] : [];
        if (node is YamlSequenceNode { Items.Count: 0 })
        {
            reader.Diagnostics.Error(DiagnosticCodes.OutOfRange, node.Span, $"'data.{key}' must name at least one file");
        }

        return entries.Count == 0 ? null : new DataFileSet(
            entries.Select(e => System.IO.Path.GetFullPath(System.IO.Path.Combine(specDirectory, e.Value))).ToList(),
            entries.Select(e => e.Span).ToList());
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

    /// <summary>The HGCal generator reads only its size and seed: its rows are unlabelled images of fixed shape.</summary>
    private static DataSpec ReadHgcalGeneratorKeys(MappingReader reader, DataSpec spec)
    {
        var samplesNode = reader.Find("samples");
        return spec with
        {
            Samples = samplesNode is null ? SpecDefaults.GeneratorSamples : reader.IntegerValue(samplesNode, "data.samples", SpecDefaults.GeneratorSamples, 100, 50_000_000),
            SamplesLocation = samplesNode?.Span ?? reader.Span,
            Seed = reader.Seed("seed", SpecDefaults.GeneratorSeed),
        };
    }

    /// <summary>The authors' CSV layout fixes the columns (CALQ_0 .. CALQ_47), so only the files are named.</summary>
    private static DataSpec ReadHgcalFileKeys(MappingReader reader, DataSpec spec, string specDirectory) => spec with
    {
        Files = ReadFileSet(reader, "path", specDirectory, required: true, "the HGCal CSV file(s) with columns CALQ_0 .. CALQ_47: a path, a list of paths or a glob, relative to the spec"),
        TestFiles = ReadFileSet(reader, "test_path", specDirectory, required: false, string.Empty),
    };

    private static SplitSpec ReadSplit(MappingReader? split, SplitSpec defaults, bool separateTest)
    {
        if (split is null)
        {
            return separateTest ? defaults with { Test = 0 } : defaults;
        }

        var validation = split.Number("validation", defaults.Validation, 0, 0.9);
        var test = separateTest ? 0 : split.Number("test", defaults.Test, 0, 0.9, minExclusive: true);
        if (separateTest && split.Has("test"))
        {
            _ = split.Find("test");
            split.Diagnostics.Error(DiagnosticCodes.InconsistentSpec, split.KeySpan("test"),
                "'data.split.test' cannot be combined with 'data.test_path': the test rows come from the test files");
        }

        if (validation + test >= 0.95)
        {
            split.Diagnostics.Error(DiagnosticCodes.OutOfRange, split.Span,
                $"'data.split' leaves too little for training: validation {validation} + test {test} must stay below 0.95");
        }

        var seed = split.Seed("seed", defaults.Seed);
        split.RejectUnknownKeys(SpecKeys.Split);
        return new SplitSpec(validation, test, seed);
    }

    private static void RejectKeysOfOtherSources(MappingReader reader, DataSpec spec, DiagnosticBag diagnostics)
    {
        var foreign = spec.Source switch
        {
            DataSource.Jets => SpecKeys.FileSourceOnly,
            DataSource.Hdf5 => SpecKeys.GeneratorOnly.Append("label"),
            DataSource.Hgcal => SpecKeys.FileSourceOnly.Concat(["features", "classes", "class_mix"]),
            DataSource.HgcalCsv => SpecKeys.GeneratorOnly.Concat(["features", "classes", "label"]),
            _ => SpecKeys.GeneratorOnly,
        };
        foreach (var key in foreign.Where(reader.Has))
        {
            _ = reader.Find(key);
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan(key), $"'data.{key}' does not apply to source '{spec.SourceName}'");
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
