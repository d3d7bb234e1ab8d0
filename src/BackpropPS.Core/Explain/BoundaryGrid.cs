using System.Globalization;

namespace BackpropPS.Core.Explain
{
    /// <summary>
    /// A square grid of points over two inputs, in the data's own units: <see cref="Resolution"/> points per side,
    /// from the range's low end to its high end inclusive (so -1..1 in 5 points is -1, -0.5, 0, 0.5, 1).
    /// Point k is column k % Resolution (x) of row k / Resolution (y), the lowest y first. Immutable.
    /// </summary>
    public sealed class BoundaryGrid
    {
        /// <summary>The fewest and most points per side.</summary>
        public const int MinResolution = 2, MaxResolution = 1000;

        /// <summary>The share of the data's span added on each side of a range read from data.</summary>
        public const double DefaultMargin = 0.1;

        /// <summary>A grid over [xMin, xMax] x [yMin, yMax].</summary>
        public BoundaryGrid(double xMin, double xMax, double yMin, double yMax, int resolution)
        {
            CheckRange(xMin, xMax, "x");
            CheckRange(yMin, yMax, "y");
            if (resolution < MinResolution || resolution > MaxResolution)
            {
                throw BackpropException.Argument("InvalidResolution",
                    $"Expected a resolution from {MinResolution} to {MaxResolution} grid points per side; got {resolution}.");
            }
            XMin = xMin; XMax = xMax; YMin = yMin; YMax = yMax; Resolution = resolution;
        }

        /// <summary>
        /// The grid over the data's inputs (two columns) with <paramref name="margin"/> of each span added on both
        /// sides; a column with a single value gets half a unit each side. A given range replaces the data's.
        /// </summary>
        public static BoundaryGrid FromData(Matrix inputs, int resolution, double margin = DefaultMargin,
            (double Min, double Max)? xRange = null, (double Min, double Max)? yRange = null)
        {
            if (!(margin >= 0) || double.IsInfinity(margin))
                throw BackpropException.Argument("InvalidMargin", $"Expected a margin of 0 or more (a share of the data's span); got {margin}.");
            if (inputs != null && inputs.Columns != 2)
            {
                throw BackpropException.Argument("NotTwoInputColumns",
                    $"A decision boundary is drawn over two inputs; the data has {Wording.Count(inputs.Columns, "input column")}.");
            }
            if ((xRange == null || yRange == null) && (inputs == null || inputs.Rows == 0))
            {
                throw BackpropException.Argument("MissingRange",
                    "Expected data to read the range from (-Data, or records or a data set through the pipeline), or both -XRange and -YRange.");
            }
            var x = xRange ?? Span(inputs, 0, margin);
            var y = yRange ?? Span(inputs, 1, margin);
            return new BoundaryGrid(x.Min, x.Max, y.Min, y.Max, resolution);
        }

        /// <summary>The low end of the x range (the first input).</summary>
        public double XMin { get; }

        /// <summary>The high end of the x range.</summary>
        public double XMax { get; }

        /// <summary>The low end of the y range (the second input).</summary>
        public double YMin { get; }

        /// <summary>The high end of the y range.</summary>
        public double YMax { get; }

        /// <summary>Points per side.</summary>
        public int Resolution { get; }

        /// <summary>All points: Resolution squared.</summary>
        public int Count => Resolution * Resolution;

        /// <summary>The x of column <paramref name="column"/> (from 0).</summary>
        public double X(int column) => At(XMin, XMax, column);

        /// <summary>The y of row <paramref name="row"/> (from 0, the lowest y).</summary>
        public double Y(int row) => At(YMin, YMax, row);

        /// <summary>The distance between neighbouring points along x.</summary>
        public double XStep => (XMax - XMin) / (Resolution - 1);

        /// <summary>The distance between neighbouring points along y.</summary>
        public double YStep => (YMax - YMin) / (Resolution - 1);

        /// <summary>Points [start, start + count) as a count x 2 matrix of raw inputs.</summary>
        public Matrix Points(int start, int count)
        {
            var data = new double[2 * count];
            for (int k = 0; k < count; k++)
            {
                data[2 * k] = X((start + k) % Resolution);
                data[2 * k + 1] = Y((start + k) / Resolution);
            }
            return Matrix.Wrap(count, 2, data);
        }

        // The ends exactly, and evenly spaced points between them.
        private double At(double min, double max, int index) =>
            index == Resolution - 1 ? max : min + (max - min) * index / (Resolution - 1);

        private static (double Min, double Max) Span(Matrix inputs, int column, double margin)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int r = 0; r < inputs.Rows; r++)
            {
                double v = inputs[r, column];
                if (v < min) min = v;
                if (v > max) max = v;
            }
            double pad = max > min ? (max - min) * margin : 0.5;
            return (min - pad, max + pad);
        }

        private static void CheckRange(double min, double max, string axis)
        {
            bool finite = !double.IsNaN(min) && !double.IsInfinity(min) && !double.IsNaN(max) && !double.IsInfinity(max);
            if (!finite || !(min < max))
            {
                throw BackpropException.Argument("InvalidRange", string.Format(CultureInfo.InvariantCulture,
                    "Expected a {0} range of two finite numbers, the low end first and below the high end; got {1} to {2}.", axis, min, max));
            }
        }
    }
}
