using System.Globalization;
using System.IO;
using System.Threading;
using System.Xml;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// Writes a <see cref="Diagram"/> as a standalone SVG that opens in a browser. Every element a reader might
    /// count carries a class: "input", "neuron" and "bias" nodes, "connection" and "bias-connection" edges.
    /// Hovering shows each value in full. The output depends only on the diagram (no clock, no culture).
    /// </summary>
    public static class SvgDiagram
    {
        private const string Ns = "http://www.w3.org/2000/svg";
        private const double ColumnGap = 360, RowGap = 110, Radius = 26, MarginX = 90, Top = 70, Bottom = 40;
        private const string Positive = "#2b6cb0", Negative = "#c53030", Zero = "#888888";

        /// <summary>Writes the SVG document to <paramref name="writer"/>; <paramref name="stop"/> is checked at every node and edge.</summary>
        public static void Write(Diagram diagram, TextWriter writer, CancellationToken stop = default)
        {
            if (diagram == null) throw new ArgumentNullException(nameof(diagram));
            var counts = diagram.Nodes.GroupBy(n => n.Column).ToDictionary(g => g.Key, g => g.Count());
            int tallest = counts.Values.Max();
            double width = 2 * MarginX + (diagram.Columns - 1) * ColumnGap;
            double height = Top + tallest * RowGap + Bottom;
            var place = diagram.Nodes.ToDictionary(n => n.Id, n => Position(n, counts[n.Column], tallest));
            double largest = diagram.Edges.Select(e => Math.Abs(e.Value)).DefaultIfEmpty(0).Max();

            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true };
            using (XmlWriter xml = XmlWriter.Create(writer, settings))
            {
                xml.WriteStartElement("svg", Ns);
                Attributes(xml, "width", N(width), "height", N(height), "viewBox", $"0 0 {N(width)} {N(height)}",
                    "font-family", "Helvetica, Arial, sans-serif", "font-size", "12");
                xml.WriteElementString("title", Ns, diagram.Title);
                xml.WriteStartElement("defs", Ns);
                xml.WriteStartElement("marker", Ns);
                Attributes(xml, "id", "arrow", "viewBox", "0 0 10 10", "refX", "10", "refY", "5",
                    "markerWidth", "9", "markerHeight", "9", "markerUnits", "userSpaceOnUse", "orient", "auto");
                Element(xml, "path", "d", "M 0 0 L 10 5 L 0 10 z", "fill", "#555555");
                xml.WriteEndElement();
                xml.WriteEndElement();
                Element(xml, "rect", "width", "100%", "height", "100%", "fill", "white");
                Text(xml, diagram.Title, width / 2, 30, "middle", "caption", "font-size", "15", "font-weight", "bold");
                Text(xml, diagram.Legend, width / 2, 50, "middle", "legend", "font-size", "11", "fill", "#555555");

                xml.WriteStartElement("g", Ns);
                xml.WriteAttributeString("class", "edges");
                foreach (DiagramEdge edge in diagram.Edges)
                {
                    stop.ThrowIfCancellationRequested();
                    WriteEdge(xml, edge, place[edge.From], place[edge.To], largest);
                }
                xml.WriteEndElement();

                xml.WriteStartElement("g", Ns);
                xml.WriteAttributeString("class", "nodes");
                foreach (DiagramNode node in diagram.Nodes)
                {
                    stop.ThrowIfCancellationRequested();
                    WriteNode(xml, node, place[node.Id]);
                }
                xml.WriteEndElement();

                xml.WriteEndElement();
            }
            writer.WriteLine();
        }

        /// <summary>The SVG document as a string.</summary>
        public static string ToText(Diagram diagram)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            Write(diagram, writer);
            return writer.ToString();
        }

        // Columns left to right; each column centred vertically on the tallest.
        private static (double X, double Y) Position(DiagramNode node, int count, int tallest)
        {
            double x = MarginX + node.Column * ColumnGap;
            double y = Top + (tallest - count) * RowGap / 2 + node.Row * RowGap + RowGap / 2 - 10;
            return (x, y);
        }

        private static void WriteEdge(XmlWriter xml, DiagramEdge edge, (double X, double Y) from, (double X, double Y) to, double largest)
        {
            double dx = to.X - from.X, dy = to.Y - from.Y, length = Math.Sqrt(dx * dx + dy * dy);
            // Stop at the target's rim so that the arrowhead shows; the start is hidden under the source node.
            double endX = to.X - dx / length * Radius, endY = to.Y - dy / length * Radius;
            string colour = edge.Value > 0 ? Positive : edge.Value < 0 ? Negative : Zero;
            double stroke = largest > 0 ? 0.75 + 3.25 * Math.Abs(edge.Value) / largest : 1.0;

            xml.WriteStartElement("g", Ns);
            Attributes(xml, "class", edge.IsBias ? "bias-connection" : "connection", "data-parameter", edge.Parameter,
                "data-from", edge.From, "data-to", edge.To);
            xml.WriteElementString("title", Ns, edge.Tooltip);
            Element(xml, "line", "x1", N(from.X), "y1", N(from.Y), "x2", N(endX), "y2", N(endY),
                "stroke", colour, "stroke-width", N(stroke), "marker-end", "url(#arrow)",
                "stroke-dasharray", edge.IsBias ? "5 4" : null);
            if (edge.Label.Length > 0)
            {
                // Along the edge and near its source, where the edges of one node fan apart, so that labels
                // do not collide; a white halo keeps them readable where edges cross.
                double x = from.X + dx * 0.3, y = from.Y + dy * 0.3;
                double angle = Math.Atan2(dy, dx) * 180 / Math.PI;
                Text(xml, edge.Label, x, y - 4, "middle", null, "transform", $"rotate({N(angle)} {N(x)} {N(y)})", "fill", colour,
                    "stroke", "white", "stroke-width", "3", "paint-order", "stroke", "font-size", "11");
            }
            xml.WriteEndElement();
        }

        private static void WriteNode(XmlWriter xml, DiagramNode node, (double X, double Y) at)
        {
            xml.WriteStartElement("g", Ns);
            Attributes(xml, "class", node.Kind.ToString().ToLowerInvariant(), "id", node.Id);
            xml.WriteElementString("title", Ns, node.Tooltip);
            if (node.Kind == DiagramNodeKind.Bias)
            {
                double w = Math.Max(44, 7 * node.Label.Length + 16);
                Element(xml, "rect", "x", N(at.X - w / 2), "y", N(at.Y - 14), "width", N(w), "height", "28", "rx", "6",
                    "fill", "#fdf6e3", "stroke", "#b7950b", "stroke-width", "1.5");
                Text(xml, node.Label, at.X, at.Y + 4, "middle", null);
            }
            else
            {
                string fill = node.Kind == DiagramNodeKind.Input ? "#eef2f7" : "#e6f0fa";
                Element(xml, "circle", "cx", N(at.X), "cy", N(at.Y), "r", N(Radius), "fill", fill, "stroke", "#2c3e50", "stroke-width", "1.5");
                Text(xml, node.Label, at.X, at.Y + 5, "middle", null, "font-size", "14", "font-weight", "bold");
                string[] lines = node.Detail.Length == 0 ? new string[0] : node.Detail.Split('\n');
                for (int k = 0; k < lines.Length; k++)
                    Text(xml, lines[k], at.X, at.Y + Radius + 14 + 13 * k, "middle", null, "font-size", "11", "fill", "#333333");
            }
            xml.WriteEndElement();
        }

        private static void Text(XmlWriter xml, string text, double x, double y, string anchor, string cssClass, params string[] more)
        {
            xml.WriteStartElement("text", Ns);
            Attributes(xml, "x", N(x), "y", N(y), "text-anchor", anchor, "class", cssClass);
            Attributes(xml, more);
            xml.WriteString(text);
            xml.WriteEndElement();
        }

        private static void Element(XmlWriter xml, string name, params string[] attributes)
        {
            xml.WriteStartElement(name, Ns);
            Attributes(xml, attributes);
            xml.WriteEndElement();
        }

        // Name/value pairs; a null value leaves the attribute out.
        private static void Attributes(XmlWriter xml, params string[] pairs)
        {
            for (int k = 0; k < pairs.Length; k += 2)
                if (pairs[k + 1] != null) xml.WriteAttributeString(pairs[k], pairs[k + 1]);
        }

        private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
    }
}
