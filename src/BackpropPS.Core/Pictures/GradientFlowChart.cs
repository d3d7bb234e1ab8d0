using System.IO;

namespace BackpropPS.Core.Pictures
{
    /// <summary>What a gradient-flow chart draws per layer and epoch: one column of <see cref="Training.GradientFlowRow"/>.</summary>
    public enum GradientFlowMeasure
    {
        /// <summary>The L2 norm of the layer's weight gradient.</summary>
        GradientNorm,
        /// <summary>The mean |dE/dz| of the layer's neurons.</summary>
        MeanAbsDelta,
        /// <summary>The norm of the epoch's weight update over the norm of the weights.</summary>
        UpdateRatio,
        /// <summary>The share of saturated Sigmoid or Tanh neuron outputs.</summary>
        SaturatedShare,
        /// <summary>The share of dead ReLU neurons.</summary>
        DeadShare,
        /// <summary>The norm of the layer's weights.</summary>
        WeightNorm,
        /// <summary>The norm of the epoch's weight update.</summary>
        UpdateNorm,
    }

    /// <summary>One value of a gradient-flow chart: a layer's measure in one epoch of one run.</summary>
    public sealed class GradientFlowPoint
    {
        /// <summary>Creates a point; <paramref name="run"/> may be null when the chart shows one run.</summary>
        public GradientFlowPoint(string run, double epoch, int layer, double value)
        {
            Run = run;
            Epoch = epoch;
            Layer = layer;
            Value = value;
        }

        /// <summary>The run (training runs of several networks can share a chart).</summary>
        public string Run { get; }

        /// <summary>The epoch (the x axis).</summary>
        public double Epoch { get; }

        /// <summary>The layer, from 1: one line each.</summary>
        public int Layer { get; }

        /// <summary>The measure's value.</summary>
        public double Value { get; }
    }

    /// <summary>
    /// A gradient-flow chart: one line per layer (per run and layer when there are several runs) over the epochs,
    /// drawn by <see cref="LineChart"/>, on a log scale for norms and ratios, where a vanishing layer lies orders of
    /// magnitude below the others.
    /// </summary>
    public static class GradientFlowChart
    {
        /// <summary>The measure in words, as the value axis and the default caption name it.</summary>
        public static string Describe(GradientFlowMeasure measure)
        {
            switch (measure)
            {
                case GradientFlowMeasure.GradientNorm: return "Weight gradient norm";
                case GradientFlowMeasure.MeanAbsDelta: return "Mean |delta|";
                case GradientFlowMeasure.UpdateRatio: return "Update / weight norm";
                case GradientFlowMeasure.SaturatedShare: return "Saturated share";
                case GradientFlowMeasure.DeadShare: return "Dead ReLU share";
                case GradientFlowMeasure.WeightNorm: return "Weight norm";
                default: return "Update norm";
            }
        }

        /// <summary>True for the measures drawn on a log scale by default: norms and ratios, not shares.</summary>
        public static bool IsLogarithmic(GradientFlowMeasure measure) =>
            measure != GradientFlowMeasure.SaturatedShare && measure != GradientFlowMeasure.DeadShare;

        /// <summary>Writes the chart as a standalone SVG document; on a log scale every value must be above 0. The settings' ValueTitle is the measure's.</summary>
        public static void WriteSvg(IReadOnlyList<GradientFlowPoint> points, GradientFlowMeasure measure, TextWriter writer, LineChartSettings settings)
        {
            if (points == null || points.Count == 0)
                throw BackpropException.Argument("NoGradientFlowData", "Expected gradient-flow rows (Invoke-BackpropTraining -GradientFlow); got none.");
            // Runs in the order they first come; a null run is the one run of a plain list of rows.
            var runs = new Dictionary<string, int>();
            foreach (GradientFlowPoint p in points) if (!runs.ContainsKey(p.Run ?? "")) runs.Add(p.Run ?? "", runs.Count);
            bool several = runs.Count > 1;
            // Runs of one shape (the usual comparison: the same network with other activations) are named by what differs.
            string shape = runs.Keys.Select(r => r.Split(' ')[0]).Distinct().Count() == 1 ? runs.Keys.First().Split(' ')[0] + " " : null;
            string Name(string run) => shape != null && run != null && run.StartsWith(shape, StringComparison.Ordinal) && run.Length > shape.Length
                ? run.Substring(shape.Length) : run;
            // Lines by run, then by layer from the first to the output layer, so the legend reads in the network's order.
            var lines = points.OrderBy(p => runs[p.Run ?? ""]).ThenBy(p => p.Layer).ThenBy(p => p.Epoch)
                .Select(p => new LossPoint(p.Epoch, p.Value, null, several ? $"{Name(p.Run)}: layer {p.Layer}" : $"Layer {p.Layer}")).ToList();
            // A copy: the caller's settings are not changed. Norms and ratios are drawn on a log scale unless told.
            settings = settings ?? new LineChartSettings();
            LineChart.WriteSvg(lines, writer, new LineChartSettings
            {
                Title = settings.Title ?? Describe(measure) + " per layer", Width = settings.Width, Height = settings.Height,
                Logarithmic = settings.Logarithmic ?? IsLogarithmic(measure), ValueTitle = Describe(measure),
            });
        }
    }
}
