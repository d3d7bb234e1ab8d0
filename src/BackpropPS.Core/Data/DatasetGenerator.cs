using System.Globalization;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Data
{
    /// <summary>
    /// The classic 2-D playground sets, generated from a seed. Inputs are (x1, x2) within about [-1, 1];
    /// the target is the class, 0 or 1. Noise is the standard deviation of Gaussian noise added to each
    /// coordinate. Points alternate between the classes, so any count gives balanced classes.
    /// </summary>
    public static class DatasetGenerator
    {
        /// <summary>The four XOR rows: (0,0)->0, (0,1)->1, (1,0)->1, (1,1)->0.</summary>
        public static Dataset Xor() => new Dataset(
            new Matrix(4, 2, new double[] { 0, 0, 0, 1, 1, 0, 1, 1 }),
            new Matrix(4, 1, new double[] { 0, 1, 1, 0 }));

        /// <summary>The most points a generated set has: 10 million, 240 MB of numbers.</summary>
        public const int MaxCount = 10_000_000;

        /// <summary>
        /// The most noise: a standard deviation of 10, ten times the sets' own extent, where the points are noise alone.
        /// Beyond it nothing changes but the numbers' size, until they overflow to infinity (at about 1e307).
        /// </summary>
        public const double MaxNoise = 10;

        /// <summary>Generates <paramref name="count"/> points of a 2-D set.</summary>
        public static Dataset Generate(DatasetName name, int count, double noise, long seed)
        {
            if (name == DatasetName.Xor) return Xor();
            if (count < 2) throw BackpropException.Argument("InvalidCount", $"Expected at least 2 points; got {Wording.Number(count)}.");
            if (count > MaxCount)
            {
                throw new BackpropException("CountTooLarge", BackpropErrorKind.LimitsExceeded,
                    $"Expected at most {Wording.Number(MaxCount)} points, the cap of a generated set; got {Wording.Number(count)}.");
            }
            if (!(noise >= 0) || double.IsInfinity(noise))
                throw BackpropException.Argument("InvalidNoise", $"The noise must be zero or a positive finite number; got {Text(noise)}.");
            if (noise > MaxNoise)
            {
                throw new BackpropException("NoiseTooLarge", BackpropErrorKind.LimitsExceeded,
                    $"Expected a noise of at most {Text(MaxNoise)}, the cap (ten times the sets' extent, where the points are noise alone); got {Text(noise)}.");
            }
            var random = new SeededRandom(seed);
            var inputs = new double[2 * count];
            var targets = new double[count];
            for (int i = 0; i < count; i++)
            {
                int label = i % 2;
                var (x, y) = Point(name, label, i / 2, (count + 1 - label) / 2, random);
                inputs[2 * i] = x + noise * Gaussian(random);
                inputs[2 * i + 1] = y + noise * Gaussian(random);
                targets[i] = label;
            }
            return new Dataset(new Matrix(count, 2, inputs), new Matrix(count, 1, targets));
        }

        private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        // The k-th of n points of class label.
        private static (double, double) Point(DatasetName name, int label, int k, int n, SeededRandom random)
        {
            switch (name)
            {
                case DatasetName.Circle:
                {
                    // Class 1 fills the disc of radius 0.5, class 0 the ring from 0.7 to 1 (as TensorFlow Playground).
                    double r = label == 1 ? random.NextDouble(0, 0.5) : random.NextDouble(0.7, 1.0);
                    double angle = random.NextDouble(0, 2 * Math.PI);
                    return (r * Math.Sin(angle), r * Math.Cos(angle));
                }
                case DatasetName.Spiral:
                {
                    // Two arms, 1.75 turns each, the second rotated by half a turn.
                    double t = (double)k / n;
                    double angle = 1.75 * t * 2 * Math.PI + label * Math.PI;
                    return (t * Math.Sin(angle), t * Math.Cos(angle));
                }
                case DatasetName.Gauss:
                {
                    double centre = label == 1 ? 0.5 : -0.5;
                    return (centre + 0.2 * Gaussian(random), centre + 0.2 * Gaussian(random));
                }
                case DatasetName.Moons:
                {
                    // scikit-learn's make_moons, scaled by 0.5 and centred on the origin.
                    double angle = Math.PI * k / Math.Max(1, n - 1);
                    return label == 0
                        ? (0.5 * Math.Cos(angle) - 0.25, 0.5 * Math.Sin(angle) - 0.125)
                        : (0.5 * (1 - Math.Cos(angle)) - 0.25, 0.5 * (0.5 - Math.Sin(angle)) - 0.125);
                }
                default:
                    throw BackpropException.Argument("UnknownDataset", $"'{name}' is not a generated data set.");
            }
        }

        // Box-Muller: a standard normal from two uniforms.
        private static double Gaussian(SeededRandom random)
        {
            double u1 = 1.0 - random.NextDouble(); // in (0, 1], so the logarithm is finite
            double u2 = random.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }
}
