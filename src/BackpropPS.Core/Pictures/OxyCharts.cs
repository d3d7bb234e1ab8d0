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
        /// widest entry leaves the plot at least 70 % of the width, else below, entries side by side in rows.
        /// </summary>
        public static void AddLegend(PlotModel model, double width)
        {
            // An entry wider than the chart is broken into lines after its commas (a sweep's settings).
            double room = width - 2 * Padding - 2 * LegendPadding - SymbolLength - SymbolMargin - 8;
            foreach (var series in model.Series) series.Title = Wrap(series.Title, room);
            double widest = model.Series.Select(s => PictureFonts.Width(s.Title, FontSize)).DefaultIfEmpty(0).Max();
            bool right = 2 * LegendPadding + SymbolLength + SymbolMargin + widest <= 0.3 * width;
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
        /// ", " or before " (", the parts of a run's name and its final value.
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
            return string.Join("\n", lines.Select(l => l.TrimEnd()));
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
