namespace Codesign.Data.Csv;

/// <summary>Which fields of a row the spec reads: the feature fields in model-input order, and the label field.</summary>
/// <param name="FieldCount">How many fields every row must have.</param>
internal sealed record CsvColumnSelection(int FieldCount, int[] Features, IReadOnlyList<string> FeatureNames, int Label, string LabelName);
