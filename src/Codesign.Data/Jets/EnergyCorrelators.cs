namespace Codesign.Data.Jets;

/// <summary>
/// Normalized energy correlation functions of a set of bodies (Larkoski, Salam, Thaler 2013; Moult, Necib,
/// Thaler 2016): e2 sums energy-weighted pair angles, e3 triple products of all three angles, and the
/// generalized 1e3 / 2e3 keep only the smallest one / two angles of each triple. Computing the features from
/// these definitions, rather than sampling each feature, is what makes them correlated the way real ones are.
/// </summary>
internal readonly record struct EnergyCorrelators(
    double E2Beta1,
    double E2Beta2,
    double E3Beta1,
    double E3Beta2,
    double E3MinOneBeta1,
    double E3MinOneBeta2,
    double E3MinTwoBeta1,
    double E3MinTwoBeta2)
{
    public static EnergyCorrelators Of(JetBodies bodies)
    {
        var count = bodies.Count;
        Span<double> angle = stackalloc double[JetBodies.Capacity * JetBodies.Capacity];
        double e2Beta1 = 0, e2Beta2 = 0;
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                var theta = bodies.Distance(i, j);
                angle[(i * JetBodies.Capacity) + j] = theta;
                var weight = bodies.Fraction(i) * bodies.Fraction(j);
                e2Beta1 += weight * theta;
                e2Beta2 += weight * theta * theta;
            }
        }

        double e3Beta1 = 0, e3Beta2 = 0, minOneBeta1 = 0, minOneBeta2 = 0, minTwoBeta1 = 0, minTwoBeta2 = 0;
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                for (var k = j + 1; k < count; k++)
                {
                    var weight = bodies.Fraction(i) * bodies.Fraction(j) * bodies.Fraction(k);
                    var ij = angle[(i * JetBodies.Capacity) + j];
                    var ik = angle[(i * JetBodies.Capacity) + k];
                    var jk = angle[(j * JetBodies.Capacity) + k];
                    var smallest = Math.Min(ij, Math.Min(ik, jk));
                    var largest = Math.Max(ij, Math.Max(ik, jk));
                    var middle = ij + ik + jk - smallest - largest;
                    var product = ij * ik * jk;
                    var smallestTwo = smallest * middle;
                    e3Beta1 += weight * product;
                    e3Beta2 += weight * product * product;
                    minOneBeta1 += weight * smallest;
                    minOneBeta2 += weight * smallest * smallest;
                    minTwoBeta1 += weight * smallestTwo;
                    minTwoBeta2 += weight * smallestTwo * smallestTwo;
                }
            }
        }

        return new EnergyCorrelators(e2Beta1, e2Beta2, e3Beta1, e3Beta2, minOneBeta1, minOneBeta2, minTwoBeta1, minTwoBeta2);
    }
}
