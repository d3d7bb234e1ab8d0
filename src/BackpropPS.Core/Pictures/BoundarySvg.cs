using System.Globalization;
using System.IO;
using System.Xml;
using BackpropPS.Core.Explain;
using static BackpropPS.Core.Pictures.SvgMarkup;

namespace BackpropPS.Core.Pictures
{
    /// <summary>One picture of a decision boundary: the map and the caption above it (the epoch, its loss).</summary>
    public sealed class BoundaryFrame
    {
        /// <summary>Creates a frame.</summary>
        public BoundaryFrame(BoundaryMap map, string caption, int? epoch = null)
        {
            Map = map ?? throw new ArgumentNullException(nameof(map));
            Caption = caption ?? "";
            Epoch = epoch;
        }

        /// <summary>The map.</summary>
        public BoundaryMap Map { get; }

        /// <summary>The caption.</summary>
        public string Caption { get; }

        /// <summary>The epoch it shows, or null.</summary>
        public int? Epoch { get; }
    }

    /// <summary>What a boundary picture shows besides the maps: the heading, the axis names, the training points.</summary>
    public sealed class BoundarySettings
    {
        /// <summary>The heading.</summary>
        public string Title { get; set; } = "Decision boundary";

        /// <summary>The first input's name (the x axis).</summary>
        public string XName { get; set; } = NeuronNames.Input(1);

        /// <summary>The second input's name (the y axis).</summary>
        public string YName { get; set; } = NeuronNames.Input(2);

        /// <summary>The training points in raw units (two columns), or null.</summary>
        public Matrix Points { get; set; }

        /// <summary>Each point's class (an index into the map's labels), or null to draw them all grey.</summary>
        public IReadOnlyList<int> PointClasses { get; set; }

        /// <summary>The side of a map in pixels.</summary>
        public int PanelSize { get; set; } = 320;

        /// <summary>Seconds each frame of an animation shows.</summary>
        public double FrameSeconds { get; set; } = 0.25;
    }

    /// <summary>
    /// Writes decision boundaries as standalone SVG. Each map is one image element holding a PNG (see
    /// <see cref="PngImage"/>) stretched over the plot, with axes in the data's units and the training points on
    /// top as circles: a g class="panel" per picture, or with an animation one panel whose g class="frame"
    /// children are shown in turn by SMIL animate elements (a viewer without SMIL shows the last frame). Neuron
    /// maps are a grid of g class="tile" whose id is the neuron's name. Depends only on its inputs (no clock, no culture).
    /// </summary>
    public static class BoundarySvg
    {
        /// <summary>The most maps (panels, frames or neuron tiles) one picture holds.</summary>
        public const int MaxMaps = 1000;

        /// <summary>
        /// The most grid points one picture holds, over all its maps: 16 maps at the finest resolution (1000), or an
        /// animation of 1,600 frames at the default (100). Every point is computed and kept until the picture is written.
        /// </summary>
        public const long MaxGridPoints = 16_000_000;

        /// <summary>Refuses a picture of <paramref name="maps"/> maps over <paramref name="grid"/> beyond the caps, before any is computed.</summary>
        public static void EnsureDrawable(int maps, BoundaryGrid grid)
        {
            long points = (long)maps * grid.Count;
            if (maps <= MaxMaps && points <= MaxGridPoints) return;
            throw new BackpropException("BoundaryTooLarge", BackpropErrorKind.LimitsExceeded,
                $"A decision-boundary picture holds at most {Wording.Number(MaxMaps)} maps and {Wording.Number(MaxGridPoints)} grid points; " +
                $"{Wording.Count(maps, "map")} of {grid.Resolution} x {grid.Resolution} points are {Wording.Number(points)}. " +
                "Choose fewer epochs (-Epoch) or neurons (-Neuron), or a lower -Resolution.");
        }

        private const double Margin = 16, Heading = 58, LegendRow = 22, AxisLeft = 56, AxisBottom = 42, CaptionRow = 22, Gap = 16;
        private const double TileSize = 100, TileCaption = 18;
        private const string XLink = "http://www.w3.org/1999/xlink";

        /// <summary>Writes one panel per frame (or, with <paramref name="animate"/>, one animated panel) to <paramref name="writer"/>.</summary>
        public static void Write(IReadOnlyList<BoundaryFrame> frames, BoundarySettings settings, TextWriter writer, bool animate = false)
        {
            if (frames == null || frames.Count == 0) throw BackpropException.Argument("NoBoundaryFrames", "Expected at least one network to draw; got none.");
            if (writer == null) throw new ArgumentNullException(nameof(writer));
            settings = Check(settings);
            if (animate && !(settings.FrameSeconds > 0 && settings.FrameSeconds <= 60))
                throw BackpropException.Argument("InvalidFrameDuration", $"Expected a frame duration above 0 and at most 60 seconds; got {settings.FrameSeconds}.");
            IReadOnlyList<string> labels = frames[0].Map.Labels;
            int panels = animate ? 1 : frames.Count;
            int columns = panels <= 4 ? panels : (int)Math.Ceiling(Math.Sqrt(panels));
            double p = settings.PanelSize, cellWidth = AxisLeft + p + Gap, cellHeight = CaptionRow + p + AxisBottom;
            double top = Heading + LegendRow;
            double gridWidth = columns * cellWidth;
            double width = 2 * Margin + Math.Max(gridWidth, Math.Max(TextWidth(settings.Title, 15, bold: true), TextWidth(MapLegend, 11)));
            double height = top + (panels + columns - 1) / columns * cellHeight + Margin;
            double left = (width - gridWidth) / 2;

            using (XmlWriter xml = Create(writer))
            {
                StartDocument(xml, width, height, settings.Title);
                SvgMarkup.Text(xml, settings.Title, width / 2, 26, "middle", "caption", "font-size", "15", "font-weight", "bold");
                SvgMarkup.Text(xml, MapLegend, width / 2, 44, "middle", "legend", "font-size", "11", "fill", "#555555");
                WriteClassLegend(xml, labels, width, Heading + 12);
                for (int k = 0; k < panels; k++)
                {
                    double x = left + (k % columns) * cellWidth + AxisLeft, y = top + (k / columns) * cellHeight + CaptionRow;
                    WritePanel(xml, animate ? frames : new[] { frames[k] }, settings, x, y, animate);
                }
                xml.WriteEndElement();
            }
            writer.Write('\n');
        }

        /// <summary>Writes one tile per neuron of <paramref name="map"/>: what each neuron outputs over the grid.</summary>
        public static void WriteNeurons(NeuronMap map, BoundarySettings settings, TextWriter writer, IReadOnlyList<int> neurons = null)
        {
            if (map == null) throw new ArgumentNullException(nameof(map));
            if (writer == null) throw new ArgumentNullException(nameof(writer));
            settings = Check(settings);
            int[] picked = (neurons ?? Enumerable.Range(1, map.Names.Count).ToArray()).ToArray();
            foreach (int j in picked)
            {
                if (j < 1 || j > map.Names.Count)
                    throw BackpropException.Argument("NeuronNotFound", $"Expected neurons from 1 to {map.Names.Count} (layer {map.Layer}); got {j}.");
            }
            int columns = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(picked.Length)));
            int rows = (picked.Length + columns - 1) / columns;
            double cell = TileSize + Gap, gridWidth = columns * cell - Gap;
            BoundaryGrid g = map.Grid;
            string range = string.Format(CultureInfo.InvariantCulture, "{0} from {1} to {2} (left to right), {3} from {4} to {5} (bottom to top)",
                settings.XName, Value(g.XMin), Value(g.XMax), settings.YName, Value(g.YMin), Value(g.YMax));
            string legend = NeuronLegend(map.Activation);
            double width = 2 * Margin + Math.Max(gridWidth, Math.Max(TextWidth(settings.Title, 15, bold: true), Math.Max(TextWidth(legend, 11), TextWidth(range, 11))));
            double top = Heading + 16, left = (width - gridWidth) / 2;
            double height = top + rows * (TileSize + TileCaption + Gap) + Margin;

            using (XmlWriter xml = Create(writer))
            {
                StartDocument(xml, width, height, settings.Title);
                SvgMarkup.Text(xml, settings.Title, width / 2, 26, "middle", "caption", "font-size", "15", "font-weight", "bold");
                SvgMarkup.Text(xml, legend, width / 2, 44, "middle", "legend", "font-size", "11", "fill", "#555555");
                SvgMarkup.Text(xml, range, width / 2, 60, "middle", "range", "font-size", "11", "fill", "#555555");
                for (int k = 0; k < picked.Length; k++)
                {
                    int neuron = picked[k] - 1;
                    double x = left + (k % columns) * cell, y = top + (k / columns) * (TileSize + TileCaption + Gap);
                    string name = map.Names[neuron];
                    var (low, high) = Extent(map, neuron);
                    StartGroup(xml, string.Format(CultureInfo.InvariantCulture, "{0}: output from {1} to {2} over the grid", name, Value(low), Value(high)),
                        "class", "tile", "id", name, "transform", $"translate({N(x)} {N(y)})");
                    Image(xml, "neuron-map", NeuronPixels(map, neuron), g.Resolution, 0, 0, TileSize);
                    Element(xml, "rect", "class", "frame", "x", "0", "y", "0", "width", N(TileSize), "height", N(TileSize),
                        "fill", "none", "stroke", "#999999", "stroke-width", "0.5");
                    SvgMarkup.Text(xml, name, TileSize / 2, TileSize + 13, "middle", "label", "font-size", "11");
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            writer.Write('\n');
        }

        /// <summary>The SVG document as a string.</summary>
        public static string ToText(IReadOnlyList<BoundaryFrame> frames, BoundarySettings settings, bool animate = false)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            Write(frames, settings, writer, animate);
            return writer.ToString();
        }

        /// <summary>The map's pixels, RGB, the top row (the highest y) first: each point its predicted class's colour, as sure as the network is there.</summary>
        public static byte[] Pixels(BoundaryMap map)
        {
            int n = map.Grid.Resolution, classes = map.Labels.Count;
            var rgb = new byte[3 * n * n];
            for (int row = 0; row < n; row++)
            {
                for (int column = 0; column < n; column++)
                {
                    int point = row * n + column, predicted = map.Predicted(point);
                    double certainty = HeatColours.Certainty(map.Probability(point, predicted), classes);
                    Put(rgb, (n - 1 - row) * n + column, HeatColours.Mix(HeatColours.Class(predicted), HeatColours.MapStrength * certainty));
                }
            }
            return rgb;
        }

        /// <summary>A neuron's pixels, RGB, the top row first: its output mapped onto -1 (orange) .. 1 (blue).</summary>
        public static byte[] NeuronPixels(NeuronMap map, int neuron)
        {
            int n = map.Grid.Resolution;
            var (low, high) = Extent(map, neuron);
            double largest = Math.Max(Math.Abs(low), Math.Abs(high));
            var rgb = new byte[3 * n * n];
            for (int point = 0; point < n * n; point++)
            {
                int row = point / n, column = point % n;
                Put(rgb, (n - 1 - row) * n + column, HeatColours.Signed(HeatColours.NeuronValue(map.Value(point, neuron), map.Activation, largest)));
            }
            return rgb;
        }

        private const string MapLegend = "Colour: the predicted class, paler where the network is less sure (white on the boundary); dots: the data";

        // In the sign colours: the low end orange, the high end blue.
        private static string NeuronLegend(Activation activation)
        {
            const string Low = PictureColours.NegativeName, High = PictureColours.PositiveName;
            switch (activation)
            {
                case Activation.Sigmoid:
                case Activation.Softmax: return $"Each tile: one neuron's output ({activation}): {Low} 0, white 0.5, {High} 1";
                case Activation.Tanh: return $"Each tile: one neuron's output (Tanh): {Low} -1, white 0, {High} 1";
                default: return $"Each tile: one neuron's output ({activation}), scaled to its own largest |output|: {Low} negative, white 0, {High} positive";
            }
        }

        private static BoundarySettings Check(BoundarySettings settings)
        {
            settings = settings ?? new BoundarySettings();
            SvgMarkup.CheckTitle(settings.Title ?? "");
            if (settings.PanelSize < 50 || settings.PanelSize > 2000)
                throw BackpropException.Argument("InvalidChartSize", $"Expected a map of 50 to 2000 pixels a side; got {settings.PanelSize}.");
            if (settings.Points != null && settings.Points.Columns != 2)
                throw BackpropException.Argument("NotTwoInputColumns", $"A decision boundary is drawn over two inputs; the data has {Wording.Count(settings.Points.Columns, "input column")}.");
            if (settings.Points != null && settings.PointClasses != null && settings.PointClasses.Count != settings.Points.Rows)
                throw new ArgumentException("Expected one class per point.", nameof(settings));
            return settings;
        }

        private static void WriteClassLegend(XmlWriter xml, IReadOnlyList<string> labels, double width, double y)
        {
            double entry(string label) => 14 + TextWidth(label, 11) + 14;
            double total = labels.Sum(entry), x = (width - total) / 2;
            xml.WriteStartElement("g", Ns);
            Attributes(xml, "class", "class-legend");
            for (int k = 0; k < labels.Count; k++)
            {
                StartGroup(xml, null, "class", "legend-entry", "data-label", labels[k]);
                Element(xml, "rect", "x", N(x), "y", N(y - 9), "width", "10", "height", "10", "fill", HeatColours.Class(k));
                SvgMarkup.Text(xml, labels[k], x + 14, y, "start", "legend-label", "font-size", "11");
                xml.WriteEndElement();
                x += entry(labels[k]);
            }
            xml.WriteEndElement();
        }

        // A plot at (x, y) of side p: the map(s), the axes and the points, in the grid's extent (half a step past each end point).
        private static void WritePanel(XmlWriter xml, IReadOnlyList<BoundaryFrame> frames, BoundarySettings s, double x, double y, bool animate)
        {
            BoundaryGrid g = frames[0].Map.Grid;
            double p = s.PanelSize;
            double x0 = g.XMin - g.XStep / 2, x1 = g.XMax + g.XStep / 2, y0 = g.YMin - g.YStep / 2, y1 = g.YMax + g.YStep / 2;
            BoundaryFrame only = animate ? null : frames[0];
            StartGroup(xml, null, "class", "panel", "data-epoch", only?.Epoch?.ToString(CultureInfo.InvariantCulture),
                "transform", $"translate({N(x)} {N(y)})");
            if (animate)
            {
                double total = frames.Count * s.FrameSeconds;
                for (int k = 0; k < frames.Count; k++) WriteFrame(xml, frames[k], p, k, frames.Count, total);
            }
            else
            {
                SvgMarkup.Text(xml, only.Caption, p / 2, -8, "middle", "panel-caption", "font-size", "12");
                Image(xml, "heatmap", Pixels(only.Map), g.Resolution, 0, 0, p);
            }
            Element(xml, "rect", "class", "plot-frame", "x", "0", "y", "0", "width", N(p), "height", N(p), "fill", "none", "stroke", "#666666", "stroke-width", "1");
            WriteAxes(xml, s, p, x0, x1, y0, y1);
            WritePoints(xml, s, p, x0, x1, y0, y1);
            xml.WriteEndElement();
        }

        // Frame k of n is visible during [k, k + 1) / n of the cycle; without SMIL the last frame is the one left visible.
        private static void WriteFrame(XmlWriter xml, BoundaryFrame frame, double p, int k, int n, double total)
        {
            StartGroup(xml, null, "class", "frame", "data-epoch", frame.Epoch?.ToString(CultureInfo.InvariantCulture),
                "visibility", k == n - 1 ? "visible" : "hidden");
            SvgMarkup.Text(xml, frame.Caption, p / 2, -8, "middle", "panel-caption", "font-size", "12");
            Image(xml, "heatmap", Pixels(frame.Map), frame.Map.Grid.Resolution, 0, 0, p);
            if (n > 1)
            {
                string start = Fraction(k, n), end = Fraction(k + 1, n);
                string values = k == 0 ? "visible;hidden" : k == n - 1 ? "hidden;visible" : "hidden;visible;hidden";
                string times = k == 0 ? $"0;{end}" : k == n - 1 ? $"0;{start}" : $"0;{start};{end}";
                Element(xml, "animate", "attributeName", "visibility", "calcMode", "discrete", "values", values, "keyTimes", times,
                    "dur", total.ToString("0.###", CultureInfo.InvariantCulture) + "s", "repeatCount", "indefinite");
            }
            xml.WriteEndElement();
        }

        private static string Fraction(int k, int n) => ((double)k / n).ToString("0.######", CultureInfo.InvariantCulture);

        private static void Image(XmlWriter xml, string cssClass, byte[] rgb, int resolution, double x, double y, double size)
        {
            xml.WriteStartElement("image", Ns);
            Attributes(xml, "class", cssClass, "x", N(x), "y", N(y), "width", N(size), "height", N(size), "preserveAspectRatio", "none");
            xml.WriteAttributeString("xlink", "href", XLink, PngImage.DataUri(resolution, resolution, rgb));
            xml.WriteEndElement();
        }

        private static void WriteAxes(XmlWriter xml, BoundarySettings s, double p, double x0, double x1, double y0, double y1)
        {
            xml.WriteStartElement("g", Ns);
            Attributes(xml, "class", "axes", "font-size", "10", "fill", "#333333");
            foreach (double t in Ticks(x0, x1))
            {
                double px = (t - x0) / (x1 - x0) * p;
                Element(xml, "line", "class", "tick", "x1", N(px), "y1", N(p), "x2", N(px), "y2", N(p + 4), "stroke", "#666666");
                SvgMarkup.Text(xml, Tick(t), px, p + 15, "middle", "x-tick");
            }
            foreach (double t in Ticks(y0, y1))
            {
                double py = (y1 - t) / (y1 - y0) * p;
                Element(xml, "line", "class", "tick", "x1", "-4", "y1", N(py), "x2", "0", "y2", N(py), "stroke", "#666666");
                SvgMarkup.Text(xml, Tick(t), -7, py + 3.5, "end", "y-tick");
            }
            SvgMarkup.Text(xml, s.XName, p / 2, p + 33, "middle", "axis-title", "font-size", "12", "font-weight", "bold");
            SvgMarkup.Text(xml, s.YName, -40, p / 2, "middle", "axis-title", "font-size", "12", "font-weight", "bold",
                "transform", $"rotate(-90 -40 {N(p / 2)})");
            xml.WriteEndElement();
        }

        private static void WritePoints(XmlWriter xml, BoundarySettings s, double p, double x0, double x1, double y0, double y1)
        {
            if (s.Points == null) return;
            xml.WriteStartElement("g", Ns);
            Attributes(xml, "class", "points", "stroke", "white", "stroke-width", "1");
            for (int r = 0; r < s.Points.Rows; r += PointStride(s.Points.Rows))
            {
                double vx = s.Points[r, 0], vy = s.Points[r, 1];
                if (vx < x0 || vx > x1 || vy < y0 || vy > y1) continue; // outside a range the user chose
                // A few points (Xor's four) get larger dots, so that they stand out on a map of their own colour.
                int? label = s.PointClasses?[r];
                Element(xml, "circle", "class", "point", "cx", N((vx - x0) / (x1 - x0) * p), "cy", N((y1 - vy) / (y1 - y0) * p), "r", s.Points.Rows <= 50 ? "5" : "3.5",
                    "fill", label.HasValue ? HeatColours.Class(label.Value) : "#333333",
                    "data-class", label?.ToString(CultureInfo.InvariantCulture));
            }
            xml.WriteEndElement();
        }

        /// <summary>The most data points drawn: beyond it the dots hide the map and the file grows by megabytes.</summary>
        public const int MaxPoints = 5000;

        /// <summary>Every how many data points one is drawn: 1 up to <see cref="MaxPoints"/>, then evenly thinned.</summary>
        public static int PointStride(int count) => count <= MaxPoints ? 1 : (count + MaxPoints - 1) / MaxPoints;

        /// <summary>About five round ticks (1, 2 or 5 times a power of ten apart) inside [low, high].</summary>
        internal static IReadOnlyList<double> Ticks(double low, double high)
        {
            double rough = (high - low) / 5, power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            double step = new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(c => c >= rough);
            var ticks = new List<double>();
            for (double k = Math.Ceiling(low / step); k * step <= high; k++) ticks.Add(Math.Round(k * step / power) * power);
            return ticks;
        }

        private static string Tick(double value) => (Math.Abs(value) < 1e-12 ? 0 : value).ToString("G6", CultureInfo.InvariantCulture);

        private static (double Low, double High) Extent(NeuronMap map, int neuron)
        {
            double low = double.PositiveInfinity, high = double.NegativeInfinity;
            for (int point = 0; point < map.Grid.Count; point++)
            {
                double v = map.Value(point, neuron);
                if (v < low) low = v;
                if (v > high) high = v;
            }
            return (low, high);
        }

        private static void Put(byte[] rgb, int pixel, (byte R, byte G, byte B) colour)
        {
            rgb[3 * pixel] = colour.R;
            rgb[3 * pixel + 1] = colour.G;
            rgb[3 * pixel + 2] = colour.B;
        }
    }
}
