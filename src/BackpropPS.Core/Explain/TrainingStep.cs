using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Explain
{
    /// <summary>
    /// One full training step, kept whole so that every number can be explained: the network before, the
    /// forward pass, the gradient, and the network after one gradient-descent step. Immutable.
    /// </summary>
    public sealed class TrainingStep
    {
        private IReadOnlyList<ParameterTrace> _trace;
        private string _report;

        private TrainingStep(Gradient gradient, Network after, double learningRate)
        {
            Gradient = gradient;
            After = after;
            LearningRate = learningRate;
        }

        /// <summary>Forward, loss, backward and update of <paramref name="network"/> on one sample or a batch.</summary>
        public static TrainingStep Take(Network network, Matrix input, Matrix target, LossFunction loss, double learningRate)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            // Checked first so that a bad rate fails before any work, with the same error as Update-BackpropNetwork.
            Validation.EnsureLearningRate(learningRate);
            // The textbook loops, so that the chain-rule factors of the trace multiply to exactly these gradients.
            Gradient gradient = Backpropagation.Backward(Backpropagation.Forward(network, input, KernelPath.Reference), target, loss,
                KernelPath.Reference);
            return new TrainingStep(gradient, GradientDescent.Step(gradient, learningRate), learningRate);
        }

        /// <summary>The network before the step (unchanged by it).</summary>
        public Network Before => Gradient.Network;

        /// <summary>The forward pass of <see cref="Before"/> on the input.</summary>
        public ForwardPass Forward => Gradient.Forward;

        /// <summary>The loss, deltas and gradients.</summary>
        public Gradient Gradient { get; }

        /// <summary>The network after the step: every parameter minus LearningRate times its gradient.</summary>
        public Network After { get; }

        /// <summary>The learning rate of the step.</summary>
        public double LearningRate { get; }

        /// <summary>The loss function.</summary>
        public LossFunction LossFunction => Gradient.LossFunction;

        /// <summary>The loss before the step (the mean over samples for a batch).</summary>
        public double Loss => Gradient.Loss;

        /// <summary>The inputs, one row per sample.</summary>
        public Matrix Input => Forward.Input;

        /// <summary>The targets, one row per sample.</summary>
        public Matrix Target => Gradient.Target;

        /// <summary>The network's predictions before the step, one row per sample.</summary>
        public Matrix Output => Forward.Output;

        /// <summary>Number of samples in the step.</summary>
        public int SampleCount => Forward.SampleCount;

        /// <summary>One row per parameter: old, gradient, new, and the chain-rule factors behind the gradient.</summary>
        public IReadOnlyList<ParameterTrace> Trace => _trace ?? (_trace = ChainRule.Trace(this));

        /// <summary>The step printed as the seed walk-through prints it.</summary>
        public string Report => _report ?? (_report = StepReport.Format(this));

        /// <inheritdoc />
        public override string ToString() => $"{Before.Shape} step: {LossFunction} loss {Loss.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, learning rate {LearningRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
