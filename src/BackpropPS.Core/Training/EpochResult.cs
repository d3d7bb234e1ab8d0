namespace BackpropPS.Core.Training
{
    /// <summary>One epoch of a training run: a flat row for Export-Csv, plus the network after the epoch.</summary>
    public sealed class EpochResult
    {
        /// <summary>An epoch row; public so that a deserialized row can be rebuilt (BackpropPS.Serialization).</summary>
        public EpochResult(int epoch, double loss, double? validationLoss, double? accuracy, double? validationAccuracy,
            double learningRate, double gradientNorm, TimeSpan elapsed, Network network,
            System.Collections.Generic.IReadOnlyList<GradientFlowRow> gradientFlow = null, Precision precision = Precision.Double)
        {
            Epoch = epoch;
            Loss = loss;
            ValidationLoss = validationLoss;
            Accuracy = accuracy;
            ValidationAccuracy = validationAccuracy;
            LearningRate = learningRate;
            GradientNorm = gradientNorm;
            Elapsed = elapsed;
            Network = network;
            GradientFlow = gradientFlow ?? Array.Empty<GradientFlowRow>();
            Precision = precision;
        }

        /// <summary>The epoch, from 1.</summary>
        public int Epoch { get; }

        /// <summary>The mean training loss over the epoch's batches (each before its update), weighted by batch size.</summary>
        public double Loss { get; }

        /// <summary>The validation loss after the epoch, when data was held out.</summary>
        public double? ValidationLoss { get; }

        /// <summary>The fraction of training samples predicted right during the epoch (classification only).</summary>
        public double? Accuracy { get; }

        /// <summary>The fraction of validation samples predicted right after the epoch (classification only).</summary>
        public double? ValidationAccuracy { get; }

        /// <summary>The learning rate used.</summary>
        public double LearningRate { get; }

        /// <summary>The mean over the epoch's batches of the L2 norm of the gradient of all weights and biases.</summary>
        public double GradientNorm { get; }

        /// <summary>Time since training started, at the end of this epoch.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>The network after this epoch.</summary>
        public Network Network { get; }

        /// <summary>One row per layer on how the gradient flowed in this epoch, when the run recorded it; otherwise empty.</summary>
        public System.Collections.Generic.IReadOnlyList<GradientFlowRow> GradientFlow { get; }

        /// <summary>
        /// What the epoch was trained in: Double, or Single (float32; <see cref="Network"/> holds the float32 weights
        /// widened to doubles, exactly).
        /// </summary>
        public Precision Precision { get; }
    }
}
