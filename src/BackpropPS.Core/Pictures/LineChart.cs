using System.Globalization;
using System.IO;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace BackpropPS.Core.Pictures
{
    /// <summary>One point of a training history: the loss after an epoch, and the validation loss when there is one.</summary>
    public sealed class LossPoint
    {
        /// <summary>Creates a point.</summary>
        public LossPoint(double epoch, double loss, double? validationLoss = null, string run = null)
        {
            Epoch = epoch;
            Loss = loss;
            ValidationLoss = validationLoss;
            Run = run;
        }

        /// <summary>The run the point belongs to (its legend entry), or null when the chart shows one run.</summary>
        public string Run { get; }

        /// <summary>The epoch (the x axis).</summary>
        public double Epoch { get; }

        /// <summary>The training loss.</summary>
        public double Loss { get; }

        /// <summary>The validation loss, if any.</summary>
        public double? ValidationLoss { get; }
    }

    /// <summary>What a line chart looks like.</summary>
    public sealed class LineChartSettings
    {
        /// <summary>The caption; null for one that says what is drawn ("Training and validation loss").</summary>
        public string Title { get; set; }

        /// <summary>Width in pixels.</summary>
        public int Width { get; set; } = 640;

        /// <summary>Height in pixels.</summary>
        public int Height { get; set; } = 400;

        /// <summary>The value axis's title; by default "Loss". A logarithmic axis adds " (log scale)".</summary>
        public string ValueTitle { get; set; }

        /// <summary>
        /// A logarithmic value axis (true), a linear one (false), or null to choose: logarithmic when every value
        /// is above 0 and the largest is more than <see cref="AxisTicks.LogarithmicRatio"/> times the smallest.
        /// </summary>
        public bool? Logarithmic { get; set; }
    }

    /// <summary>
    /// A line chart of loss against epoch, drawn by OxyPlot's SVG exporter: one line per run (and a dashed one for
    /// its validation loss), a title that says what is drawn, a legend in an opaque box beside or below the plot
    /// with each line's final value, and a value axis whose labelled ticks reach the data (see <see cref="OxyCharts"/>).
    /// Culture-independent: numbers always use a decimal point.
    /// </summary>
    public static class LineChart
    {
        /// <summary>The colour of the training-loss line (the first line of several).</summary>
        public const string LossColour = PictureColours.Positive;

        /// <summary>The colour of the validation-loss line of a single run.</summary>
        public const string ValidationColour = PictureColours.Negative;

        /// <summary>Writes the chart as a standalone SVG document.</summary>
        public static void WriteSvg(IReadOnlyList<LossPoint> points, TextWriter writer, LineChartSettings settings = null)
        {
            if (writer == null) throw new ArgumentNullException(nameof(writer));
            Draw(points, writer, settings);
        }

        /// <summary>The SVG document as a string.</summary>
        public static string ToSvg(IReadOnlyList<LossPoint> points, LineChartSettings settings = null)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture);
            WriteSvg(points, writer, settings);
            return writer.ToString();
        }

        /// <summary>Writes the chart and returns its value axis's ticks.</summary>
        internal static AxisTicks Draw(IReadOnlyList<LossPoint> points, TextWriter writer, LineChartSettings settings)
        {
            settings = settings ?? new LineChartSettings();
            Validate(points, settings);
            // Runs in the order they first come, each its own line; points without a run are the one run of a history.
            var runs = points.GroupBy(p => p.Run).ToList();
            bool several = runs.Count > 1 || runs[0].Key != null;
            bool validation = points.Any(p => p.ValidationLoss.HasValue);
            var values = points.Select(p => p.Loss).Concat(points.Where(p => p.ValidationLoss.HasValue).Select(p => p.ValidationLoss.Value)).ToList();
            double low = values.Min(), high = values.Max();
            bool logarithmic = settings.Logarithmic ?? AxisTicks.ShouldBeLogarithmic(low, high);

            PlotModel model = OxyCharts.Model(settings.Title ?? Title(validation, several ? runs.Count : 1));
            model.Axes.Add(new LinearAxis
            {
                Position = AxisPosition.Bottom, Title = "Epoch", MinimumPadding = 0.02, MaximumPadding = 0.02,
                MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColors.LightGray,
            });
            Axis valueAxis = OxyCharts.ValueAxis(logarithmic, (settings.ValueTitle ?? "Loss") + (logarithmic ? " (log scale)" : ""));
            model.Axes.Add(valueAxis);

            for (int k = 0; k < runs.Count; k++)
            {
                var ordered = runs[k].OrderBy(p => p.Epoch).ToList();
                string name = runs[k].Key ?? "Training loss";
                string colour = several ? PictureColours.Lines[k % PictureColours.Lines.Count] : LossColour;
                model.Series.Add(Line(name, colour, ordered.Select(p => new DataPoint(p.Epoch, p.Loss)).ToList()));
                var held = ordered.Where(p => p.ValidationLoss.HasValue).ToList();
                if (held.Count == 0) continue;
                LineSeries line = Line(several ? name + " (validation)" : "Validation loss", several ? colour : ValidationColour,
                    held.Select(p => new DataPoint(p.Epoch, p.ValidationLoss.Value)).ToList());
                if (several) line.LineStyle = LineStyle.Dash;
                model.Series.Add(line);
            }
            OxyCharts.AddLegend(model, settings.Width, settings.Height);
            return OxyCharts.Export(model, valueAxis, low, high, writer, settings.Width, settings.Height);
        }

        /// <summary>What a chart of these lines shows, as its default title.</summary>
        internal static string Title(bool validation, int runs) =>
            (validation ? "Training and validation loss" : "Training loss") +
            (runs > 1 ? $" of {runs} runs" + (validation ? " (validation dashed)" : "") : "");

        /// <summary>A line's legend entry: its name and its last value, which a reader cannot read off a line to 3 digits.</summary>
        internal static string Entry(string name, double last)
        {
            // Three digits; below 0.0001 in the exponent form of the axis's labels (4.43E-6).
            bool plain = last == 0 || Math.Abs(last) >= 1e-4;
            return $"{name} (final {last.ToString(plain ? "G3" : "0.##E+0", CultureInfo.InvariantCulture)})";
        }

        private static LineSeries Line(string name, string colour, List<DataPoint> points)
        {
            var series = new LineSeries
            {
                Title = Entry(name, points[points.Count - 1].Y),
                Color = OxyColor.Parse(colour),
                StrokeThickness = 2,
                // Markers show each epoch while there are few enough to tell apart.
                MarkerType = points.Count <= 50 ? MarkerType.Circle : MarkerType.None,
                MarkerSize = 3,
                MarkerFill = OxyColor.Parse(colour),
            };
            series.Points.AddRange(points);
            return series;
        }

        private static void Validate(IReadOnlyList<LossPoint> points, LineChartSettings settings)
        {
            if (settings.Title != null) SvgMarkup.CheckTitle(settings.Title);
            if (points == null || points.Count == 0)
                throw BackpropException.Argument("NoLossData", "Expected at least one object with Epoch and Loss; got none.");
            if (settings.Width < 100 || settings.Height < 100)
                throw BackpropException.Argument("InvalidChartSize", $"Expected a chart of at least 100 x 100 pixels; got {settings.Width} x {settings.Height}.");
            foreach (LossPoint p in points)
            {
                bool finite = IsFinite(p.Epoch) && IsFinite(p.Loss) && (!p.ValidationLoss.HasValue || IsFinite(p.ValidationLoss.Value));
                if (!finite)
                    throw BackpropException.Argument("NonFiniteLoss", $"Epoch, Loss and ValidationLoss must be finite numbers; epoch {p.Epoch} has NaN or infinity.");
                if (settings.Logarithmic == true && (p.Loss <= 0 || p.ValidationLoss <= 0))
                {
                    throw BackpropException.Argument("NonPositiveLoss", FormattableString.Invariant(
                        $"A logarithmic loss axis needs losses above 0; epoch {p.Epoch} has {Math.Min(p.Loss, p.ValidationLoss ?? p.Loss)}."));
                }
            }
        }

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
