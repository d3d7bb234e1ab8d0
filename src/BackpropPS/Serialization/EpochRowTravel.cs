using BackpropPS.Core.Training;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// Rebuilds an epoch row of Invoke-BackpropTraining: its numbers as training gives them (an epoch from 1, finite
    /// losses, accuracies from 0 to 1, a positive learning rate), its network, its gradient-flow rows, one per
    /// layer of that network in order, each with the layer's own activation and neurons, and its precision.
    /// </summary>
    internal static class EpochRowTravel
    {
        private const string Finite = "a finite number";
        private const string NotNegative = "a finite number of 0 or more";
        private const string Share = "a number from 0 to 1, or none";

        public static EpochResult Rebuild(DeserializedObject fields)
        {
            int epoch = fields.Whole("Epoch", "a whole number of 1 or more", 1);
            double loss = fields.Number("Loss", Finite);
            double? validationLoss = fields.OptionalNumber("ValidationLoss", "a finite number, or none");
            double? accuracy = fields.OptionalNumber("Accuracy", Share, InUnit);
            double? validationAccuracy = fields.OptionalNumber("ValidationAccuracy", Share, InUnit);
            double rate = fields.Number("LearningRate", "a positive finite number", v => v > 0);
            double gradientNorm = fields.Number("GradientNorm", NotNegative, v => v >= 0);
            TimeSpan elapsed = fields.Duration("Elapsed");
            Network network = NetworkTravel.Within(fields, "Network");
            string rows = $"one row per layer of its network ({network.Layers.Count}), or none";
            IReadOnlyList<DeserializedObject> flow = fields.Items("GradientFlow", rows);
            if (flow.Count != 0 && flow.Count != network.Layers.Count) throw fields.Invalid("GradientFlow", rows);
            // A row from before precisions were recorded was trained in double.
            Precision precision = fields.Raw("Precision") == null ? Precision.Double : fields.Choice<Precision>("Precision");
            return new EpochResult(epoch, loss, validationLoss, accuracy, validationAccuracy, rate, gradientNorm, elapsed, network,
                flow.Select((row, k) => FlowRow(row, epoch, network.Layers[k], k + 1)).ToArray(), precision);
        }

        private static GradientFlowRow FlowRow(DeserializedObject row, int epoch, Layer layer, int number)
        {
            string run = row.OptionalText("Run", "the run's name") ?? throw row.Invalid("Run", "the run's name");
            row.Whole("Epoch", $"{epoch}, the epoch of its row", epoch, epoch);
            row.Whole("Layer", $"{number} (one row per layer, in order)", number, number);
            Activation activation = row.Choice<Activation>("Activation");
            if (activation != layer.Activation) throw row.Invalid("Activation", $"{layer.Activation}, the activation of layer {number}");
            row.Whole("Neurons", $"{layer.OutputSize}, the neurons of layer {number}", layer.OutputSize, layer.OutputSize);
            return new GradientFlowRow(run, epoch, number, activation, layer.OutputSize,
                row.Number("GradientNorm", NotNegative, v => v >= 0), row.Number("MeanAbsDelta", NotNegative, v => v >= 0),
                row.OptionalNumber("SaturatedShare", Share, InUnit), row.OptionalNumber("DeadShare", Share, InUnit),
                row.Number("WeightNorm", NotNegative, v => v >= 0), row.Number("UpdateNorm", NotNegative, v => v >= 0));
        }

        private static bool InUnit(double share) => share >= 0 && share <= 1;
    }
}
