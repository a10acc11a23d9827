namespace Codesign.Hls.Numerics;

/// <summary>
/// Quantization modes of <c>ap_fixed</c>, with the integer values of <c>ap_q_mode</c> (they appear in HLS module names).
/// Each rounds the exact value to the target's LSB; the comment says where ties (exactly half an LSB) go.
/// </summary>
public enum ApQuantizationMode
{
    /// <summary>AP_RND: nearest, ties toward +inf.</summary>
    Rnd = 0,

    /// <summary>AP_RND_ZERO: nearest, ties toward zero.</summary>
    RndZero = 1,

    /// <summary>AP_RND_MIN_INF: nearest, ties toward -inf.</summary>
    RndMinInf = 2,

    /// <summary>AP_RND_INF: nearest, ties away from zero.</summary>
    RndInf = 3,

    /// <summary>AP_RND_CONV: nearest, ties to even.</summary>
    RndConv = 4,

    /// <summary>AP_TRN: toward -inf (drop the low bits). The default.</summary>
    Trn = 5,

    /// <summary>AP_TRN_ZERO: toward zero.</summary>
    TrnZero = 6,
}

/// <summary>Overflow modes of <c>ap_fixed</c>, with the integer values of <c>ap_o_mode</c>.</summary>
public enum ApOverflowMode
{
    /// <summary>AP_SAT: clamp to the minimum or maximum.</summary>
    Sat = 0,

    /// <summary>AP_SAT_ZERO: any overflow gives zero.</summary>
    SatZero = 1,

    /// <summary>AP_SAT_SYM: clamp to ±max; a signed type never holds its most negative code (it becomes -max).</summary>
    SatSym = 2,

    /// <summary>AP_WRAP: keep the low W bits (two's complement). The default.</summary>
    Wrap = 3,

    /// <summary>AP_WRAP_SM: sign-magnitude wrap. Named for completeness; neither the model nor our headers implement it.</summary>
    WrapSm = 4,
}
