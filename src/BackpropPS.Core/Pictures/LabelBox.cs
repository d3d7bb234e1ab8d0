namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// The box a label takes: a rectangle around a centre, turned by an angle (the label follows its edge), and
    /// whether a line, a circle or another box meets it (separating-axis tests on its corners).
    /// </summary>
    internal readonly struct LabelBox
    {
        public LabelBox(double x, double y, double width, double height, double angle)
        {
            X = x; Y = y; Width = width; Height = height; Angle = angle;
        }

        /// <summary>The centre.</summary>
        public double X { get; }

        /// <summary>The centre.</summary>
        public double Y { get; }

        /// <summary>Along the angle.</summary>
        public double Width { get; }

        /// <summary>Across the angle.</summary>
        public double Height { get; }

        /// <summary>Degrees, clockwise on the screen (SVG's rotate).</summary>
        public double Angle { get; }

        /// <summary>The four corners, in order around the box.</summary>
        public (double X, double Y)[] Corners()
        {
            double a = Angle * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a), w = Width / 2, h = Height / 2, x = X, y = Y;
            (double, double) Corner(double u, double v) => (x + u * cos - v * sin, y + u * sin + v * cos);
            return new[] { Corner(-w, -h), Corner(w, -h), Corner(w, h), Corner(-w, h) };
        }

        /// <summary>Whether the line from <paramref name="a"/> to <paramref name="b"/> runs through or touches the box.</summary>
        public bool Crosses((double X, double Y) a, (double X, double Y) b) => Overlap(Corners(), new[] { a, b });

        /// <summary>Whether the two boxes overlap.</summary>
        public bool Overlaps(LabelBox other) => Overlap(Corners(), other.Corners());

        /// <summary>Whether the box comes within <paramref name="radius"/> of the point (a circle meets it).</summary>
        public bool Touches(double x, double y, double radius)
        {
            double a = -Angle * Math.PI / 180, dx = x - X, dy = y - Y;
            double u = dx * Math.Cos(a) - dy * Math.Sin(a), v = dx * Math.Sin(a) + dy * Math.Cos(a);
            double nearU = Math.Max(-Width / 2, Math.Min(Width / 2, u)), nearV = Math.Max(-Height / 2, Math.Min(Height / 2, v));
            return (u - nearU) * (u - nearU) + (v - nearV) * (v - nearV) <= radius * radius;
        }

        /// <summary>Whether two convex shapes (a segment is one of two points) overlap: no axis separates them.</summary>
        public static bool Overlap((double X, double Y)[] p, (double X, double Y)[] q)
        {
            // Their bounding boxes first: most pairs are far apart.
            if (Max(p, true) < Min(q, true) || Max(q, true) < Min(p, true) || Max(p, false) < Min(q, false) || Max(q, false) < Min(p, false))
                return false;
            return !Separates(p, p, q) && !Separates(q, p, q);
        }

        // Whether a normal of one of shape's edges separates p from q.
        private static bool Separates((double X, double Y)[] shape, (double X, double Y)[] p, (double X, double Y)[] q)
        {
            for (int k = 0; k < shape.Length; k++)
            {
                var (x1, y1) = shape[k];
                var (x2, y2) = shape[(k + 1) % shape.Length];
                double nx = y1 - y2, ny = x2 - x1;
                if (nx == 0 && ny == 0) continue;
                double pMin = double.MaxValue, pMax = double.MinValue, qMin = double.MaxValue, qMax = double.MinValue;
                foreach (var (x, y) in p) { double d = x * nx + y * ny; pMin = Math.Min(pMin, d); pMax = Math.Max(pMax, d); }
                foreach (var (x, y) in q) { double d = x * nx + y * ny; qMin = Math.Min(qMin, d); qMax = Math.Max(qMax, d); }
                if (pMax < qMin || qMax < pMin) return true;
            }
            return false;
        }

        private static double Min((double X, double Y)[] shape, bool x)
        {
            double min = double.MaxValue;
            foreach (var c in shape) min = Math.Min(min, x ? c.X : c.Y);
            return min;
        }

        private static double Max((double X, double Y)[] shape, bool x)
        {
            double max = double.MinValue;
            foreach (var c in shape) max = Math.Max(max, x ? c.X : c.Y);
            return max;
        }
    }
}
