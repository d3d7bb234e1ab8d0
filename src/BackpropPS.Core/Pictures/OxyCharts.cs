using System.Globalization;
using System.IO;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// What the OxyPlot charts (loss, gradient flow, learning-rate range test) share: the fonts, a legend in an
    /// opaque box outside the plot, a value axis whose ticks reach the data (<see cref="AxisTicks"/>), and the
    /// export, with text measured in the widest of the fonts a viewer may draw it in (<see cref="PictureFonts"/>).
    /// </summary>
    internal static class OxyCharts
    {
        public const double FontSize = 12, TitleFontSize = 16;

        // The chart's padding; the legend's on each side, the sample line and the gap after it, the gap between entries in a row.
        private const double Padding = 8, LegendPadding = 8, SymbolLength = 16, SymbolMargin = 4, ItemSpacing = 24;

        /// <summary>A chart with the pictures' fonts, a white background and numbers with a decimal point in every culture.</summary>
        public static PlotModel Model(string title) => new PlotModel
        {
            Title = title,
            Culture = CultureInfo.InvariantCulture,
            DefaultFont = PictureFonts.Family,
            DefaultFontSize = FontSize,
            TitleFontSize = TitleFontSize,
            Background = OxyColors.White,
            Padding = new OxyThickness(Padding),
        };

        /// <summary>
        /// The legend, outside the plot so that no line runs through it, on a white box: on the right when its
        /// widest entry leaves the plot at least 70 % of the width, else below, entries side by side in rows. It
        /// takes at most 40 % of the chart's height below (or the plot's height beside); the lines beyond that are
        /// drawn but summed up in a last entry, "... and 80 more lines".
        /// </summary>
        public static void AddLegend(PlotModel model, double width, double height)
        {
            // An entry wider than the chart is broken into lines after its commas (a sweep's settings).
            double room = width - 2 * Padding - 2 * LegendPadding - SymbolLength - SymbolMargin - 8;
            var entries = model.Series.ToList();
            foreach (var series in entries) series.Title = Wrap(series.Title, room);
            double widest = entries.Select(s => PictureFonts.Width(s.Title, FontSize)).DefaultIfEmpty(0).Max();
            bool right = 2 * LegendPadding + SymbolLength + SymbolMargin + widest <= 0.3 * width;

            double row = FontSize * PictureFonts.LineHeight * entries.Select(s => s.Title.Split('\n').Length).DefaultIfEmpty(1).Max();
            int perRow = right ? 1 : Math.Max(1, (int)((width - 2 * Padding - 2 * LegendPadding + ItemSpacing) / (SymbolLength + SymbolMargin + widest + ItemSpacing)));
            double budget = (right ? height - 2 * Padding - 3 * TitleFontSize - 3 * FontSize : 0.4 * height) - 2 * LegendPadding;
            int fit = Math.Max(1, (int)(budget / row)) * perRow;
            if (entries.Count > fit)
            {
                foreach (var series in entries.Skip(fit - 1)) series.RenderInLegend = false;
                model.Series.Add(new OxyPlot.Series.LineSeries { Title = $"... and {entries.Count - fit + 1} more lines", Color = OxyColors.Transparent });
            }
            model.Legends.Add(new Legend
            {
                LegendPlacement = LegendPlacement.Outside,
                LegendPosition = right ? LegendPosition.RightTop : LegendPosition.BottomCenter,
                LegendOrientation = right ? LegendOrientation.Vertical : LegendOrientation.Horizontal,
                LegendBackground = OxyColors.White,
                LegendBorder = OxyColors.LightGray,
                LegendBorderThickness = 1,
                LegendFontSize = FontSize,
                LegendPadding = LegendPadding,
                LegendSymbolLength = SymbolLength,
                LegendSymbolMargin = SymbolMargin,
                LegendItemSpacing = ItemSpacing,
                // The whole width of the chart (less its padding), not only the plot's, for the entries below it.
                AllowUseFullExtent = true,
            });
        }

        /// <summary>
        /// <paramref name="text"/> in lines no wider than <paramref name="room"/> pixels where it can be: broken after
        /// ", " or before " (", the parts of a run's name and its final value; a part wider still is cut short with "...".
        /// </summary>
        public static string Wrap(string text, double room)
        {
            if (PictureFonts.Width(text, FontSize) <= room) return text;
            var parts = System.Text.RegularExpressions.Regex.Split(text, @"(?<=, )|(?= \()");
            var lines = new List<string> { "" };
            foreach (string part in parts)
            {
                string last = lines[lines.Count - 1];
                if (last.Length > 0 && PictureFonts.Width(last + part, FontSize) > room) lines.Add(part.TrimStart());
                else lines[lines.Count - 1] = last + part;
            }
            return string.Join("\n", lines.Select(l => Shorten(l.TrimEnd(), room)));
        }

        // The line cut at a character (not inside a surrogate pair) so that it and "..." fit the room; each
        // character counted at its widest, so the cut never runs over.
        private static string Shorten(string line, double room)
        {
            if (PictureFonts.Width(line, FontSize) <= room) return line;
            double left = room - PictureFonts.Width("...", FontSize);
            int keep = 0;
            while (keep < line.Length)
            {
                int size = char.IsHighSurrogate(line[keep]) && keep + 1 < line.Length ? 2 : 1;
                left -= PictureFonts.Width(line.Substring(keep, size), FontSize);
                if (left < 0) break;
                keep += size;
            }
            return line.Substring(0, keep) + "...";
        }

        /// <summary>The value axis on the left, linear or logarithmic, titled; its ticks are chosen at export.</summary>
        public static Axis ValueAxis(bool logarithmic, string title)
        {
            Axis axis = logarithmic ? new TickedLogarithmicAxis() : (Axis)new TickedLinearAxis();
            axis.Position = AxisPosition.Left;
            axis.Title = title;
            axis.AxisTitleDistance = 8;
            axis.MinimumPadding = 0;
            axis.MaximumPadding = 0;
            axis.MajorGridlineStyle = LineStyle.Dot;
            axis.MajorGridlineColor = OxyColors.LightGray;
            axis.LabelFormatter = AxisTicks.Format;
            return axis;
        }

        /// <summary>
        /// Writes the chart as a standalone SVG document, the value axis's ticks reaching from <paramref name="low"/>
        /// to <paramref name="high"/>: drawn once to learn the plot's height (the title and legend take their share),
        /// then again with the ticks that height has room for. Returns those ticks.
        /// </summary>
        public static AxisTicks Export(PlotModel model, Axis valueAxis, double low, double high, TextWriter writer, int width, int height)
        {
            bool logarithmic = valueAxis is LogarithmicAxis;
            SetTicks(valueAxis, AxisTicks.For(low, high, height / 2.0, logarithmic));
            Svg(model, width, height);
            AxisTicks ticks = AxisTicks.For(low, high, Math.Max(model.PlotArea.Height, 1), logarithmic);
            SetTicks(valueAxis, ticks);
            writer.Write(Svg(model, width, height));
            writer.Write('\n');
            return ticks;
        }

        private static void SetTicks(Axis axis, AxisTicks ticks)
        {
            ((ITicked)axis).Ticks = ticks;
            axis.Minimum = ticks.Minimum;
            axis.Maximum = ticks.Maximum;
        }

        private static string Svg(PlotModel model, int width, int height) => new SvgExporter
        {
            Width = width,
            Height = height,
            TextMeasurer = new FontMeasurer(width, height),
            // Positions text without dominant-baseline, which some SVG viewers ignore.
            UseVerticalTextAlignmentWorkaround = true,
        }.ExportToString(model);

        private interface ITicked
        {
            AxisTicks Ticks { get; set; }
        }

        private sealed class TickedLinearAxis : LinearAxis, ITicked
        {
            public AxisTicks Ticks { get; set; }

            public override void GetTickValues(out IList<double> majorLabelValues, out IList<double> majorTickValues, out IList<double> minorTickValues)
            {
                majorLabelValues = Ticks.Labels.ToList();
                majorTickValues = Ticks.Labels.ToList();
                minorTickValues = Ticks.Minor.ToList();
            }
        }

        private sealed class TickedLogarithmicAxis : LogarithmicAxis, ITicked
        {
            public AxisTicks Ticks { get; set; }

            public override void GetTickValues(out IList<double> majorLabelValues, out IList<double> majorTickValues, out IList<double> minorTickValues)
            {
                majorLabelValues = Ticks.Labels.ToList();
                majorTickValues = Ticks.Labels.ToList();
                minorTickValues = Ticks.Minor.ToList();
            }
        }

        /// <summary>
        /// Measures text as <see cref="PictureFonts"/> does (the widest of DejaVu Sans, Liberation Sans and Arial),
        /// so that OxyPlot sizes legends and margins for whichever font a viewer draws in. The PDF context it
        /// derives from is only a measurer here: it is pure managed code, the same on every machine.
        /// </summary>
        private sealed class FontMeasurer : PdfRenderContext
        {
            public FontMeasurer(double width, double height) : base(width, height, OxyColors.White) { }

            public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight) =>
                new OxySize(PictureFonts.Width(text, fontSize, fontWeight >= FontWeights.Bold), PictureFonts.Height(text, fontSize));
        }
    }
}
