namespace Codesign.Core.Spec;

/// <summary>
/// The names the published LHC jet data sets use (hls4ml_LHCjet, OpenML 42468), which the built-in generator
/// reproduces so that a spec written for the generator also reads the real files.
/// </summary>
public static class JetDataCatalog
{
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "j_zlogz", "j_c1_b0_mmdt", "j_c1_b1_mmdt", "j_c1_b2_mmdt", "j_c2_b1_mmdt", "j_c2_b2_mmdt",
        "j_d2_b1_mmdt", "j_d2_b2_mmdt", "j_d2_a1_b1_mmdt", "j_d2_a1_b2_mmdt", "j_m2_b1_mmdt", "j_m2_b2_mmdt",
        "j_n2_b1_mmdt", "j_n2_b2_mmdt", "j_mass_mmdt", "j_multiplicity",
    ];

    /// <summary>Gluon, light quark, W, Z, top: the OpenML class codes, in the published label order.</summary>
    public static readonly IReadOnlyList<string> ClassNames = ["g", "q", "w", "z", "t"];
}
