namespace Codesign.Synthesis.Estimation;

/// <summary>
/// The constants of the estimate's per-operator cost model (docs/synthesis.md explains each). They describe an
/// UltraScale+ fabric: 6-input LUTs, an 8-bit carry chain per CLB, DSP48E2 slices with a 27 × 18 multiplier. They
/// are round engineering figures, not fitted to any synthesis result, which is why every report made from them says
/// "estimate".
/// </summary>
public sealed record EstimatorCosts
{
    /// <summary>One LUT per result bit of an adder or subtractor: the carry chain adds one bit per LUT.</summary>
    public double LutsPerAdderBit { get; init; } = 1.0;

    /// <summary>Rounding half to even adds an incrementer over the kept bits; saturation a compare and a mux per bit.</summary>
    public double LutsPerRoundedBit { get; init; } = 1.0;

    public double LutsPerSaturatedBit { get; init; } = 1.0;

    /// <summary>ReLU is the sign bit gating every other bit: one LUT per bit.</summary>
    public double LutsPerReluBit { get; init; } = 1.0;

    /// <summary>
    /// A constant multiplication becomes shifts and additions: one adder per extra nonzero digit of the constant in
    /// canonical signed-digit form. Products of two operands wider than this many bits go to a DSP instead.
    /// </summary>
    public int DspThresholdBits { get; init; } = 10;

    /// <summary>Delay of one LUT level with its local routing.</summary>
    public double LutLevelNs { get; init; } = 0.35;

    /// <summary>Carry-chain delay per bit of an adder.</summary>
    public double CarryNsPerBit { get; init; } = 0.015;

    /// <summary>Delay through a DSP48E2 multiply (registered internally it takes one cycle).</summary>
    public double DspNs { get; init; } = 1.8;

    /// <summary>The share of the clock period left after Vitis's default 27 % … 12.5 % uncertainty; 12.5 % here.</summary>
    public double UsableClockFraction { get; init; } = 0.875;

    public static EstimatorCosts UltraScalePlus { get; } = new();
}
