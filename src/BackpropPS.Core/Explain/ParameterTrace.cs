namespace BackpropPS.Core.Explain
{
    /// <summary>
    /// One parameter of a training step as a flat row for Export-Csv: its old value, gradient and new value,
    /// and the chain-rule factors the gradient is the product of, so that it can be recomputed by hand.
    /// </summary>
    /// <remarks>
    /// For one sample: a weight into an output neuron has Gradient = LossDerivative * ActivationDerivative * Input;
    /// a weight into a hidden neuron has Gradient = Downstream * ActivationDerivative * Input; a per-neuron bias
    /// the same with Input = 1; a shared bias has Gradient = DeltaSum, the sum of its layer's deltas. In a
    /// Softmax layer the neurons are coupled (dyhat/dz is a Jacobian, not a number), so ActivationDerivative
    /// and LossDerivative are empty and the row gives Delta directly: Gradient = Delta * Input.
    /// For a batch the gradient is the mean over samples of each sample's own product, so the per-sample
    /// factors are left empty; take a step on one sample to see them.
    /// </remarks>
    public sealed class ParameterTrace
    {
        internal ParameterTrace() { }

        /// <summary>The seed-style name, e.g. w1_21 (layer 1, from input 2 into neuron 1) or b2.</summary>
        public string Name { get; internal set; }

        /// <summary>The layer, from 1.</summary>
        public int Layer { get; internal set; }

        /// <summary>Weight or Bias.</summary>
        public ParameterKind Kind { get; internal set; }

        /// <summary>For a weight, the input (or neuron of the layer below) it comes from, from 1.</summary>
        public int? From { get; internal set; }

        /// <summary>The neuron it feeds, from 1; empty for a shared bias.</summary>
        public int? To { get; internal set; }

        /// <summary>The value before the step.</summary>
        public double Old { get; internal set; }

        /// <summary>dE/dparameter (the mean over samples for a batch).</summary>
        public double Gradient { get; internal set; }

        /// <summary>The value after the step: Old - LearningRate * Gradient.</summary>
        public double New { get; internal set; }

        /// <summary>The step's learning rate.</summary>
        public double LearningRate { get; internal set; }

        /// <summary>The number of samples in the step; above 1 the gradient is their mean and the factors are empty.</summary>
        public int SampleCount { get; internal set; }

        /// <summary>dE/dyhat of the output neuron fed (output layer only).</summary>
        public double? LossDerivative { get; internal set; }

        /// <summary>dE/da of the hidden neuron fed: the sum over the layer above of weight times delta (hidden layers only).</summary>
        public double? Downstream { get; internal set; }

        /// <summary>The terms of <see cref="Downstream"/>, e.g. "0.4 * 0.138498561629 + 0.5 * -0.0380982365166" (12 significant digits).</summary>
        public string DownstreamTerms { get; internal set; }

        /// <summary>da/dz (dyhat/dz for an output neuron): the activation's derivative at the neuron's z.</summary>
        public double? ActivationDerivative { get; internal set; }

        /// <summary>dE/dz of the neuron fed: the product of the factors before Input.</summary>
        public double? Delta { get; internal set; }

        /// <summary>dz/dparameter: the input (or activation below) a weight multiplies; 1 for a per-neuron bias.</summary>
        public double? Input { get; internal set; }

        /// <summary>For a shared bias: the sum of its layer's deltas, which is its gradient.</summary>
        public double? DeltaSum { get; internal set; }

        /// <summary>The terms of <see cref="DeltaSum"/>, e.g. "0.138498561629 + -0.0380982365166".</summary>
        public string DeltaTerms { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => $"{Name}: {Old.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} -> {New.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
