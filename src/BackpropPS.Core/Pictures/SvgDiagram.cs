using System.Globalization;
using System.IO;
using System.Threading;
using System.Xml;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// Writes a <see cref="Diagram"/> as a standalone SVG that opens in a browser. Every element a reader might
    /// count carries a class: "input", "neuron" and "bias" nodes, "connection" and "bias-connection" edges, and
    /// each edge's "label-box" and its text. Edges are coloured by sign (<see cref="PictureColours"/>); labels sit
    /// where no line crosses them (<see cref="DiagramLayout"/>). Hovering shows each value in full. The output
    /// depends only on the diagram (no clock, no culture).
    /// </summary>
    public static class SvgDiagram
    {
        private const string Ns = "http://www.w3.org/2000/svg";
        private const double Radius = DiagramLayout.Radius;

        /// <summary>Writes the SVG document to <paramref name="writer"/>; <paramref name="stop"/> is checked at every node and edge.</summary>
        public static void Write(Diagram diagram, TextWriter writer, CancellationToken stop = default)
        {
            if (diagram == null) throw new ArgumentNullException(nameof(diagram));
            double titleWidth = Math.Max(PictureFonts.Width(diagram.Title, 15, bold: true), PictureFonts.Width(diagram.Legend, 11));
            DiagramLayout layout = DiagramLayout.Of(diagram, titleWidth);
            double width = layout.Width, height = layout.Height;
            double largest = diagram.Edges.Select(e => Math.Abs(e.Value)).DefaultIfEmpty(0).Max();

            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true };
            using (XmlWriter xml = XmlWriter.Create(writer, settings))
            {
                xml.WriteStartElement("svg", Ns);
                Attributes(xml, "width", N(width), "height", N(height), "viewBox", $"0 0 {N(width)} {N(height)}",
                    "font-family", PictureFonts.Family, "font-size", "12");
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
                Text(xml, diagram.Legend, width / 2, 50, "middle", "legend", "font-size", "11", "fill", PictureColours.Note);

                xml.WriteStartElement("g", Ns);
                xml.WriteAttributeString("class", "edges");
                foreach (DiagramEdge edge in diagram.Edges)
                {
                    stop.ThrowIfCancellationRequested();
                    bool clear = layout.Labels.TryGetValue(edge, out var label) && label.Clear;
                    WriteEdge(xml, edge, layout.Place[edge.From], layout.Place[edge.To], largest);
                    if (clear) WriteLabel(xml, edge, label.Box, clear: true);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();

                // A label with no clear place lies on the middle of its own line, on top of every line.
                var onLines = diagram.Edges.Where(e => layout.Labels.TryGetValue(e, out var l) && !l.Clear).ToList();
                if (onLines.Count > 0)
                {
                    xml.WriteStartElement("g", Ns);
                    xml.WriteAttributeString("class", "labels-on-lines");
                    foreach (DiagramEdge edge in onLines)
                    {
                        xml.WriteStartElement("g", Ns);
                        Attributes(xml, "class", "label-on-line", "data-parameter", edge.Parameter);
                        WriteLabel(xml, edge, layout.Labels[edge].Box, clear: false);
                        xml.WriteEndElement();
                    }
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("g", Ns);
                xml.WriteAttributeString("class", "nodes");
                foreach (DiagramNode node in diagram.Nodes)
                {
                    stop.ThrowIfCancellationRequested();
                    WriteNode(xml, node, layout.Place[node.Id]);
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

        // Opens the edge's group (the caller closes it, after the label) and draws its line.
        private static void WriteEdge(XmlWriter xml, DiagramEdge edge, (double X, double Y) from, (double X, double Y) to, double largest)
        {
            double dx = to.X - from.X, dy = to.Y - from.Y, length = Math.Sqrt(dx * dx + dy * dy);
            // Stop at the target's rim so that the arrowhead shows; the start is hidden under the source node.
            double endX = to.X - dx / length * Radius, endY = to.Y - dy / length * Radius;
            xml.WriteStartElement("g", Ns);
            Attributes(xml, "class", edge.IsBias ? "bias-connection" : "connection", "data-parameter", edge.Parameter,
                "data-from", edge.From, "data-to", edge.To);
            xml.WriteElementString("title", Ns, edge.Tooltip);
            Element(xml, "line", "x1", N(from.X), "y1", N(from.Y), "x2", N(endX), "y2", N(endY),
                "stroke", PictureColours.OfSign(edge.Value), "stroke-width", N(DiagramLayout.Stroke(edge, largest)), "marker-end", "url(#arrow)",
                "stroke-dasharray", edge.IsBias ? "5 4" : null);
        }

        // The label on a white box, turned to follow its line: beside it, or (with no clear place) on it.
        private static void WriteLabel(XmlWriter xml, DiagramEdge edge, LabelBox box, bool clear)
        {
            string colour = PictureColours.OfSign(edge.Value), turn = $"rotate({N(box.Angle)} {N(box.X)} {N(box.Y)})";
            Element(xml, "rect", "class", "label-box", "x", N(box.X - box.Width / 2), "y", N(box.Y - box.Height / 2),
                "width", N(box.Width), "height", N(box.Height), "rx", "3", "fill", "white", "stroke", colour, "stroke-width", "0.6",
                "stroke-opacity", "0.6", "transform", turn, "data-placement", clear ? "beside" : "on-line");
            Text(xml, edge.Label, box.X, box.Y + 4, "middle", null, "transform", turn, "fill", colour, "font-size", N(DiagramLayout.LabelFontSize));
        }

        private static void WriteNode(XmlWriter xml, DiagramNode node, (double X, double Y) at)
        {
            xml.WriteStartElement("g", Ns);
            Attributes(xml, "class", node.Kind.ToString().ToLowerInvariant(), "id", node.Id);
            xml.WriteElementString("title", Ns, node.Tooltip);
            if (node.Kind == DiagramNodeKind.Bias)
            {
                var (w, h) = DiagramLayout.BiasSize(node);
                Element(xml, "rect", "x", N(at.X - w / 2), "y", N(at.Y - h / 2), "width", N(w), "height", N(h), "rx", "6",
                    "fill", "#fdf6e3", "stroke", "#b7950b", "stroke-width", "1.5");
                Text(xml, node.Label, at.X, at.Y + 4, "middle", null);
            }
            else
            {
                string fill = node.Kind == DiagramNodeKind.Input ? "#eef2f7" : "#e6f0fa";
                Element(xml, "circle", "cx", N(at.X), "cy", N(at.Y), "r", N(Radius), "fill", fill, "stroke", "#2c3e50", "stroke-width", "1.5");
                Text(xml, node.Label, at.X, at.Y + 5, "middle", null, "font-size", "14", "font-weight", "bold");
                string[] lines = DiagramLayout.DetailLines(node);
                // A white halo keeps the values readable where an edge passes behind them.
                for (int k = 0; k < lines.Length; k++)
                {
                    Text(xml, lines[k], at.X, at.Y + Radius + 14 + DiagramLayout.DetailLine * k, "middle", null, "font-size", N(DiagramLayout.DetailFontSize),
                        "fill", "#333333", "stroke", "white", "stroke-width", "3", "paint-order", "stroke");
                }
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
