namespace Codesign.Data.Jets;

/// <summary>What a simulated particle is; partons and hadrons share one buffer type.</summary>
internal enum ParticleKind : byte
{
    Quark,
    Gluon,
    ChargedHadron,
    Photon,
    NeutralHadron,
}

/// <summary>
/// A growable list of momenta with their kinds, reused for every jet of a chunk so that the simulation allocates
/// only while its buffers grow to the largest jet seen.
/// </summary>
internal sealed class ParticleBuffer
{
    private FourMomentum[] _momenta;
    private ParticleKind[] _kinds;

    public ParticleBuffer(int capacity = 256)
    {
        _momenta = new FourMomentum[capacity];
        _kinds = new ParticleKind[capacity];
    }

    public int Count { get; private set; }

    public Span<FourMomentum> Momenta => _momenta.AsSpan(0, Count);

    public ReadOnlySpan<ParticleKind> Kinds => _kinds.AsSpan(0, Count);

    public ref FourMomentum this[int index] => ref _momenta[index];

    public ParticleKind Kind(int index) => _kinds[index];

    public void Clear() => Count = 0;

    /// <summary>Forgets everything from <paramref name="count"/> on, e.g. a shower that is being redone.</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        Count = count;
    }

    public void Add(FourMomentum momentum, ParticleKind kind)
    {
        if (Count == _momenta.Length)
        {
            Array.Resize(ref _momenta, _momenta.Length * 2);
            Array.Resize(ref _kinds, _kinds.Length * 2);
        }

        _momenta[Count] = momentum;
        _kinds[Count] = kind;
        Count++;
    }

    public FourMomentum Sum(int start, int end)
    {
        var sum = FourMomentum.Zero;
        for (var i = start; i < end; i++)
        {
            sum += _momenta[i];
        }

        return sum;
    }

    /// <summary>Boosts particles [start, end) out of the rest frame of <paramref name="system"/>.</summary>
    public void BoostOutOf(int start, int end, FourMomentum system)
    {
        for (var i = start; i < end; i++)
        {
            _momenta[i] = _momenta[i].BoostOutOf(system);
        }
    }
}
