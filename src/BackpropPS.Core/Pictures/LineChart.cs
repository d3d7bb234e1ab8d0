using System.Globalization;
using System.IO;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
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
        /// <summary>The caption.</summary>
        public string Title { get; set; } = "Training loss";

        /// <summary>Width in pixels.</summary>
        public int Width { get; set; } = 640;

        /// <summary>Height in pixels.</summary>
        public int Height { get; set; } = 400;

        /// <summary>The value axis's title; by default "Loss". A logarithmic axis adds " (log scale)".</summary>
        public string ValueTitle { get; set; }

        /// <summary>The legend beside the plot, on the right, rather than over it: for charts of many lines.</summary>
        public bool LegendOutside { get; set; }

        /// <summary>A logarithmic value axis, where late, small improvements stay visible.</summary>
        public bool Logarithmic { get; set; }
    }

    /// <summary>
    /// A line chart of loss against epoch, with axes, titles and (when there is validation loss) a legend,
    /// drawn by OxyPlot's SVG exporter. Culture-independent: numbers always use a decimal point.
    /// </summary>
    public static class LineChart
    {
        /// <summary>The colour of the training-loss line.</summary>
        public const string LossColour = "#2B6CB0";

        /// <summary>The colour of the validation-loss line.</summary>
        public const string ValidationColour = "#DD6B20";

        // One colour per run, in order (Tableau 10, starting with the single-run colours); a run's validation loss is dashed.
        private static readonly string[] RunColours =
            { LossColour, ValidationColour, "#2F855A", "#C53030", "#6B46C1", "#8C564B", "#D53F8C", "#4A5568", "#B7791F", "#00A3C4" };

        /// <summary>Writes the chart as a standalone SVG document.</summary>
        public static void WriteSvg(IReadOnlyList<LossPoint> points, TextWriter writer, LineChartSettings settings = null)
        {
            if (writer == null) throw new ArgumentNullException(nameof(writer));
            settings = settings ?? new LineChartSettings();
            Export(Model(points, settings), writer, settings.Width, settings.Height);
        }

        /// <summary>Writes an OxyPlot chart as a standalone SVG document, its text measured the same on every machine.</summary>
        internal static void Export(PlotModel model, TextWriter writer, int width, int height)
        {
            var exporter = new SvgExporter
            {
                Width = width,
                Height = height,
                TextMeasurer = new PixelTextMeasurer(width, height),
                // Positions text without dominant-baseline, which some SVG viewers ignore.
                UseVerticalTextAlignmentWorkaround = true,
            };
            writer.Write(exporter.ExportToString(model));
            writer.Write('\n');
        }

        /// <summary>The SVG document as a string.</summary>
        public static string ToSvg(IReadOnlyList<LossPoint> points, LineChartSettings settings = null)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture);
            WriteSvg(points, writer, settings);
            return writer.ToString();
        }

        private static PlotModel Model(IReadOnlyList<LossPoint> points, LineChartSettings settings)
        {
            Validate(points, settings);
            // Runs in the order they first come, each its own line; points without a run are the one run of a history.
            var runs = points.GroupBy(p => p.Run).ToList();
            bool several = runs.Count > 1 || runs[0].Key != null;
            bool validation = points.Any(p => p.ValidationLoss.HasValue);
            var model = new PlotModel
            {
                Title = settings.Title,
                // Tick labels would otherwise follow the current culture (0,5 in German).
                Culture = CultureInfo.InvariantCulture,
                DefaultFont = "Arial, Helvetica, sans-serif",
                Background = OxyColors.White,
                IsLegendVisible = validation || several,
            };
            model.Legends.Add(settings.LegendOutside
                ? new Legend { LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.RightTop, LegendBorder = OxyColors.LightGray }
                : new Legend { LegendPosition = LegendPosition.TopRight, LegendBorder = OxyColors.LightGray });
            model.Axes.Add(new LinearAxis
            {
                Position = AxisPosition.Bottom, Title = "Epoch", MinimumPadding = 0.02, MaximumPadding = 0.02,
                MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColors.LightGray,
            });
            Axis lossAxis = settings.Logarithmic ? new LogarithmicAxis() : (Axis)new LinearAxis();
            lossAxis.Position = AxisPosition.Left;
            lossAxis.Title = (settings.ValueTitle ?? "Loss") + (settings.Logarithmic ? " (log scale)" : "");
            lossAxis.AxisTitleDistance = 8;
            lossAxis.MajorGridlineStyle = LineStyle.Dot;
            lossAxis.MajorGridlineColor = OxyColors.LightGray;
            model.Axes.Add(lossAxis);

            for (int k = 0; k < runs.Count; k++)
            {
                var ordered = runs[k].OrderBy(p => p.Epoch).ToList();
                string name = runs[k].Key ?? "Loss";
                string colour = several ? RunColours[k % RunColours.Length] : LossColour;
                model.Series.Add(Line(name, colour, ordered.Count, ordered.Select(p => new DataPoint(p.Epoch, p.Loss))));
                var held = ordered.Where(p => p.ValidationLoss.HasValue).ToList();
                if (held.Count == 0) continue;
                LineSeries line = Line(several ? name + " (validation)" : "Validation loss", several ? colour : ValidationColour, held.Count,
                    held.Select(p => new DataPoint(p.Epoch, p.ValidationLoss.Value)));
                if (several) line.LineStyle = LineStyle.Dash;
                model.Series.Add(line);
            }
            return model;
        }

        private static LineSeries Line(string title, string colour, int count, IEnumerable<DataPoint> points)
        {
            var series = new LineSeries
            {
                Title = title,
                Color = OxyColor.Parse(colour),
                StrokeThickness = 2,
                // Markers show each epoch while there are few enough to tell apart.
                MarkerType = count <= 50 ? MarkerType.Circle : MarkerType.None,
                MarkerSize = 3,
                MarkerFill = OxyColor.Parse(colour),
            };
            series.Points.AddRange(points);
            return series;
        }

        private static void Validate(IReadOnlyList<LossPoint> points, LineChartSettings settings)
        {
            SvgMarkup.CheckTitle(settings.Title);
            if (points == null || points.Count == 0)
                throw BackpropException.Argument("NoLossData", "Expected at least one object with Epoch and Loss; got none.");
            if (settings.Width < 100 || settings.Height < 100)
                throw BackpropException.Argument("InvalidChartSize", $"Expected a chart of at least 100 x 100 pixels; got {settings.Width} x {settings.Height}.");
            foreach (LossPoint p in points)
            {
                bool finite = IsFinite(p.Epoch) && IsFinite(p.Loss) && (!p.ValidationLoss.HasValue || IsFinite(p.ValidationLoss.Value));
                if (!finite)
                    throw BackpropException.Argument("NonFiniteLoss", $"Epoch, Loss and ValidationLoss must be finite numbers; epoch {p.Epoch} has NaN or infinity.");
                if (settings.Logarithmic && (p.Loss <= 0 || p.ValidationLoss <= 0))
                    throw BackpropException.Argument("NonPositiveLoss", $"A logarithmic loss axis needs losses above 0; epoch {p.Epoch} has {p.Loss}.");
            }
        }

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

        /// <summary>
        /// Measures text with the PDF renderer's built-in Helvetica metrics (pure managed, the same on every
        /// machine), converted from its points to the SVG's pixels: unscaled, legends come out 3/4 too small
        /// and clip their text.
        /// </summary>
        private sealed class PixelTextMeasurer : PdfRenderContext
        {
            private const double PixelsPerPoint = 96.0 / 72.0;

            public PixelTextMeasurer(double width, double height) : base(width, height, OxyColors.White) { }

            public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
            {
                OxySize size = base.MeasureText(text, fontFamily, fontSize, fontWeight);
                return new OxySize(size.Width * PixelsPerPoint, size.Height * PixelsPerPoint);
            }
        }
    }
}
