namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// Where a <see cref="Diagram"/>'s parts go in <see cref="SvgDiagram"/>: nodes in columns, rows far enough apart
    /// for the values under each node, and each edge's label beside its own line where no line, node, value or
    /// other label is (columns move apart until every label finds such a place; one that cannot is laid on its
    /// own line, on an opaque box).
    /// </summary>
    internal sealed class DiagramLayout
    {
        public const double Radius = 26, Top = 70, Bottom = 24, LabelFontSize = 11, DetailFontSize = 11, DetailLine = 13;

        // The room tried between columns and (added to what the values under a node need) between rows; the layouts
        // are tried smallest first, and more room than the largest makes the picture hard to take in.
        private static readonly double[] ColumnGaps = { 360, 420, 480, 560, 660, 780 };
        private static readonly double[] ExtraRowGaps = { 0, 30, 60, 100 };

        // Where along an edge (from its source) a label may sit, best first: near the source the edges of one node fan
        // apart, and a label near its own source is easy to match to its line.
        private static readonly double[] Along = Enumerable.Range(0, 20).Select(k => 0.3 + (k % 2 == 0 ? 1 : -1) * 0.04 * ((k + 1) / 2))
            .Where(t => t >= 0.1 && t <= 0.86).ToArray();

        private DiagramLayout(double width, double height, Dictionary<string, (double X, double Y)> place, Dictionary<DiagramEdge, (LabelBox Box, bool Clear)> labels)
        {
            Width = width; Height = height; Place = place; Labels = labels;
        }

        public double Width { get; }

        public double Height { get; }

        /// <summary>Each node's centre, by id.</summary>
        public IReadOnlyDictionary<string, (double X, double Y)> Place { get; }

        /// <summary>Each labelled edge's label box; Clear is false for one laid on its own line.</summary>
        public IReadOnlyDictionary<DiagramEdge, (LabelBox Box, bool Clear)> Labels { get; }

        /// <summary>The stroke width of an edge: thicker for a larger |value|.</summary>
        public static double Stroke(DiagramEdge edge, double largest) => largest > 0 ? 0.75 + 3.25 * Math.Abs(edge.Value) / largest : 1.0;

        /// <summary>The size of the label box of <paramref name="label"/>.</summary>
        public static (double Width, double Height) LabelSize(string label) =>
            (PictureFonts.Width(label, LabelFontSize) + 6, LabelFontSize * PictureFonts.LineHeight + 3);

        /// <summary>Lays the diagram out: the smallest layout in which every label finds a clear place, else the one where most do.</summary>
        public static DiagramLayout Of(Diagram diagram, double titleWidth)
        {
            DiagramLayout best = null;
            var sizes = ExtraRowGaps.SelectMany(r => ColumnGaps.Select(c => (Row: r, Column: c))).OrderBy(g => (g.Column + 60) * (110 + g.Row)).ToList();
            foreach (var (extraRow, columnGap) in sizes)
            {
                DiagramLayout layout = Lay(diagram, columnGap, extraRow, titleWidth);
                if (best == null || layout.Unplaced < best.Unplaced) best = layout;
                // A diagram without labels (too many edges to write on) needs no more room than the first.
                if (best.Unplaced == 0) break;
            }
            return best;
        }

        private int Unplaced => Labels.Values.Count(l => !l.Clear);

        private static DiagramLayout Lay(Diagram diagram, double columnGap, double extraRow, double titleWidth)
        {
            var counts = diagram.Nodes.GroupBy(n => n.Column).ToDictionary(g => g.Key, g => g.Count());
            int tallest = counts.Values.Max();
            int lines = diagram.Nodes.Select(n => DetailLines(n).Length).DefaultIfEmpty(0).Max();
            // A row: the node, its values under it, and a gap before the next node.
            double rowGap = Math.Max(110, 2 * Radius + 14 + DetailLine * Math.Max(lines - 1, 0) + 20) + extraRow;
            // The widest text centred under a node of the first or last column must stay inside the picture.
            double margin = Math.Max(90, diagram.Nodes.Select(n => Math.Max(PictureFonts.Width(n.Label, 12) + 16,
                DetailLines(n).Select(l => PictureFonts.Width(l, DetailFontSize)).DefaultIfEmpty(0).Max()) / 2 + 12).Max());
            double layoutWidth = 2 * margin + (diagram.Columns - 1) * columnGap;
            double width = Math.Max(layoutWidth, titleWidth + 32), shift = (width - layoutWidth) / 2;
            var place = diagram.Nodes.ToDictionary(n => n.Id, n => (
                X: shift + margin + n.Column * columnGap,
                Y: Top + (tallest - counts[n.Column]) * rowGap / 2 + n.Row * rowGap + rowGap / 2 - 10));
            // Down to the lowest node's values (a bias box is shorter than a neuron), and a margin.
            double height = diagram.Nodes.Max(n => place[n.Id].Y + (n.Kind == DiagramNodeKind.Bias ? BiasSize(n).Height / 2
                : Radius + (DetailLines(n).Length == 0 ? 0 : 14 + DetailLine * (DetailLines(n).Length - 1) + 4))) + Bottom;
            return new DiagramLayout(width, height, place, PlaceLabels(diagram, place, width, height));
        }

        /// <summary>The lines of values under a node.</summary>
        public static string[] DetailLines(DiagramNode node) => node.Detail.Length == 0 ? new string[0] : node.Detail.Split('\n');

        /// <summary>The box a bias node's label takes.</summary>
        public static (double Width, double Height) BiasSize(DiagramNode node) => (Math.Max(44, PictureFonts.Width(node.Label, 12) + 20), 28);

        // Greedy, edge by edge in the diagram's order: the first place along the edge, above or below it, that meets
        // no edge, node, value or label placed before; else on the middle of its own line.
        private static Dictionary<DiagramEdge, (LabelBox, bool)> PlaceLabels(Diagram diagram, Dictionary<string, (double X, double Y)> place, double width, double height)
        {
            double largest = diagram.Edges.Select(e => Math.Abs(e.Value)).DefaultIfEmpty(0).Max();
            var segments = diagram.Edges.Select(e => (place[e.From], End(place[e.From], place[e.To]))).ToList();
            var nodeBoxes = new List<LabelBox>();
            var circles = new List<(double X, double Y)>();
            foreach (DiagramNode node in diagram.Nodes)
            {
                var (x, y) = place[node.Id];
                if (node.Kind == DiagramNodeKind.Bias)
                {
                    var (w, h) = BiasSize(node);
                    nodeBoxes.Add(new LabelBox(x, y, w + 6, h + 6, 0));
                    continue;
                }
                circles.Add((x, y));
                string[] lines = DetailLines(node);
                if (lines.Length == 0) continue;
                double detailWidth = lines.Max(l => PictureFonts.Width(l, DetailFontSize)) + 6;
                double top = y + Radius + 3, bottom = y + Radius + 14 + DetailLine * (lines.Length - 1) + 5;
                nodeBoxes.Add(new LabelBox(x, (top + bottom) / 2, detailWidth, bottom - top, 0));
            }

            var labels = new Dictionary<DiagramEdge, (LabelBox, bool)>();
            var placed = new List<LabelBox>();
            foreach (DiagramEdge edge in diagram.Edges.Where(e => e.Label.Length > 0))
            {
                var (from, to) = (place[edge.From], place[edge.To]);
                double dx = to.X - from.X, dy = to.Y - from.Y, length = Math.Sqrt(dx * dx + dy * dy);
                double angle = Math.Atan2(dy, dx) * 180 / Math.PI;
                var (w, h) = LabelSize(edge.Label);
                // Off its own line by half the box and half the stroke, with a little air.
                double offset = h / 2 + Stroke(edge, largest) / 2 + 3;
                // The normal that points up the screen (the side the upright text's top is on), then the other.
                double nx = dy / length, ny = -dx / length;
                LabelBox? found = null;
                foreach (double t in Along)
                {
                    foreach (int side in new[] { 1, -1 })
                    {
                        var box = new LabelBox(from.X + dx * t + side * nx * offset, from.Y + dy * t + side * ny * offset, w, h, angle);
                        if (Clear(box, segments, circles, nodeBoxes, placed, width, height)) { found = box; break; }
                    }
                    if (found.HasValue) break;
                }
                if (found.HasValue)
                {
                    labels.Add(edge, (found.Value, true));
                    placed.Add(found.Value);
                }
            }
            // The rest on their own lines (which other lines may pass under), clear of nodes, values and other labels if possible.
            var noLines = new List<((double X, double Y), (double X, double Y))>();
            foreach (DiagramEdge edge in diagram.Edges.Where(e => e.Label.Length > 0 && !labels.ContainsKey(e)))
            {
                var (from, to) = (place[edge.From], place[edge.To]);
                double dx = to.X - from.X, dy = to.Y - from.Y, angle = Math.Atan2(dy, dx) * 180 / Math.PI;
                var (w, h) = LabelSize(edge.Label);
                LabelBox chosen = Along.Select(t => new LabelBox(from.X + dx * t, from.Y + dy * t, w, h, angle))
                    .Where(b => Clear(b, noLines, circles, nodeBoxes, placed, width, height))
                    .DefaultIfEmpty(new LabelBox(from.X + dx * 0.5, from.Y + dy * 0.5, w, h, angle)).First();
                labels.Add(edge, (chosen, false));
                placed.Add(chosen);
            }
            return labels;
        }

        // An edge's line stops at the target's rim (where its arrowhead ends).
        private static (double X, double Y) End((double X, double Y) from, (double X, double Y) to)
        {
            double dx = to.X - from.X, dy = to.Y - from.Y, length = Math.Sqrt(dx * dx + dy * dy);
            return (to.X - dx / length * Radius, to.Y - dy / length * Radius);
        }

        private static bool Clear(LabelBox box, List<((double X, double Y), (double X, double Y))> segments, List<(double X, double Y)> circles,
            List<LabelBox> nodeBoxes, List<LabelBox> placed, double width, double height)
        {
            if (box.Corners().Any(c => c.X < 4 || c.X > width - 4 || c.Y < Top - 8 || c.Y > height - 4)) return false;
            // Two pixels of air all round, so that no line's stroke (up to 4 wide) touches the box.
            var air = new LabelBox(box.X, box.Y, box.Width + 4, box.Height + 4, box.Angle);
            if (segments.Any(s => air.Crosses(s.Item1, s.Item2))) return false;
            if (circles.Any(c => air.Touches(c.X, c.Y, Radius + 2))) return false;
            return !nodeBoxes.Any(air.Overlaps) && !placed.Any(air.Overlaps);
        }
    }
}
