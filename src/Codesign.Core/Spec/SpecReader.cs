using Codesign.Core.Diagnostics;
using Codesign.Core.Spec.Yaml;

namespace Codesign.Core.Spec;

/// <summary>
/// Reads and validates a spec file. All problems found are reported together as positioned diagnostics
/// (<see cref="CodesignException"/>); a spec that comes back is complete, consistent and has defaults applied.
/// </summary>
public static class SpecReader
{
    public static CodesignSpec ReadFile(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CodesignException(DiagnosticCodes.SpecNotFound, SourceSpan.WholeFile(fullPath),
                exception is FileNotFoundException or DirectoryNotFoundException ? "spec file not found" : $"cannot read the spec: {exception.Message}");
        }

        return Parse(fullPath, text);
    }

    public static CodesignSpec Parse(string fullPath, string text)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var root = YamlTreeReader.Read(fullPath, text);
        var diagnostics = new DiagnosticBag();
        if (root is not YamlMappingNode rootMapping)
        {
            var span = root?.Span ?? new SourceSpan(fullPath, 1, 1);
            throw new CodesignException(DiagnosticCodes.WrongType, span,
                "a spec must be a mapping with the sections 'model', 'data' and 'training'");
        }

        var reader = new MappingReader(rootMapping, string.Empty, diagnostics);
        var name = reader.Text("name") ?? System.IO.Path.GetFileNameWithoutExtension(fullPath);
        _ = reader.Text("description");
        if (reader.Find("metadata") is { } metadata and not YamlMappingNode)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, metadata.Span, $"'metadata' must be a mapping, got {MappingReader.Describe(metadata)}");
        }

        var dataReader = RequiredSection(reader, "data", "where the samples come from (source: jets or source: csv)");
        var modelReader = RequiredSection(reader, "model", "the layers of the network");
        var trainingReader = reader.Mapping("training");
        var precisionReader = reader.Mapping("precision");
        var qatReader = reader.Mapping("qat");
        var hessianReader = reader.Mapping("hessian");
        var allocationReader = reader.Mapping("allocation");
        var hlsReader = reader.Mapping("hls");
        reader.RejectUnknownKeys(SpecKeys.Root);

        var data = DataSectionReader.Read(dataReader, diagnostics, System.IO.Path.GetDirectoryName(fullPath)!, reader.Span);
        var model = ModelSectionReader.Read(modelReader, diagnostics, data, reader.Span);
        var training = TrainingSectionReader.Read(trainingReader, diagnostics, reader.Span, model.Task);
        var precision = QuantizationSectionReader.ReadPrecision(precisionReader);
        var qat = QuantizationSectionReader.ReadQat(qatReader, diagnostics, reader.Span, model.Task);
        var hessian = MixedPrecisionSectionReader.ReadHessian(hessianReader, reader.Span);
        var allocation = MixedPrecisionSectionReader.ReadAllocation(allocationReader, reader.Span);
        var hls = HlsSectionReader.Read(hlsReader, name, model, reader.Span);
        foreach (var (section, present) in new[] { ("hessian", hessianReader is not null), ("allocation", allocationReader is not null) })
        {
            if (present && precision?.Mode != PrecisionMode.Mixed)
            {
                diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan(section), $"'{section}' is used only with 'precision: {{ mode: mixed }}'");
            }
        }

        if (hlsReader is not null && precision is null)
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("hls"), "'hls' needs a 'precision' section: firmware is written from the quantized model");
        }

        if (qatReader is not null && precision is null)
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("qat"), "'qat' needs a 'precision' section that says which widths to train for");
        }

        diagnostics.ThrowIfAny();

        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = SectionFingerprint.Of(model),
            ["data"] = SectionFingerprint.Of(data, System.IO.Path.GetDirectoryName(fullPath)!),
            ["training"] = SectionFingerprint.Of(training),
            ["precision"] = SectionFingerprint.Of(precision),
            ["qat"] = SectionFingerprint.Of(qat),
            ["hessian"] = SectionFingerprint.Of(hessian),
            ["allocation"] = SectionFingerprint.Of(allocation),
            ["hls"] = SectionFingerprint.Of(hls),
        };
        return new CodesignSpec(fullPath, name, model, data, training, precision, qat, hessian, allocation, hls, hashes);
    }

    private static MappingReader? RequiredSection(MappingReader root, string key, string what)
    {
        if (!root.Has(key))
        {
            root.Diagnostics.Error(DiagnosticCodes.MissingKey, new SourceSpan(root.Span.File, 1, 1), $"the section '{key}' is required: {what}");
            return null;
        }

        var section = root.Mapping(key);
        if (section is null && root.Find(key) is null)
        {
            root.Diagnostics.Error(DiagnosticCodes.MissingKey, root.KeySpan(key), $"the section '{key}' is empty: {what}");
        }

        return section;
    }
}
