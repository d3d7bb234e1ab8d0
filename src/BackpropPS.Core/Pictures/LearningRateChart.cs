using System.Globalization;
using System.IO;
using BackpropPS.Core.Training;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// The chart of a learning-rate range test: the raw and the smoothed loss against the learning rate on a
    /// logarithmic axis, the suggested rate and the blow-up marked, drawn by OxyPlot as the loss chart is.
    /// </summary>
    public static class LearningRateChart
    {
        /// <summary>The colour of the raw losses, light so that the smoothed curve reads first.</summary>
        public const string RawColour = "#A0AEC0";

        /// <summary>The colour of the suggested rate's line and point: what the chart points at.</summary>
        public const string SuggestionColour = PictureColours.Highlight;

        /// <summary>Writes the chart as a standalone SVG document.</summary>
        public static void WriteSvg(LearningRateRangeResult result, TextWriter writer, LineChartSettings settings)
        {
            if (result == null) throw new ArgumentNullException(nameof(result));
            if (writer == null) throw new ArgumentNullException(nameof(writer));
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            if (settings.Title != null) SvgMarkup.CheckTitle(settings.Title);
            if (settings.Width < 100 || settings.Height < 100)
                throw BackpropException.Argument("InvalidChartSize", $"Expected a chart of at least 100 x 100 pixels; got {settings.Width} x {settings.Height}.");
            Draw(result, writer, settings);
        }

        /// <summary>The SVG document as a string.</summary>
        public static string ToSvg(LearningRateRangeResult result, LineChartSettings settings)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture);
            WriteSvg(result, writer, settings);
            return writer.ToString();
        }

        /// <summary>Writes the chart and returns its loss axis's ticks.</summary>
        internal static AxisTicks Draw(LearningRateRangeResult result, TextWriter writer, LineChartSettings settings)
        {
            // A NaN or infinite loss (the blow-up row, at worst) has no place on a chart.
            var rows = result.Rows.Where(r => IsFinite(r.Loss) && IsFinite(r.SmoothedLoss)).ToList();
            if (rows.Count == 0)
                throw BackpropException.Argument("NoLossData", "The range test has no step with a finite loss to draw.");
            PlotModel model = OxyCharts.Model(settings.Title ?? "Learning-rate range test");
            model.Axes.Add(new LogarithmicAxis
            {
                Position = AxisPosition.Bottom, Title = "Learning rate (log scale)",
                Minimum = result.MinLearningRate, Maximum = result.MaxLearningRate,
                MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColors.LightGray, LabelFormatter = AxisTicks.Format,
            });
            // The raw loss of the last steps can leap by orders of magnitude: the axis follows the smoothed curve
            // (which stops just past 4 times its best), so the descent stays readable and the leap runs off the top.
            double low = rows.Min(r => Math.Min(r.Loss, r.SmoothedLoss));
            double high = Math.Max(rows.Max(r => r.SmoothedLoss), rows[0].Loss);
            Axis lossAxis = OxyCharts.ValueAxis(false, "Loss");
            model.Axes.Add(lossAxis);
            model.Series.Add(Line("Loss", RawColour, 1, rows.Select(r => new DataPoint(r.LearningRate, r.Loss))));
            model.Series.Add(Line("Smoothed loss", LineChart.LossColour, 2, rows.Select(r => new DataPoint(r.LearningRate, r.SmoothedLoss))));
            if (result.DivergedAtStep.HasValue)
            {
                LearningRateRangeRow blowUp = result.Rows[result.Rows.Count - 1];
                model.Annotations.Add(Vertical(blowUp.LearningRate, "#4A5568", LineStyle.Dot,
                    "blow-up " + blowUp.LearningRate.ToString("G3", CultureInfo.InvariantCulture)));
            }
            if (result.SuggestedStep.HasValue)
            {
                LearningRateRangeRow suggested = result.Rows[result.SuggestedStep.Value - 1];
                model.Annotations.Add(Vertical(suggested.LearningRate, SuggestionColour, LineStyle.Dash,
                    "suggested " + suggested.LearningRate.ToString("G3", CultureInfo.InvariantCulture)));
                var point = new ScatterSeries
                {
                    Title = "Suggested rate", MarkerType = MarkerType.Circle, MarkerSize = 5,
                    MarkerFill = OxyColor.Parse(SuggestionColour),
                };
                point.Points.Add(new ScatterPoint(suggested.LearningRate, suggested.SmoothedLoss));
                model.Series.Add(point);
            }
            OxyCharts.AddLegend(model, settings.Width, settings.Height);
            return OxyCharts.Export(model, lossAxis, low, high, writer, settings.Width, settings.Height);
        }

        private static LineSeries Line(string title, string colour, double thickness, System.Collections.Generic.IEnumerable<DataPoint> points)
        {
            var series = new LineSeries { Title = title, Color = OxyColor.Parse(colour), StrokeThickness = thickness };
            series.Points.AddRange(points);
            return series;
        }

        private static LineAnnotation Vertical(double x, string colour, LineStyle style, string text) => new LineAnnotation
        {
            Type = LineAnnotationType.Vertical, X = x, Color = OxyColor.Parse(colour), LineStyle = style, StrokeThickness = 1.5,
            Text = text, TextColor = OxyColor.Parse(colour), TextOrientation = AnnotationTextOrientation.Vertical,
        };

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
