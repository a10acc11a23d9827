using Codesign.Data.Jets;
using Codesign.Data.Randomness;
using Xunit.Abstractions;

namespace Codesign.Data.Tests.Jets;

/// <summary>The simulation stages one by one: conservation laws, decay kinematics, colour factors, the detector.</summary>
public sealed class JetSimulationTests(ITestOutputHelper output)
{
    private static FourMomentum Sum(ParticleBuffer particles) => particles.Sum(0, particles.Count);

    [Theory]
    [InlineData(JetFeatures.WBoson, HardProcess.WMass, 2.085)]
    [InlineData(JetFeatures.ZBoson, HardProcess.ZMass, 2.495)]
    [InlineData(JetFeatures.TopQuark, HardProcess.TopMass, 1.42)]
    public void Showered_decay_products_keep_the_resonance_mass_and_momentum(int jetClass, double mass, double width)
    {
        var process = new HardProcess();
        var partons = new ParticleBuffer();
        var random = new Xoshiro256StarStar(1, 1);
        for (var jet = 0; jet < 500; jet++)
        {
            process.Generate(jetClass, random, partons);
            var total = Sum(partons);

            Assert.True(partons.Count >= (jetClass == JetFeatures.TopQuark ? 3 : 2));
            Assert.InRange(total.Mass, mass - (5 * width) - 1e-6, mass + (5 * width) + 1e-6);
            Assert.InRange(total.Pt, HardProcess.MinimumPt - 1e-6, HardProcess.MaximumPt + 1e-6);
            Assert.Equal(0, total.Rapidity, 1e-9);
            Assert.Equal(0, total.Phi, 1e-9);
        }
    }

    [Theory]
    [InlineData(JetFeatures.Gluon)]
    [InlineData(JetFeatures.LightQuark)]
    public void A_shower_conserves_energy_and_keeps_the_jet_direction(int jetClass)
    {
        var process = new HardProcess();
        var partons = new ParticleBuffer();
        var random = new Xoshiro256StarStar(2, 1);
        for (var jet = 0; jet < 500; jet++)
        {
            process.Generate(jetClass, random, partons);
            var total = Sum(partons);

            // The initiator moves along x with E = pT. A branching keeps energy and the momentum transverse to its
            // parent, giving up a little longitudinal momentum (the parent's virtuality): the sum stays close to x.
            Assert.InRange(total.E, HardProcess.MinimumPt - 1e-6, HardProcess.MaximumPt + 1e-6);
            Assert.True(total.P <= total.E * (1 + 1e-12));
            Assert.True(Math.Sqrt((total.Py * total.Py) + (total.Pz * total.Pz)) < 0.2 * total.Px);
        }
    }

    [Fact]
    public void Gluons_branch_about_c_a_over_c_f_times_as_often_as_quarks()
    {
        var shower = new PartonShower();
        var partons = new ParticleBuffer();
        var random = new Xoshiro256StarStar(3, 1);
        double Mean(bool gluon)
        {
            var total = 0;
            for (var i = 0; i < 4_000; i++)
            {
                partons.Clear();
                shower.Shower(FourMomentum.Massless(1000, 1, 0, 0), gluon, Math.PI / 2, random, partons);
                total += partons.Count - 1;
            }

            return total / 4_000.0;
        }

        var quark = Mean(gluon: false);
        var gluon = Mean(gluon: true);

        output.WriteLine($"branchings per 1 TeV parton: quark {quark:F2}, gluon {gluon:F2}");
        Assert.InRange(gluon / quark, 1.5, PartonShower.CasimirGluon / PartonShower.CasimirQuark);
    }

    [Theory]
    [InlineData(JetFeatures.WBoson, HardProcess.WMass)]
    [InlineData(JetFeatures.ZBoson, HardProcess.ZMass)]
    public void Boson_decay_products_open_by_about_two_masses_over_pt(int jetClass, double mass)
    {
        var process = new HardProcess();
        var partons = new ParticleBuffer();
        var tree = new CambridgeAachen();
        var random = new Xoshiro256StarStar(4, 1);
        var ratios = new List<double>();
        for (var jet = 0; jet < 2_000; jet++)
        {
            process.Generate(jetClass, random, partons);
            tree.Cluster(partons.Momenta);

            // The last Cambridge/Aachen merge of a colour singlet's partons joins the two quark prongs.
            var opening = Math.Sqrt(tree.MergeDistance2(tree.Root));
            ratios.Add(opening * Sum(partons).Pt / (2 * mass));
        }

        var median = ratios.Order().ElementAt(ratios.Count / 2);
        output.WriteLine($"median ΔR pT / 2m = {median:F3}");

        // ΔR ≈ m / (pT sqrt(z(1 - z))) is 2m/pT for an even split and larger otherwise.
        Assert.InRange(median, 1.0, 1.3);
    }

    [Fact]
    public void Reshuffling_puts_two_systems_back_to_back_on_the_mass()
    {
        var particles = new ParticleBuffer();
        particles.Add(FourMomentum.Massless(30, 0.6, 0.8, 0), ParticleKind.Quark);
        particles.Add(FourMomentum.Massless(10, 0.8, 0.6, 0), ParticleKind.Gluon);
        particles.Add(FourMomentum.Massless(40, -1, 0, 0), ParticleKind.Quark);
        var firstMass = particles.Sum(0, 2).Mass;

        Assert.True(HardProcess.Reshuffle(particles, 0, 2, 3, 80.4, 0, 0, 1));

        var first = particles.Sum(0, 2);
        var second = particles.Sum(2, 3);
        Assert.Equal(80.4, (first + second).Mass, 1e-9);
        Assert.Equal(firstMass, first.Mass, 1e-9);
        Assert.Equal(0, (first + second).P, 1e-9);
        Assert.Equal(0, first.Px, 1e-9);
        Assert.Equal(0, first.Py, 1e-9);
        Assert.True(first.Pz > 0);
    }

    [Fact]
    public void Reshuffling_refuses_systems_heavier_than_the_resonance()
    {
        var particles = new ParticleBuffer();
        particles.Add(FourMomentum.Massless(50, 1, 0, 0), ParticleKind.Quark);
        particles.Add(FourMomentum.Massless(50, -1, 0, 0), ParticleKind.Gluon);
        particles.Add(FourMomentum.Massless(10, 0, 0, 1), ParticleKind.Quark);

        Assert.False(HardProcess.Reshuffle(particles, 0, 2, 3, 80.4, 0, 0, 1));
    }

    [Fact]
    public void Hadronization_shares_a_partons_energy_among_more_hadrons_for_more_energy()
    {
        var random = new Xoshiro256StarStar(5, 1);
        var partons = new ParticleBuffer();
        var hadrons = new ParticleBuffer();
        var excess = 0.0;
        double MeanCount(double energy, ParticleKind kind)
        {
            var total = 0;
            for (var i = 0; i < 2_000; i++)
            {
                partons.Clear();
                hadrons.Clear();
                partons.Add(FourMomentum.Massless(energy, 0, 1, 0), kind);
                Hadronization.Hadronize(partons, random, hadrons);
                var sum = Sum(hadrons);
                Assert.Equal(energy, sum.Py, 1e-9 * energy);
                excess += (sum.E - energy) / energy;
                total += hadrons.Count;
            }

            return total / 2_000.0;
        }

        var soft = MeanCount(10, ParticleKind.Quark);
        var hard = MeanCount(500, ParticleKind.Quark);
        var gluon = MeanCount(500, ParticleKind.Gluon);

        output.WriteLine($"hadrons per quark: 10 GeV {soft:F1}, 500 GeV {hard:F1}; per 500 GeV gluon {gluon:F1}; mean energy excess {excess / 6_000:P2}");

        // Momentum along the parton is shared exactly; massless hadrons with transverse kicks carry a little more energy.
        Assert.InRange(excess / 6_000, 0, 0.05);
        Assert.True(hard > soft + 5);
        Assert.True(gluon > hard * 1.5);
    }

    [Fact]
    public void The_detector_merges_neutrals_in_a_cell_and_drops_soft_constituents()
    {
        var hadrons = new ParticleBuffer();
        hadrons.Add(FourMomentum.FromPtRapidityPhi(20, 0.101, 0.101), ParticleKind.Photon);
        hadrons.Add(FourMomentum.FromPtRapidityPhi(30, 0.109, 0.109), ParticleKind.Photon);
        hadrons.Add(FourMomentum.FromPtRapidityPhi(40, 0.3, 0.3), ParticleKind.ChargedHadron);
        hadrons.Add(FourMomentum.FromPtRapidityPhi(0.5, -0.2, 0.1), ParticleKind.ChargedHadron);
        hadrons.Add(FourMomentum.FromPtRapidityPhi(0.05, 0.5, -0.3), ParticleKind.NeutralHadron);
        var constituents = new ParticleBuffer();

        new Detector().Measure(hadrons, new Xoshiro256StarStar(6, 1), constituents);

        Assert.Equal(2, constituents.Count);
        Assert.Equal([ParticleKind.ChargedHadron, ParticleKind.Photon], constituents.Kinds.ToArray());
        Assert.Equal(50, constituents[1].Pt, 50 * 0.05);
        Assert.Equal(0.11, constituents[1].Rapidity, 1e-9);
        Assert.Equal(0.3, constituents[0].Rapidity, 1e-9);
    }

    [Fact]
    public void Simulated_jets_only_hold_constituents_inside_the_cone_and_above_threshold()
    {
        var simulator = new JetSimulator();
        var random = new Xoshiro256StarStar(7, 1);
        var features = new float[JetFeatures.FeatureCount];
        for (var jet = 0; jet < 200; jet++)
        {
            simulator.Sample(jet % JetFeatures.ClassCount, random, features);
            var constituents = simulator.LastJet;
            var axis = Sum(constituents);

            Assert.Equal(constituents.Count, features[JetFeatures.Multiplicity]);
            for (var i = 0; i < constituents.Count; i++)
            {
                Assert.True(constituents[i].Pt > Detector.MinimumPt);
                var distance2 = FourMomentum.DeltaR2(constituents[i].Rapidity, constituents[i].Phi, axis.Rapidity, axis.Phi);
                Assert.True(distance2 < 1.0, $"constituent at ΔR {Math.Sqrt(distance2):F2} from the jet axis");
            }
        }
    }
}
