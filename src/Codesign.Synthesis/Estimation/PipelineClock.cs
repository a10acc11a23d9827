namespace Codesign.Synthesis.Estimation;

/// <summary>
/// Cuts the combinational path into clock cycles. Each dense or convolution layer opens a segment; the ReLU and
/// casts after it add their delay to that segment, as HLS schedules them into the same pipeline. A segment takes
/// ceil(delay / usable period) cycles, at least one, and registers the layer's outputs at every cycle boundary.
/// </summary>
internal sealed class PipelineClock(double usableNs)
{
    private int? openRow;
    private double openDelay;
    private int openReuse = 1;
    private long openRegisterBits;
    private readonly Dictionary<int, (int Cycles, long Ff)> closed = [];
    private int rowCount;

    public LayerEstimate StartLayer(string name, string operation, ArithmeticCost cost, int reuse, long outputBits)
    {
        Close();
        openRow = rowCount++;
        openDelay = cost.CombinationalNs;
        openReuse = reuse;
        openRegisterBits = outputBits;
        return new LayerEstimate(name, operation, cost.Lut, 0, cost.Dsp, cost.Multipliers, cost.Adders, 0, reuse);
    }

    /// <summary>A row with no logic and no delay (the input port, a reshape); counted so later rows keep their index.</summary>
    public LayerEstimate Free(string name, string operation)
    {
        rowCount++;
        return new LayerEstimate(name, operation, 0, 0, 0, 0, 0, 0, 1);
    }

    public LayerEstimate Combinational(string name, string operation, long luts, double delayNs)
    {
        rowCount++;
        openDelay += delayNs;
        return new LayerEstimate(name, operation, luts, 0, 0, 0, 0, 0, 1);
    }

    /// <summary>The rows with every open segment's cycles and registers filled in.</summary>
    public IReadOnlyList<LayerEstimate> Finish(IReadOnlyList<LayerEstimate> rows)
    {
        Close();
        return rows.Select((row, index) => closed.TryGetValue(index, out var timing) ? row with { LatencyCycles = timing.Cycles, Ff = timing.Ff } : row).ToList();
    }

    private void Close()
    {
        if (openRow is not { } row)
        {
            return;
        }

        var cycles = Math.Max(1, (int)Math.Ceiling(openDelay / usableNs)) + (openReuse - 1);
        closed[row] = (cycles, cycles * openRegisterBits);
        openRow = null;
    }
}
