using Codesign.Core.Spec;

namespace Codesign.Data.Jets;

/// <summary>
/// Names and order of the jet generator's classes and features. They follow the public hls4ml jet-tagging
/// dataset, so models, reports and papers can be compared by name; the order is part of the dataset format.
/// </summary>
public static class JetFeatures
{
    public const int Gluon = 0;
    public const int LightQuark = 1;
    public const int WBoson = 2;
    public const int ZBoson = 3;
    public const int TopQuark = 4;

    public const int ZLogZ = 0;
    public const int C1Beta0 = 1;
    public const int C1Beta1 = 2;
    public const int C1Beta2 = 3;
    public const int C2Beta1 = 4;
    public const int C2Beta2 = 5;
    public const int D2Beta1 = 6;
    public const int D2Beta2 = 7;
    public const int D2Alpha1Beta1 = 8;
    public const int D2Alpha1Beta2 = 9;
    public const int M2Beta1 = 10;
    public const int M2Beta2 = 11;
    public const int N2Beta1 = 12;
    public const int N2Beta2 = 13;
    public const int MassMmdt = 14;
    public const int Multiplicity = 15;

    /// <summary>Class names in label order: gluon, light quark, W, Z, top.</summary>
    public static IReadOnlyList<string> ClassNames => JetDataCatalog.ClassNames;

    /// <summary>Feature names in column order; indices match the constants above.</summary>
    public static IReadOnlyList<string> FeatureNames => JetDataCatalog.FeatureNames;

    public static int FeatureCount => FeatureNames.Count;

    public static int ClassCount => ClassNames.Count;
}
