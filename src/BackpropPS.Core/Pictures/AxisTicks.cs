using System.Globalization;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// The labelled ticks of a chart's value axis, chosen so that a reader can read the data off them: the axis
    /// runs from a labelled tick at or below the smallest value to one at or above the largest, with as many labels
    /// as fit <see cref="MinGap"/> pixels apart, at least <see cref="MinLabels"/> where they fit <see cref="CrowdedGap"/>
    /// apart (an axis of 45 pixels or more), at round numbers
    /// (1, 2, 2.5 and 5 times a power of ten on a linear axis; 1, 2 and 5 per decade, or every decade, on a log axis).
    /// </summary>
    public sealed class AxisTicks
    {
        /// <summary>The fewest labelled ticks an axis gets when its length allows.</summary>
        public const int MinLabels = 4;

        /// <summary>The distance in pixels wanted between two labels (a label is about 14 pixels tall).</summary>
        public const double MinGap = 24;

        /// <summary>The least distance between two labels when fewer than <see cref="MinLabels"/> would be <see cref="MinGap"/> apart.</summary>
        public const double CrowdedGap = 15;

        /// <summary>
        /// A value axis is drawn on a log scale when its values are all above 0 and the largest is more than this
        /// many times the smallest: a loss that falls over two decades would be a flat line on a linear axis.
        /// </summary>
        public const double LogarithmicRatio = 100;

        private AxisTicks(bool logarithmic, IReadOnlyList<double> labels, IReadOnlyList<double> minor)
        {
            Logarithmic = logarithmic;
            Labels = labels;
            Minor = minor;
        }

        /// <summary>True for a log axis.</summary>
        public bool Logarithmic { get; }

        /// <summary>The labelled ticks, from the smallest; the first and last are the axis's ends.</summary>
        public IReadOnlyList<double> Labels { get; }

        /// <summary>The unlabelled ticks between them.</summary>
        public IReadOnlyList<double> Minor { get; }

        /// <summary>Where the axis starts: the first label.</summary>
        public double Minimum => Labels[0];

        /// <summary>Where the axis ends: the last label.</summary>
        public double Maximum => Labels[Labels.Count - 1];

        /// <summary>Whether values from <paramref name="low"/> to <paramref name="high"/> are drawn on a log axis when nobody says.</summary>
        public static bool ShouldBeLogarithmic(double low, double high) => low > 0 && high / low > LogarithmicRatio;

        /// <summary>The ticks of an axis <paramref name="pixels"/> long for values from <paramref name="low"/> to <paramref name="high"/>.</summary>
        public static AxisTicks For(double low, double high, double pixels, bool logarithmic)
        {
            if (double.IsNaN(low) || double.IsNaN(high) || double.IsInfinity(low) || double.IsInfinity(high) || low > high)
                throw new ArgumentException($"Expected finite values, low <= high; got {low} and {high}.");
            if (logarithmic && low <= 0) throw new ArgumentException($"A log axis needs values above 0; got {low}.");
            if (low == high)
            {
                // One value: room around it, half its size (or 1 around 0).
                double room = low == 0 ? 1 : Math.Abs(low) / 2;
                high += room;
                low = logarithmic ? low / 2 : low - room;
            }
            return logarithmic ? Log(low, high, pixels) : Linear(low, high, pixels);
        }

        /// <summary>A tick's label: plain decimals from 0.0001 up, else as 1E-05.</summary>
        public static string Format(double value) =>
            value.ToString(value == 0 || (Math.Abs(value) >= 1e-4 && Math.Abs(value) < 1e15) ? "0.###############" : "0.##E+0", CultureInfo.InvariantCulture);

        // Steps of 1, 2, 2.5 and 5 times a power of ten, the finest first: the finest whose labels are MinGap apart,
        // or, if that gives fewer than MinLabels, the coarsest that gives as many CrowdedGap apart.
        private static AxisTicks Linear(double low, double high, double pixels)
        {
            if (double.IsInfinity(high - low) || high - low < 1e-300) return WithMinor(false, new List<double> { low, high });
            int exponent = (int)Math.Floor(Math.Log10(high - low)) - 3;
            List<double> crowded = null, coarsest = null;
            for (int e = exponent; e <= exponent + 5; e++)
            {
                foreach (double m in new[] { 1, 2, 2.5, 5 })
                {
                    List<double> ticks = Steps(low, high, m, e);
                    if (ticks == null) continue;
                    coarsest = ticks;
                    double gap = pixels / (ticks.Count - 1);
                    if (gap >= MinGap) return WithMinor(false, ticks.Count >= MinLabels || crowded == null ? ticks : crowded);
                    if (ticks.Count >= MinLabels && gap >= CrowdedGap) crowded = ticks;
                }
            }
            return WithMinor(false, crowded ?? coarsest ?? new List<double> { low, high });
        }

        // k * m * 10^e from the last at or below low to the first at or above high (null for more than 200); a
        // power of ten below 1 divides, so that 0.3 is the double nearest 0.3, not 3 * 0.1.
        private static List<double> Steps(double low, double high, double m, int e)
        {
            double step = Power(m, e);
            double first = Math.Floor(low / step), last = Math.Ceiling(high / step);
            if (last - first > 200) return null;
            while (Power(first * m, e) > low) first--;
            while (Power(last * m, e) < high) last++;
            var ticks = new List<double>();
            for (double k = first; k <= last; k++) ticks.Add(Power(k * m, e));
            return ticks;
        }

        // m * 10^e, dividing for e below 0 (10^e for e from -300 is exact as a divisor up to 10^22, and rounds once).
        private static double Power(double m, int e) => e >= 0 ? m * Math.Pow(10, e) : e >= -300 ? m / Math.Pow(10, -e) : m * Math.Pow(10, e);

        // Sets of ticks per decade, the densest first: 1 to 9, then 1, 2 and 5, then every decade, every 2nd, ...
        private static readonly (double[] Mantissas, int Stride)[] LogSets =
        {
            (new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, 1), (new double[] { 1, 2, 5 }, 1), (new double[] { 1 }, 1),
            (new double[] { 1 }, 2), (new double[] { 1 }, 3), (new double[] { 1 }, 5), (new double[] { 1 }, 10),
            (new double[] { 1 }, 20), (new double[] { 1 }, 50), (new double[] { 1 }, 100),
        };

        // The densest set whose labels are MinGap apart; within a decade or so, where that gives too few, round
        // linear steps (nearly evenly spaced there); else the sparsest set that gives MinLabels CrowdedGap apart.
        private static AxisTicks Log(double low, double high, double pixels)
        {
            List<double> spaced = null, crowded = null, sparsest = null;
            foreach (var (mantissas, stride) in LogSets)
            {
                List<double> ticks = Decades(low, high, mantissas, stride);
                if (ticks == null) continue;
                sparsest = ticks;
                // The axis ends at the outer labels: pixels are shared out over their range, not the data's.
                double span = Math.Log10(ticks[ticks.Count - 1]) - Math.Log10(ticks[0]);
                double gap = Enumerable.Range(1, ticks.Count - 1).Min(k => Math.Log10(ticks[k]) - Math.Log10(ticks[k - 1])) / span * pixels;
                if (gap >= MinGap)
                {
                    spaced = ticks;
                    break;
                }
                if (ticks.Count >= MinLabels && gap >= CrowdedGap) crowded = ticks;
            }
            if (spaced != null && spaced.Count >= MinLabels) return WithMinor(true, spaced);
            if (Math.Log10(high) - Math.Log10(low) < 1.5)
            {
                List<double> linear = Linear(low, high, pixels).Labels.Where(t => t > 0).ToList();
                if (linear.Count >= MinLabels && linear[0] <= low) return WithMinor(true, linear);
            }
            return WithMinor(true, crowded ?? spaced ?? sparsest ?? new List<double> { low, high });
        }

        // m * 10^d for the given mantissas in every stride-th decade, from the last at or below low to the first at
        // or above high (null for more than 200).
        private static List<double> Decades(double low, double high, double[] mantissas, int stride)
        {
            int bottom = (int)Math.Floor(Math.Log10(low)), top = (int)Math.Ceiling(Math.Log10(high));
            bottom -= ((bottom % stride) + stride) % stride;
            if ((double)(top - bottom) / stride * mantissas.Length > 200) return null;
            var all = new List<double>();
            for (int d = bottom - stride; d <= top + stride; d += stride)
                foreach (double m in mantissas) all.Add(Power(m, d));
            int first = all.FindLastIndex(t => t <= low), last = all.FindIndex(t => t >= high);
            return first < 0 || last < first ? null : all.GetRange(first, last - first + 1);
        }

        // Minor ticks: halves of a linear step; on a log axis 2 to 9 times each power of ten where labels are at
        // most a decade apart, else the powers of ten the labels leave out.
        private static AxisTicks WithMinor(bool logarithmic, List<double> labels)
        {
            var minor = new List<double>();
            for (int k = 1; k < labels.Count; k++)
            {
                double a = labels[k - 1], b = labels[k];
                if (!logarithmic) { minor.Add((a + b) / 2); continue; }
                bool wide = Math.Log10(b) - Math.Log10(a) > 1 + 1e-9;
                for (int e = (int)Math.Floor(Math.Log10(a)); Power(1, e) < b; e++)
                    foreach (int m in wide ? new[] { 1 } : new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })
                    {
                        double t = Power(m, e);
                        if (t > a * (1 + 1e-9) && t < b * (1 - 1e-9)) minor.Add(t);
                    }
            }
            return new AxisTicks(logarithmic, labels, minor);
        }
    }
}
