using Codesign.Data.Randomness;

namespace Codesign.Data.Jets;

/// <summary>Directions in three dimensions: bases around an axis and isotropic sampling.</summary>
internal static class UnitVectors
{
    /// <summary>Two unit vectors a and b = n × a that with the unit vector n form a right-handed orthonormal basis.</summary>
    public static void Basis(double nx, double ny, double nz, out double ax, out double ay, out double az, out double bx, out double by, out double bz)
    {
        // a = n × e / |n × e|, with e the coordinate axis (x or z) least aligned with n.
        if (Math.Abs(nx) < 0.6)
        {
            (ax, ay, az) = (0, nz, -ny);
        }
        else
        {
            (ax, ay, az) = (ny, -nx, 0);
        }

        var norm = Math.Sqrt((ax * ax) + (ay * ay) + (az * az));
        (ax, ay, az) = (ax / norm, ay / norm, az / norm);
        bx = (ny * az) - (nz * ay);
        by = (nz * ax) - (nx * az);
        bz = (nx * ay) - (ny * ax);
    }

    /// <summary>A direction uniform on the sphere.</summary>
    public static (double X, double Y, double Z) Isotropic(Xoshiro256StarStar random)
    {
        var cos = (2 * random.NextDouble()) - 1;
        var sin = Math.Sqrt(Math.Max(0, 1 - (cos * cos)));
        var azimuth = 2 * Math.PI * random.NextDouble();
        return (sin * Math.Cos(azimuth), sin * Math.Sin(azimuth), cos);
    }
}
