using Codesign.Data.Randomness;

namespace Codesign.Data.Jets;

/// <summary>
/// A simple particle-flow detector, with CMS-like resolutions. Charged hadrons below <see cref="MaximumTrackPt"/> are
/// tracks: exact direction, momentum resolution 1.5% ⊕ 0.025% × pT. Photons land in electromagnetic calorimeter cells
/// of <see cref="EcalCell"/> (2.7%/√E ⊕ 0.15 GeV/E ⊕ 0.5%), neutral hadrons and the charged hadrons too hard to track in
/// hadronic ones of <see cref="HcalCell"/> (100%/√E ⊕ 5%). Particles of one kind in the same cell merge into one
/// constituent at the cell centre, the resolution applied to the cell's energy; the cells are the precision
/// particle-flow clusters reach rather than raw towers. Constituents below <see cref="MinimumPt"/> are not
/// reconstructed.
/// </summary>
internal sealed class Detector
{
    /// <summary>GeV: constituents below this transverse momentum are dropped.</summary>
    public const double MinimumPt = 1.0;

    /// <summary>
    /// GeV. Above this transverse momentum a charged hadron's track is not reconstructed in the dense jet core and the
    /// hadron is measured by the hadronic calorimeter instead (where CMS's HCAL resolution overtakes tracking).
    /// </summary>
    public const double MaximumTrackPt = 300;

    /// <summary>Cell sizes in rapidity and azimuth.</summary>
    public const double EcalCell = 0.02;
    public const double HcalCell = 0.05;

    private readonly List<Cell> _ecal = new(64);
    private readonly List<Cell> _hcal = new(32);

    /// <summary>Replaces <paramref name="constituents"/> with what the detector reconstructs from <paramref name="hadrons"/>.</summary>
    public void Measure(ParticleBuffer hadrons, Xoshiro256StarStar random, ParticleBuffer constituents)
    {
        constituents.Clear();
        _ecal.Clear();
        _hcal.Clear();
        for (var i = 0; i < hadrons.Count; i++)
        {
            var hadron = hadrons[i];
            switch (hadrons.Kind(i))
            {
                case ParticleKind.ChargedHadron when hadron.Pt < MaximumTrackPt:
                    var pt = hadron.Pt;
                    var resolution = Math.Sqrt(Square(2.5e-4 * pt) + Square(0.015));
                    var track = hadron.Scale(Math.Max(0, 1 + (resolution * random.NextNormal())));
                    if (track.Pt > MinimumPt)
                    {
                        constituents.Add(track, ParticleKind.ChargedHadron);
                    }

                    break;
                case ParticleKind.Photon:
                    Deposit(_ecal, hadron, EcalCell);
                    break;
                default:
                    Deposit(_hcal, hadron, HcalCell);
                    break;
            }
        }

        // Read out the cells in a fixed order (the order they were first hit), so results do not depend on hashing.
        foreach (var cell in _ecal)
        {
            // ECAL: 2.7%/sqrt(E) stochastic, 0.15 GeV noise, 0.5% constant.
            var resolution = Math.Sqrt(Square(0.027 / Math.Sqrt(cell.Energy)) + Square(0.15 / cell.Energy) + Square(0.005));
            ReadOut(cell, EcalCell, resolution, ParticleKind.Photon, random, constituents);
        }

        foreach (var cell in _hcal)
        {
            // HCAL: 100%/sqrt(E) stochastic, 5% constant.
            var resolution = Math.Sqrt(Square(1.0 / Math.Sqrt(cell.Energy)) + Square(0.05));
            ReadOut(cell, HcalCell, resolution, ParticleKind.NeutralHadron, random, constituents);
        }
    }

    private static void Deposit(List<Cell> cells, FourMomentum particle, double size)
    {
        var rapidityIndex = (int)Math.Floor(particle.Rapidity / size);
        var phiIndex = (int)Math.Floor(particle.Phi / size);
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c].RapidityIndex == rapidityIndex && cells[c].PhiIndex == phiIndex)
            {
                cells[c] = cells[c] with { Energy = cells[c].Energy + particle.E };
                return;
            }
        }

        cells.Add(new Cell(rapidityIndex, phiIndex, particle.E));
    }

    private static void ReadOut(Cell cell, double size, double resolution, ParticleKind kind, Xoshiro256StarStar random, ParticleBuffer constituents)
    {
        var energy = cell.Energy * Math.Max(0, 1 + (resolution * random.NextNormal()));
        var rapidity = (cell.RapidityIndex + 0.5) * size;
        var phi = (cell.PhiIndex + 0.5) * size;
        var pt = energy / Math.Cosh(rapidity);
        if (pt > MinimumPt)
        {
            constituents.Add(FourMomentum.FromPtRapidityPhi(pt, rapidity, phi), kind);
        }
    }

    private static double Square(double value) => value * value;

    private readonly record struct Cell(int RapidityIndex, int PhiIndex, double Energy);
}
