using Codesign.Core.Graph;

namespace Codesign.Core.Spec;

/// <summary>
/// What the HGCal sources give the model: each module's 48 trigger-cell charges placed into an 8x8 image with one
/// channel (docs/data.md, "HGCal module data"), no labels. Kept here so the spec can check shapes without the data library.
/// </summary>
public static class HgcalDataCatalog
{
    public static TensorShape ImageShape { get; } = new(8, 8, 1);
}
