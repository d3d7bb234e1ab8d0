using System.Linq;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// An update rule with state (velocities, moments) kept across steps of one training run. Networks
    /// stay immutable: each step returns a new network.
    /// </summary>
    public abstract class Optimizer
    {
        private double[][] _weightState, _biasState;

        /// <summary>Creates the optimizer.</summary>
        protected Optimizer(OptimizerSettings settings) => Settings = settings;

        /// <summary>The hyper-parameters.</summary>
        protected OptimizerSettings Settings { get; }

        /// <summary>Number of steps taken so far.</summary>
        public int StepCount { get; private set; }

        /// <summary>One step down <paramref name="gradient"/>; returns the new network.</summary>
        public Network Step(Gradient gradient)
        {
            Network network = gradient.Network;
            StepCount++;
            if (_weightState == null)
            {
                _weightState = network.Layers.Select(l => new double[Slots * l.Weights.Count]).ToArray();
                _biasState = network.Layers.Select(l => new double[Slots * l.Biases.Count]).ToArray();
            }
            return network.WithLayers(network.Layers.Select((layer, l) =>
            {
                double[] weights = layer.Weights.ToArray(), biases = layer.Biases.ToArray();
                Update(weights, gradient.WeightGradient[l].Data, _weightState[l], Settings.WeightDecay);
                Update(biases, gradient.BiasGradient[l].Data, _biasState[l], 0.0);
                return Layer.Wrap(layer, weights, biases);
            }));
        }

        /// <summary>State values the rule keeps per parameter (0 for SGD, 1 for momentum, 2 for Adam).</summary>
        protected abstract int Slots { get; }

        /// <summary>Updates <paramref name="values"/> in place from their gradients (L2 decay already known).</summary>
        protected abstract void Update(double[] values, double[] gradient, double[] state, double decay);
    }

    /// <summary>w -= lr (g + lambda w).</summary>
    internal sealed class SgdOptimizer : Optimizer
    {
        public SgdOptimizer(OptimizerSettings settings) : base(settings) { }

        protected override int Slots => 0;

        protected override void Update(double[] values, double[] gradient, double[] state, double decay)
        {
            for (int k = 0; k < values.Length; k++) values[k] -= Settings.LearningRate * (gradient[k] + decay * values[k]);
        }
    }

    /// <summary>v = mu v + g; w -= lr v, or with Nesterov w -= lr (g + mu v) (PyTorch's formulation).</summary>
    internal sealed class MomentumOptimizer : Optimizer
    {
        public MomentumOptimizer(OptimizerSettings settings) : base(settings) { }

        protected override int Slots => 1;

        protected override void Update(double[] values, double[] gradient, double[] state, double decay)
        {
            double mu = Settings.Momentum, lr = Settings.LearningRate;
            for (int k = 0; k < values.Length; k++)
            {
                double g = gradient[k] + decay * values[k];
                state[k] = mu * state[k] + g;
                values[k] -= lr * (Settings.Nesterov ? g + mu * state[k] : state[k]);
            }
        }
    }

    /// <summary>Adam: m and v are running means of g and g^2, bias-corrected by 1 - beta^t.</summary>
    internal sealed class AdamOptimizer : Optimizer
    {
        public AdamOptimizer(OptimizerSettings settings) : base(settings) { }

        protected override int Slots => 2;

        protected override void Update(double[] values, double[] gradient, double[] state, double decay)
        {
            double b1 = Settings.Beta1, b2 = Settings.Beta2;
            double correction1 = 1 - System.Math.Pow(b1, StepCount), correction2 = 1 - System.Math.Pow(b2, StepCount);
            int n = values.Length;
            for (int k = 0; k < n; k++)
            {
                double g = gradient[k] + decay * values[k];
                double m = state[k] = b1 * state[k] + (1 - b1) * g;
                double v = state[n + k] = b2 * state[n + k] + (1 - b2) * g * g;
                values[k] -= Settings.LearningRate * (m / correction1) / (System.Math.Sqrt(v / correction2) + Settings.Epsilon);
            }
        }
    }
}
