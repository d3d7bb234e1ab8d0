using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// Writes a <see cref="Diagram"/> as Graphviz DOT text (render it with <c>dot -Tsvg net.dot</c>). Nodes and
    /// edges carry Graphviz's class attribute ("input", "neuron", "bias", "connection", "bias-connection").
    /// </summary>
    public static class DotDiagram
    {
        /// <summary>Writes the DOT text to <paramref name="writer"/>; <paramref name="stop"/> is checked at every node and edge.</summary>
        public static void Write(Diagram diagram, TextWriter writer, CancellationToken stop = default)
        {
            if (diagram == null) throw new ArgumentNullException(nameof(diagram));
            writer.Write("digraph network {\n");
            writer.Write($"  graph [rankdir=LR, splines=line, nodesep=0.5, ranksep=2.2, labelloc=t, fontname=\"Helvetica\", label={Quote(diagram.Title + "\n" + diagram.Legend)}];\n");
            writer.Write("  node [shape=circle, fixedsize=true, width=0.7, fontname=\"Helvetica\", style=filled, fillcolor=\"#e6f0fa\"];\n");
            writer.Write("  edge [fontname=\"Helvetica\", fontsize=10, arrowsize=0.7];\n");
            foreach (var column in diagram.Nodes.GroupBy(n => n.Column).OrderBy(g => g.Key))
            {
                writer.Write($"  subgraph column{column.Key.ToString(CultureInfo.InvariantCulture)} {{\n    rank=same;\n");
                foreach (DiagramNode node in column)
                {
                    stop.ThrowIfCancellationRequested();
                    writer.Write("    " + NodeLine(node) + "\n");
                }
                writer.Write("  }\n");
            }
            foreach (DiagramEdge edge in diagram.Edges)
            {
                stop.ThrowIfCancellationRequested();
                writer.Write("  " + EdgeLine(edge) + "\n");
            }
            writer.Write("}\n");
        }

        /// <summary>The DOT text as a string.</summary>
        public static string ToText(Diagram diagram)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            Write(diagram, writer);
            return writer.ToString();
        }

        private static string NodeLine(DiagramNode node)
        {
            string label = node.Detail.Length == 0 ? node.Label : node.Label + "\n" + node.Detail;
            var line = new StringBuilder($"{Quote(node.Id)} [class={Quote(node.Kind.ToString().ToLowerInvariant())}, label={Quote(label)}, tooltip={Quote(node.Tooltip)}");
            if (node.Kind == DiagramNodeKind.Bias) line.Append(", shape=box, fixedsize=false, style=\"rounded,filled\", fillcolor=\"#fdf6e3\"");
            else if (node.Kind == DiagramNodeKind.Input) line.Append(", fillcolor=\"#eef2f7\"");
            // A circle around several lines of values grows huge; an ellipse fits them.
            if (node.Detail.Length > 0 && node.Kind != DiagramNodeKind.Bias) line.Append(", shape=ellipse, fixedsize=false");
            return line.Append("];").ToString();
        }

        private static string EdgeLine(DiagramEdge edge)
        {
            string colour = PictureColours.OfSign(edge.Value);
            var line = new StringBuilder($"{Quote(edge.From)} -> {Quote(edge.To)} [class={Quote(edge.IsBias ? "bias-connection" : "connection")}, color={Quote(colour)}");
            if (edge.Label.Length > 0) line.Append($", label={Quote(edge.Label)}, fontcolor={Quote(colour)}");
            line.Append($", tooltip={Quote(edge.Tooltip)}");
            if (edge.IsBias) line.Append(", style=dashed");
            return line.Append("];").ToString();
        }

        // A DOT double-quoted string: backslash and quote escaped, line breaks as \n (centred lines).
        private static string Quote(string text) =>
            "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
    }
}
