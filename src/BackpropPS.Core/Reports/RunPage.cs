using System.IO;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Reports
{
    /// <summary>
    /// The page of a training run (Invoke-BackpropTraining's epoch rows): an epoch slider and a Play button drive
    /// the loss and accuracy curves, the network at that epoch, the decision boundary of a two-input network with
    /// the data, the gradient-flow lines and the run's settings. Every epoch's figures are kept; the weights of
    /// sampled epochs only (see <see cref="ReportLimits"/>), large layers as 8-bit images.
    /// </summary>
    public static class RunPage
    {
        /// <summary>Refuses what a run page cannot show: no rows, too many, or rows of more than one run.</summary>
        public static void Check(IReadOnlyList<EpochResult> epochs)
        {
            if (epochs.Count == 0)
                throw new BackpropException("EmptyReport", BackpropErrorKind.InvalidData, "Expected epoch rows (Invoke-BackpropTraining's results) or training steps; nothing came.");
            if (epochs.Count > ReportLimits.MaxEpochs)
            {
                throw new BackpropException("ReportTooManyEpochs", BackpropErrorKind.LimitsExceeded,
                    $"A run page takes at most {ReportLimits.Count(ReportLimits.MaxEpochs)} epoch rows; {ReportLimits.Count(epochs.Count)} came. Pipe every tenth row (Where-Object {{ $_.Epoch % 10 -eq 0 }}) or the rows of a shorter run.");
            }
            for (int i = 1; i < epochs.Count; i++)
            {
                if (epochs[i].Epoch <= epochs[i - 1].Epoch || epochs[i].Network.Shape != epochs[0].Network.Shape)
                {
                    throw new BackpropException("MixedReportInput", BackpropErrorKind.InvalidData,
                        $"A run page shows one run: epochs in increasing order of one network. Epoch {epochs[i].Epoch} ({epochs[i].Network.Shape}) came after epoch {epochs[i - 1].Epoch} ({epochs[i - 1].Network.Shape}); export each run (each sweep's Run) to its own page.");
                }
            }
        }

        /// <summary>Writes the page; <paramref name="data"/> (optional) gives the points and the range of a two-input network's boundary.</summary>
        public static void Write(IReadOnlyList<EpochResult> epochs, Dataset data, TextWriter writer, string title)
        {
            Check(epochs);
            Network last = epochs[epochs.Count - 1].Network;
            BoundaryGrid grid = last.InputSize == 2 && data != null && data.Count > 0 && data.Inputs.Columns == 2
                ? BoundaryGrid.FromData(data.Inputs, ReportLimits.BoundaryResolution) : null;
            int[] snapshots = ReportLimits.Sample(epochs.Count, SnapshotCount(epochs.Count, last, grid));
            ReportPage.Write(writer, title ?? $"Training run of a {last.Shape} network, {ReportLimits.Count(epochs.Count)} epochs", "run.js", json =>
            {
                json.Start();
                json.Value("kind", "run");
                json.Colours();
                WriteSettings(json, epochs, data);
                WriteEpochs(json, epochs);
                json.StartArray("snapshots");
                foreach (int k in snapshots) WriteSnapshot(json, epochs[k], grid);
                json.EndArray();
                WriteThinning(json, epochs.Count, snapshots.Length, last);
                if (grid != null) WriteBoundary(json, grid, last, data);
                WriteFlow(json, epochs);
                json.End();
            });
        }

        // As many epochs' weights as the budget holds, between 2 (the first and the last) and MaxSnapshots.
        private static int SnapshotCount(int epochs, Network network, BoundaryGrid grid)
        {
            long size = network.Layers.Sum(l => (l.Weights.Count > ReportLimits.ExactWeights ? l.Weights.Count * 4L / 3 : l.Weights.Count * 20L) + l.Biases.Count * 20L);
            if (grid != null) size += grid.Count * 8L / 3;
            long fits = Math.Max(2, ReportLimits.SnapshotBudget / Math.Max(1, size));
            return (int)Math.Min(Math.Min(epochs, ReportLimits.MaxSnapshots), fits);
        }

        private static void WriteSettings(ReportJson json, IReadOnlyList<EpochResult> epochs, Dataset data)
        {
            Network first = epochs[0].Network, last = epochs[epochs.Count - 1].Network;
            json.StartObject("network");
            json.Value("shape", last.Shape);
            json.Value("inputs", last.InputSize);
            json.StartArray("layers");
            foreach (Layer layer in last.Layers)
            {
                json.Writer.WriteStartObject();
                json.Value("inputs", layer.InputSize);
                json.Value("neurons", layer.OutputSize);
                json.Value("activation", layer.Activation.ToString());
                json.Value("biasMode", layer.BiasMode.ToString());
                json.Value("exact", layer.Weights.Count <= ReportLimits.ExactWeights);
                json.Writer.WriteEndObject();
            }
            json.EndArray();
            json.Writer.WriteEndObject();

            // What the rows tell of the run; the optimizer, batch size and seed are not in them (the help says so).
            json.StartArray("settings");
            void Setting(string name, string value) { json.Writer.WriteStartArray(); json.Writer.WriteValue(name); json.Writer.WriteValue(value); json.Writer.WriteEndArray(); }
            Setting("Network", $"{last.Shape}: " + string.Join(", ", last.Layers.Select((l, i) => $"layer {i + 1} {l.Activation}, {l.BiasMode} bias")));
            Setting("Parameters", ReportLimits.Count(last.ParameterCount));
            Setting("Epochs", $"{epochs[0].Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {epochs[epochs.Count - 1].Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({ReportLimits.Count(epochs.Count)} rows)");
            var rates = epochs.Select(e => e.LearningRate).Distinct().ToList();
            Setting("Learning rate", rates.Count == 1 ? Text(rates[0]) : $"{Text(epochs[0].LearningRate)} to {Text(epochs[epochs.Count - 1].LearningRate)}");
            Setting("Input scaling", last.Schema?.Scaling == null ? "none" : "standardized by the network's schema");
            if (last.Schema != null && last.Schema.ClassLabels.Count > 0) Setting("Class labels", string.Join(", ", last.Schema.ClassLabels));
            if (data != null) Setting("Data", $"{(string.IsNullOrEmpty(data.Name) ? "a data set" : data.Name)}, {ReportLimits.Count(data.Count)} samples");
            Setting("Network after epoch " + epochs[0].Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), "fingerprint " + first.Fingerprint);
            Setting("Network after the last epoch", "fingerprint " + last.Fingerprint);
            Setting("Time", Text(epochs[epochs.Count - 1].Elapsed.TotalSeconds) + " s");
            json.EndArray();
        }

        private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        private static void WriteEpochs(ReportJson json, IReadOnlyList<EpochResult> epochs)
        {
            json.StartObject("epochs");
            json.Numbers("epoch", epochs.Select(e => (double)e.Epoch));
            json.Numbers("loss", epochs.Select(e => e.Loss));
            if (epochs.Any(e => e.ValidationLoss.HasValue)) json.Numbers("validationLoss", epochs.Select(e => e.ValidationLoss));
            if (epochs.Any(e => e.Accuracy.HasValue)) json.Numbers("accuracy", epochs.Select(e => e.Accuracy));
            if (epochs.Any(e => e.ValidationAccuracy.HasValue)) json.Numbers("validationAccuracy", epochs.Select(e => e.ValidationAccuracy));
            json.Numbers("learningRate", epochs.Select(e => e.LearningRate));
            json.Numbers("gradientNorm", epochs.Select(e => e.GradientNorm));
            json.Writer.WriteEndObject();
        }

        private static void WriteSnapshot(ReportJson json, EpochResult epoch, BoundaryGrid grid)
        {
            var w = json.Writer;
            w.WriteStartObject();
            json.Value("epoch", epoch.Epoch);
            json.StartArray("layers");
            foreach (Layer layer in epoch.Network.Layers)
            {
                w.WriteStartObject();
                if (layer.Weights.Count <= ReportLimits.ExactWeights) json.Rows("weights", layer.Weights);
                else WriteImage(json, layer.Weights);
                json.Numbers("biases", layer.Biases);
                w.WriteEndObject();
            }
            json.EndArray();
            if (grid != null)
            {
                BoundaryMap map = DecisionBoundary.Classes(epoch.Network, grid);
                var classes = new byte[grid.Count];
                var certainty = new byte[grid.Count];
                for (int p = 0; p < grid.Count; p++)
                {
                    classes[p] = (byte)map.Predicted(p);
                    certainty[p] = (byte)Math.Round(255 * Pictures.HeatColours.Certainty(map.Probability(p, map.Predicted(p)), map.Labels.Count));
                }
                json.Value("classes", Convert.ToBase64String(classes));
                json.Value("certainty", Convert.ToBase64String(certainty));
            }
            w.WriteEndObject();
        }

        // A large layer as one byte per weight: 128 + 127 * w / largest |w|, with each neuron's exact L2 norm in text.
        private static void WriteImage(ReportJson json, Matrix weights)
        {
            double largest = weights.Max(v => Math.Abs(v));
            var bytes = new byte[weights.Count];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)Math.Round(128 + (largest > 0 ? 127 * weights[i] / largest : 0));
            json.Value("image", Convert.ToBase64String(bytes));
            json.Value("largest", largest);
            json.Numbers("norms", Enumerable.Range(0, weights.Rows).Select(r => Math.Sqrt(weights.GetRow(r).Sum(v => v * v))));
        }

        private static void WriteThinning(ReportJson json, int epochs, int snapshots, Network network)
        {
            json.StartObject("thinning");
            json.Value("epochs", epochs);
            json.Value("snapshots", snapshots);
            json.Value("maxSnapshots", ReportLimits.MaxSnapshots);
            json.Value("exactWeights", ReportLimits.ExactWeights);
            json.Value("imageLayers", network.Layers.Count(l => l.Weights.Count > ReportLimits.ExactWeights));
            json.Writer.WriteEndObject();
        }

        private static void WriteBoundary(ReportJson json, BoundaryGrid grid, Network network, Dataset data)
        {
            json.StartObject("boundary");
            json.Value("xMin", grid.XMin); json.Value("xMax", grid.XMax);
            json.Value("yMin", grid.YMin); json.Value("yMax", grid.YMax);
            json.Value("resolution", grid.Resolution);
            json.Strings("labels", DecisionBoundary.ClassLabels(network));
            int[] kept = ReportLimits.Sample(data.Count, ReportLimits.MaxPoints);
            json.Numbers("x", kept.Select(r => data.Inputs[r, 0]));
            json.Numbers("y", kept.Select(r => data.Inputs[r, 1]));
            json.Numbers("label", kept.Select(r => (double)Evaluation.DatasetPrediction.ClassOf(data.Targets, r)));
            json.Value("pointCount", data.Count);
            json.Writer.WriteEndObject();
        }

        private static void WriteFlow(ReportJson json, IReadOnlyList<EpochResult> epochs)
        {
            var recorded = epochs.Where(e => e.GradientFlow.Count > 0).ToList();
            if (recorded.Count == 0) return;
            var layers = recorded[0].GradientFlow;
            json.StartObject("flow");
            json.Numbers("epoch", recorded.Select(e => (double)e.Epoch));
            json.StartArray("layers");
            foreach (GradientFlowRow row in layers)
            {
                var w = json.Writer;
                w.WriteStartObject();
                json.Value("layer", row.Layer);
                json.Value("activation", row.Activation.ToString());
                json.Value("neurons", row.Neurons);
                json.Numbers("gradientNorm", recorded.Select(e => Row(e, row.Layer)?.GradientNorm));
                json.Numbers("meanAbsDelta", recorded.Select(e => Row(e, row.Layer)?.MeanAbsDelta));
                json.Numbers("updateRatio", recorded.Select(e => Row(e, row.Layer)?.UpdateRatio));
                w.WriteEndObject();
            }
            json.EndArray();
            json.Writer.WriteEndObject();
        }

        private static GradientFlowRow Row(EpochResult epoch, int layer) => epoch.GradientFlow.FirstOrDefault(r => r.Layer == layer);
    }
}
