using Codesign.Data.Randomness;

namespace Codesign.Data.Jets;

/// <summary>
/// One jet from start to features: hard process and parton shower (<see cref="HardProcess"/>), hadronization and
/// underlying event (<see cref="Hadronization"/>), detector response (<see cref="Detector"/>), jet finding
/// (<see cref="JetCone"/>) and the observables (<see cref="JetSubstructure"/>). One instance per thread: it owns the
/// scratch buffers every jet reuses.
/// </summary>
internal sealed class JetSimulator
{
    // The underlying event is laid over a square just larger than the jet cone.
    private const double UnderlyingEventHalfWidth = 1.0;

    private readonly HardProcess _hardProcess = new();
    private readonly Detector _detector = new();
    private readonly JetCone _cone = new();
    private readonly JetSubstructure _substructure = new();
    private readonly ParticleBuffer _partons = new();
    private readonly ParticleBuffer _hadrons = new(512);
    private readonly ParticleBuffer _constituents = new(512);
    private readonly ParticleBuffer _jet = new();

    /// <summary>The constituents of the last jet, for tests.</summary>
    internal ParticleBuffer LastJet => _jet;

    public void Sample(int jetClass, Xoshiro256StarStar random, Span<float> features)
    {
        // A 1 TeV jet always leaves constituents above threshold; the loop only makes that a guarantee.
        do
        {
            _hardProcess.Generate(jetClass, random, _partons);
            _hadrons.Clear();
            Hadronization.Hadronize(_partons, random, _hadrons);
            Hadronization.AddUnderlyingEvent(random, UnderlyingEventHalfWidth, _hadrons);
            _detector.Measure(_hadrons, random, _constituents);
            _cone.Select(_constituents, _jet);
        }
        while (_jet.Count == 0);

        _substructure.Compute(_jet.Momenta, features);
    }
}
