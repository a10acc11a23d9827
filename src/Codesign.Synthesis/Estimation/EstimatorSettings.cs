using Codesign.Core.Spec;

namespace Codesign.Synthesis.Estimation;

/// <summary>What the estimate needs from the HLS settings: the clock, the part, the strategy and reuse per layer.</summary>
public sealed record EstimatorSettings(string TopName, string Part, double ClockPeriodNs, HlsStrategy Strategy, Func<string, int> ReuseFactorOf)
{
    public static EstimatorSettings From(HlsSpec hls)
    {
        ArgumentNullException.ThrowIfNull(hls);
        return new EstimatorSettings(hls.Project, hls.Part, hls.ClockPeriodNs, hls.Strategy, hls.ReuseFactorOf);
    }
}
