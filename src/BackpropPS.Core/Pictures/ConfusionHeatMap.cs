using System.Globalization;
using System.IO;
using System.Xml;
using static BackpropPS.Core.Pictures.SvgMarkup;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// A confusion matrix as an SVG heat map: rows are the actual labels, columns the predicted ones, one
    /// g class="cell" per pair with its count printed. A cell's shade is its share of its row (white 0, full
    /// blue the whole row), so a rare class's mistakes show as clearly as a common one's and the diagonal
    /// reads as each class's recall. The accuracy is in the title.
    /// </summary>
    public static class ConfusionHeatMap
    {
        private const double Margin = 16, Heading = 60, AxisTitle = 22, FontSize = 12, MinCell = 44;

        /// <summary>
        /// The most classes a heat map draws: 65,536 cells, a picture of some 8 MB that no screen shows whole. A task of
        /// more classes (ImageNet's 1,000) reads better as the report's rows than as a picture.
        /// </summary>
        public const int MaxLabels = 256;

        /// <summary>Writes the heat map of <paramref name="counts"/>[actual, predicted] to <paramref name="writer"/>.</summary>
        public static void Write(IReadOnlyList<string> labels, int[,] counts, TextWriter writer, string title = "Confusion matrix")
        {
            if (writer == null) throw new ArgumentNullException(nameof(writer));
            Validate(labels, counts);
            int n = labels.Count;
            // Sums as long: each count fits an int, their sum need not.
            long[] rowTotals = Enumerable.Range(0, n).Select(a => Enumerable.Range(0, n).Sum(p => (long)counts[a, p])).ToArray();
            long total = rowTotals.Sum(), correct = Enumerable.Range(0, n).Sum(k => (long)counts[k, k]);
            string heading = (title ?? "") + (total == 0 ? ": no samples"
                : string.Format(CultureInfo.InvariantCulture, ": accuracy {0} ({1} of {2})", Percent.Of((double)correct / total, 2), correct, total));
            string[] recalls = Enumerable.Range(0, n).Select(a => rowTotals[a] == 0 ? "no samples"
                : string.Format(CultureInfo.InvariantCulture, "recall {0} (n = {1})", Percent.Of((double)counts[a, a] / rowTotals[a], 2), rowTotals[a])).ToArray();

            double widestLabel = labels.Max(l => TextWidth(l, FontSize));
            double widestCount = counts.Cast<int>().Max(c => TextWidth(c.ToString(CultureInfo.InvariantCulture), FontSize));
            double cell = Math.Max(MinCell, widestCount + 12);
            // Column labels wider than a cell are turned 45 degrees so they do not run into each other.
            bool slanted = widestLabel > cell - 6;
            double header = slanted ? widestLabel * 0.72 + 12 : 20;
            double left = Margin + AxisTitle + widestLabel + 8, top = Heading + AxisTitle + header;
            double rightNotes = recalls.Max(r => TextWidth(r, 11)) + 12;
            double width = Math.Max(left + n * cell + rightNotes + Margin, 2 * Margin + TextWidth(heading, 15, bold: true));
            double height = top + n * cell + Margin;

            using (XmlWriter xml = Create(writer))
            {
                StartDocument(xml, width, height, heading);
                SvgMarkup.Text(xml, heading, width / 2, 26, "middle", "caption", "font-size", "15", "font-weight", "bold");
                SvgMarkup.Text(xml, "Rows: actual label; columns: predicted label; shade: the cell's share of its row", width / 2, 44,
                    "middle", "legend", "font-size", "11", "fill", "#555555");
                SvgMarkup.Text(xml, "Predicted", left + n * cell / 2, Heading + 14, "middle", "axis-title", "font-weight", "bold");
                double middle = top + n * cell / 2;
                SvgMarkup.Text(xml, "Actual", Margin + 14, middle, "middle", "axis-title", "font-weight", "bold",
                    "transform", $"rotate(-90 {N(Margin + 14)} {N(middle)})");
                for (int p = 0; p < n; p++)
                {
                    double x = left + p * cell + cell / 2, y = top - 6;
                    if (slanted)
                        SvgMarkup.Text(xml, labels[p], x, y, "start", "predicted-label", "transform", $"rotate(-45 {N(x)} {N(y)})");
                    else
                        SvgMarkup.Text(xml, labels[p], x, y, "middle", "predicted-label");
                }
                for (int a = 0; a < n; a++)
                {
                    double y = top + a * cell;
                    SvgMarkup.Text(xml, labels[a], left - 8, y + cell / 2 + 4, "end", "actual-label");
                    for (int p = 0; p < n; p++) WriteCell(xml, labels, counts, a, p, rowTotals[a], left + p * cell, y, cell);
                    SvgMarkup.Text(xml, recalls[a], left + n * cell + 8, y + cell / 2 + 4, "start", "row-note", "font-size", "11", "fill", "#555555");
                }
                xml.WriteEndElement();
            }
            writer.Write('\n');
        }

        /// <summary>The SVG document as a string.</summary>
        public static string ToText(IReadOnlyList<string> labels, int[,] counts, string title = "Confusion matrix")
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            Write(labels, counts, writer, title);
            return writer.ToString();
        }

        private static void WriteCell(XmlWriter xml, IReadOnlyList<string> labels, int[,] counts, int a, int p, long rowTotal, double x, double y, double cell)
        {
            int count = counts[a, p];
            double share = rowTotal == 0 ? 0 : (double)count / rowTotal;
            string tooltip = string.Format(CultureInfo.InvariantCulture, "actual {0}, predicted {1}: {2} ({3} of {0})",
                labels[a], labels[p], count, Percent.Of(share, 1));
            StartGroup(xml, tooltip, "class", "cell", "data-actual", labels[a], "data-predicted", labels[p],
                "data-count", count.ToString(CultureInfo.InvariantCulture));
            Element(xml, "rect", "x", N(x), "y", N(y), "width", N(cell), "height", N(cell), "fill", Shade(share),
                "stroke", a == p ? "#1a365d" : "#dddddd", "stroke-width", a == p ? "1.5" : "1");
            SvgMarkup.Text(xml, count.ToString(CultureInfo.InvariantCulture), x + cell / 2, y + cell / 2 + 4, "middle", "count",
                "fill", share > 0.55 ? "white" : "#1a202c", "font-weight", a == p ? "bold" : null);
            xml.WriteEndElement();
        }

        // White at 0, the module's blue (positive, more) at 1.
        private static string Shade(double share) => PictureColours.Hex(PictureColours.Mix(PictureColours.Positive, share));

        private static void Validate(IReadOnlyList<string> labels, int[,] counts)
        {
            if (labels == null || labels.Count == 0)
                throw BackpropException.Argument("InvalidConfusionMatrix", "Expected at least one class label; got none.");
            if (labels.Count > MaxLabels)
            {
                throw new BackpropException("TooManyClasses", BackpropErrorKind.LimitsExceeded,
                    $"A confusion-matrix picture draws at most {MaxLabels} classes; the report has {Wording.Number(labels.Count)}. Export its ConfusionMatrix rows with Export-Csv instead.");
            }
            if (counts == null || counts.GetLength(0) != labels.Count || counts.GetLength(1) != labels.Count)
            {
                throw BackpropException.Argument("InvalidConfusionMatrix",
                    $"Expected {labels.Count} x {labels.Count} counts, one per actual and predicted label; got {counts?.GetLength(0) ?? 0} x {counts?.GetLength(1) ?? 0}.");
            }
            if (counts.Cast<int>().Any(c => c < 0))
                throw BackpropException.Argument("InvalidConfusionMatrix", "Expected counts of 0 or more; got a negative one.");
        }
    }
}
