namespace Codesign.Data.Jets;

/// <summary>
/// The modified mass-drop tagger used as a groomer (Dasgupta, Fregoso, Marzani, Salam 2013, arXiv:1307.0007;
/// equivalently soft drop with β = 0, Larkoski, Marzani, Soyez, Thaler 2014): undo the Cambridge/Aachen clustering
/// from the top, and at each step j -> j1 + j2 stop if min(pT1, pT2) / (pT1 + pT2) > z_cut; otherwise drop the softer
/// branch and continue with the harder one. What remains is the groomed jet: its soft, wide-angle radiation is gone,
/// its hard prongs are kept. Reaching a single constituent ends the declustering too (the jet is then one particle).
/// No mass-drop condition is applied (μ = 1), as in the soft-drop formulation the hls4ml features were computed with.
/// </summary>
internal static class ModifiedMassDrop
{
    /// <summary>The energy-sharing cut of the hls4ml sample's mMDT (soft drop β = 0).</summary>
    public const double ZCut = 0.1;

    /// <summary>The node of <paramref name="tree"/> that is the groomed jet.</summary>
    public static int Groom(CambridgeAachen tree, double zCut = ZCut)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var node = tree.Root;
        while (node >= 0 && !tree.IsLeaf(node))
        {
            var left = tree.Left(node);
            var right = tree.Right(node);
            var leftPt = tree.Pt(left);
            var rightPt = tree.Pt(right);
            if (Math.Min(leftPt, rightPt) > zCut * (leftPt + rightPt))
            {
                return node;
            }

            node = leftPt >= rightPt ? left : right;
        }

        return node;
    }
}
