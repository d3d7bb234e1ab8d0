namespace BackpropPS.Core
{
    /// <summary>
    /// The result of backpropagating a loss through a forward pass: the loss, each layer's deltas
    /// dL/dz (one row per sample) and the gradients of the batch's mean loss with respect to every
    /// weight and bias. Immutable.
    /// </summary>
    public sealed class Gradient
    {
        internal Gradient(ForwardPass forward, Matrix target, LossFunction lossFunction, Matrix sampleLoss,
            Matrix[] delta, Matrix[] weightGradient, Matrix[] biasGradient)
        {
            Forward = forward;
            Target = target;
            LossFunction = lossFunction;
            SampleLoss = sampleLoss;
            Delta = delta;
            WeightGradient = weightGradient;
            BiasGradient = biasGradient;
            double sum = 0.0;
            foreach (double v in sampleLoss.Data) sum += v;
            Loss = sum / sampleLoss.Count;
        }

        /// <summary>The forward pass the gradient was computed from.</summary>
        public ForwardPass Forward { get; }

        /// <summary>The network the gradient belongs to.</summary>
        public Network Network => Forward.Network;

        /// <summary>The targets, one row per sample.</summary>
        public Matrix Target { get; }

        /// <summary>The loss function.</summary>
        public LossFunction LossFunction { get; }

        /// <summary>The batch's loss: the mean of <see cref="SampleLoss"/>.</summary>
        public double Loss { get; }

        /// <summary>Each sample's loss (one column).</summary>
        public Matrix SampleLoss { get; }

        /// <summary>Per layer, dL/dz of each sample's own loss (rows are samples, columns neurons).</summary>
        public IReadOnlyList<Matrix> Delta { get; }

        /// <summary>Per layer, dLoss/dW (out x in): the mean over samples of delta_j times the input i.</summary>
        public IReadOnlyList<Matrix> WeightGradient { get; }

        /// <summary>Per layer, dLoss/db: one per neuron (PerNeuron), the sum over neurons (Shared), or none.</summary>
        public IReadOnlyList<Matrix> BiasGradient { get; }

        /// <inheritdoc />
        public override string ToString() => $"{LossFunction} loss {Loss.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
