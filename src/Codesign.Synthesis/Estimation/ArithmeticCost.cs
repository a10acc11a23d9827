using Codesign.Core.Numerics;
using Codesign.Core.Spec;

namespace Codesign.Synthesis.Estimation;

/// <summary>
/// Multipliers and adder trees of one dense or convolution layer. Latency strategy: every nonzero weight is a
/// constant multiplier (shift-and-add) feeding a balanced adder tree per output, all unrolled. Resource strategy:
/// ceil(products / reuse) general multipliers shared over reuse cycles, weights read from LUT memory.
/// </summary>
internal sealed record ArithmeticCost(long Lut, long Dsp, long Multipliers, long Adders, double CombinationalNs, int AccumulatorBits)
{
    private const int LutRamBitsPerLut = 64;

    public static ArithmeticCost Of(FixedPointFormat input, FixedPointFormat accumulator, FixedPointFormat weight, IEnumerable<OutputTaps> outputs, HlsStrategy strategy, int reuse, EstimatorCosts costs)
    {
        var inputBits = input.TotalBits;
        var accumulatorBits = accumulator.TotalBits;
        long multiplierLuts = 0, dsp = 0, multipliers = 0, adders = 0, products = 0;
        var deepestTree = 0;
        var deepestMultiplier = 0;
        var usesDsp = false;
        foreach (var output in outputs)
        {
            var terms = output.HasBias ? 1 : 0;
            foreach (var w in output.Weights)
            {
                products++;
                if (w == 0)
                {
                    continue;
                }

                terms++;
                if (strategy == HlsStrategy.Latency)
                {
                    if (inputBits > costs.DspThresholdBits && ConstantMultiplier.ProductBits(0, w) > costs.DspThresholdBits)
                    {
                        dsp++;
                        usesDsp = true;
                        continue;
                    }

                    var shiftAdds = ConstantMultiplier.Adders(w);
                    multiplierLuts += (long)Math.Ceiling(shiftAdds * ConstantMultiplier.ProductBits(inputBits, w) * costs.LutsPerAdderBit);
                    multipliers += shiftAdds > 0 ? 1 : 0;
                    deepestMultiplier = Math.Max(deepestMultiplier, Levels(shiftAdds + 1));
                }
            }

            var treeAdders = Math.Max(0, terms - 1);
            adders += treeAdders;
            deepestTree = Math.Max(deepestTree, Levels(terms));
        }

        long adderLuts;
        if (strategy == HlsStrategy.Resource)
        {
            // General multipliers, each serving `reuse` products one after another; weights come from LUT memory.
            var shared = (products + reuse - 1) / reuse;
            var wide = inputBits > costs.DspThresholdBits && weight.TotalBits > costs.DspThresholdBits;
            multipliers = shared;
            dsp = wide ? shared : 0;
            usesDsp = wide;
            multiplierLuts = wide ? 0 : (long)Math.Ceiling(shared * inputBits * weight.TotalBits * costs.LutsPerAdderBit);
            multiplierLuts += (products * weight.TotalBits + LutRamBitsPerLut - 1) / LutRamBitsPerLut;
            adders = (adders + reuse - 1) / reuse;
            deepestMultiplier = Levels(weight.TotalBits);
        }

        adderLuts = (long)Math.Ceiling(adders * accumulatorBits * costs.LutsPerAdderBit);
        var level = costs.LutLevelNs + (accumulatorBits * costs.CarryNsPerBit);
        var multiplierNs = usesDsp ? costs.DspNs : deepestMultiplier * (costs.LutLevelNs + ((inputBits + weight.TotalBits) * costs.CarryNsPerBit));
        return new ArithmeticCost(multiplierLuts + adderLuts, dsp, multipliers, adders, multiplierNs + (deepestTree * level), accumulatorBits);
    }

    /// <summary>Depth of a balanced binary tree over <paramref name="terms"/> operands.</summary>
    internal static int Levels(int terms) => terms <= 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(terms - 1));
}
