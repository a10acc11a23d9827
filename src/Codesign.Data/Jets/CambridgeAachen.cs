namespace Codesign.Data.Jets;

/// <summary>
/// Cambridge/Aachen clustering of one jet's constituents into a single binary tree: repeatedly merge the two
/// closest objects in ΔR² = Δy² + Δφ² (E-scheme: four-momenta add), until one is left. All constituents are
/// merged (the radius is infinite: the jet has already been found), as for grooming reclustering.
/// <para>
/// Nodes 0..n-1 are the constituents in input order; node n + k is the k-th merge, so a larger node index is a
/// later merge at (typically) a larger angle. Nearest neighbours are cached and only refreshed for objects whose
/// neighbour was merged, so clustering costs about O(n²) instead of the naive O(n³). Reused across jets.
/// </para>
/// </summary>
internal sealed class CambridgeAachen
{
    private const double TwoPi = 2 * Math.PI;

    private FourMomentum[] _momentum = new FourMomentum[256];
    private double[] _rapidity = new double[256];
    private double[] _phi = new double[256];
    private double[] _pt = new double[256];
    private int[] _left = new int[256];
    private int[] _right = new int[256];
    private double[] _mergeDistance2 = new double[256];
    private int[] _stack = new int[256];

    // The objects still unmerged, by slot: their node, coordinates (copied, so the neighbour searches run over
    // contiguous arrays), nearest neighbour (a slot) and the distance to it.
    private int[] _active = new int[128];
    private double[] _activeRapidity = new double[128];
    private double[] _activePhi = new double[128];
    private int[] _neighbour = new int[128];
    private double[] _neighbourDistance2 = new double[128];

    public int LeafCount { get; private set; }

    public int NodeCount { get; private set; }

    /// <summary>The node holding the whole jet; -1 when there were no constituents.</summary>
    public int Root => NodeCount - 1;

    public bool IsLeaf(int node) => node < LeafCount;

    public int Left(int node) => _left[node];

    public int Right(int node) => _right[node];

    public FourMomentum Momentum(int node) => _momentum[node];

    public double Rapidity(int node) => _rapidity[node];

    public double Phi(int node) => _phi[node];

    public double Pt(int node) => _pt[node];

    /// <summary>ΔR² between the two objects merged into <paramref name="node"/>.</summary>
    public double MergeDistance2(int node) => _mergeDistance2[node];

    public void Cluster(ReadOnlySpan<FourMomentum> constituents)
    {
        var count = constituents.Length;
        EnsureCapacity(count);
        LeafCount = count;
        NodeCount = 0;
        for (var i = 0; i < count; i++)
        {
            AddNode(constituents[i], -1, -1, 0);
            SetSlot(i, i);
        }

        var activeCount = count;
        InitialNeighbours(activeCount);

        while (activeCount > 1)
        {
            // The closest pair: the object with the smallest neighbour distance (first one on ties).
            var best = 0;
            var bestDistance2 = _neighbourDistance2[0];
            for (var a = 1; a < activeCount; a++)
            {
                if (_neighbourDistance2[a] < bestDistance2)
                {
                    best = a;
                    bestDistance2 = _neighbourDistance2[a];
                }
            }

            var other = _neighbour[best];
            var (first, second) = best < other ? (best, other) : (other, best);
            var nodeA = _active[first];
            var nodeB = _active[second];
            var merged = AddNode(_momentum[nodeA] + _momentum[nodeB], nodeA, nodeB, bestDistance2);

            // The merged object takes the first slot; the last slot moves into the second.
            SetSlot(first, merged);
            activeCount--;
            if (second != activeCount)
            {
                _active[second] = _active[activeCount];
                _activeRapidity[second] = _activeRapidity[activeCount];
                _activePhi[second] = _activePhi[activeCount];
                _neighbour[second] = _neighbour[activeCount];
                _neighbourDistance2[second] = _neighbourDistance2[activeCount];
            }

            var mergedRapidity = _activeRapidity[first];
            var mergedPhi = _activePhi[first];
            for (var a = 0; a < activeCount; a++)
            {
                if (a == first)
                {
                    continue;
                }

                var neighbour = _neighbour[a];
                if (neighbour == first || neighbour == second)
                {
                    // Its neighbour was merged away: search again.
                    FindNeighbour(a, activeCount);
                    continue;
                }

                if (neighbour == activeCount)
                {
                    // Its neighbour moved from the last slot into the second one.
                    _neighbour[a] = second;
                }

                var distance2 = FourMomentum.DeltaR2(_activeRapidity[a], _activePhi[a], mergedRapidity, mergedPhi);
                if (distance2 < _neighbourDistance2[a])
                {
                    _neighbour[a] = first;
                    _neighbourDistance2[a] = distance2;
                }
            }

            if (activeCount > 1)
            {
                FindNeighbour(first, activeCount);
            }
        }
    }

    /// <summary>Writes the constituents (leaf nodes) under <paramref name="node"/> into <paramref name="leaves"/>, left branch first; returns how many.</summary>
    public int CollectLeaves(int node, Span<int> leaves)
    {
        var count = 0;
        var depth = 0;
        _stack[depth++] = node;
        while (depth > 0)
        {
            var current = _stack[--depth];
            if (IsLeaf(current))
            {
                leaves[count++] = current;
                continue;
            }

            _stack[depth++] = _right[current];
            _stack[depth++] = _left[current];
        }

        return count;
    }

    private int AddNode(FourMomentum momentum, int left, int right, double distance2)
    {
        var node = NodeCount++;
        _momentum[node] = momentum;
        _rapidity[node] = momentum.Rapidity;
        _phi[node] = momentum.Phi;
        _pt[node] = momentum.Pt;
        _left[node] = left;
        _right[node] = right;
        _mergeDistance2[node] = distance2;
        return node;
    }

    private void SetSlot(int slot, int node)
    {
        _active[slot] = node;
        _activeRapidity[slot] = _rapidity[node];
        _activePhi[slot] = _phi[node];
    }

    /// <summary>Every object's nearest neighbour, visiting each pair once.</summary>
    private void InitialNeighbours(int activeCount)
    {
        var rapidities = _activeRapidity;
        var phis = _activePhi;
        var neighbours = _neighbour;
        var distances = _neighbourDistance2;
        for (var a = 0; a < activeCount; a++)
        {
            neighbours[a] = -1;
            distances[a] = double.PositiveInfinity;
        }

        for (var a = 0; a < activeCount; a++)
        {
            var rapidity = rapidities[a];
            var phi = phis[a];
            var best = neighbours[a];
            var bestDistance2 = distances[a];
            for (var b = a + 1; b < activeCount; b++)
            {
                // ΔR² written out: this loop and FindNeighbour's are the clustering's hot spots, also in Debug builds.
                var dy = rapidity - rapidities[b];
                var dphi = Math.Abs(phi - phis[b]);
                if (dphi > Math.PI)
                {
                    dphi = TwoPi - dphi;
                }

                var distance2 = (dy * dy) + (dphi * dphi);
                if (distance2 < bestDistance2)
                {
                    bestDistance2 = distance2;
                    best = b;
                }

                if (distance2 < distances[b])
                {
                    distances[b] = distance2;
                    neighbours[b] = a;
                }
            }

            neighbours[a] = best;
            distances[a] = bestDistance2;
        }
    }

    private void FindNeighbour(int slot, int activeCount)
    {
        var rapidities = _activeRapidity;
        var phis = _activePhi;
        var rapidity = rapidities[slot];
        var phi = phis[slot];
        var best = -1;
        var bestDistance2 = double.PositiveInfinity;
        for (var b = 0; b < activeCount; b++)
        {
            var dy = rapidity - rapidities[b];
            var dphi = Math.Abs(phi - phis[b]);
            if (dphi > Math.PI)
            {
                dphi = TwoPi - dphi;
            }

            var distance2 = (dy * dy) + (dphi * dphi);
            if (distance2 < bestDistance2 && b != slot)
            {
                bestDistance2 = distance2;
                best = b;
            }
        }

        _neighbour[slot] = best;
        _neighbourDistance2[slot] = bestDistance2;
    }

    private void EnsureCapacity(int count)
    {
        var nodes = Math.Max(1, (2 * count) - 1);
        if (nodes > _momentum.Length)
        {
            var size = Math.Max(nodes, 2 * _momentum.Length);
            _momentum = new FourMomentum[size];
            _rapidity = new double[size];
            _phi = new double[size];
            _pt = new double[size];
            _left = new int[size];
            _right = new int[size];
            _mergeDistance2 = new double[size];
            _stack = new int[size];
        }

        if (count > _active.Length)
        {
            var size = Math.Max(count, 2 * _active.Length);
            _active = new int[size];
            _activeRapidity = new double[size];
            _activePhi = new double[size];
            _neighbour = new int[size];
            _neighbourDistance2 = new double[size];
        }
    }
}
