using System.Numerics;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// An update rule with state (velocities, moments) kept across steps of one training run. Networks
    /// stay immutable: each step returns a new network. Inside the training loop the same rule updates the
    /// workspace's parameters in place instead. Each rule runs over Vector&lt;double&gt; with the operations of
    /// its scalar form in the same order (no fused multiply-add), so both give the same bits.
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
            EnsureState(network);
            return GradientDescent.EnsureFinite(network.WithLayers(network.Layers.Select((layer, l) =>
            {
                double[] weights = layer.Weights.ToArray(), biases = layer.Biases.ToArray();
                Update(weights, gradient.WeightGradient[l].Data, _weightState[l], Settings.WeightDecay);
                Update(biases, gradient.BiasGradient[l].Data, _biasState[l], 0.0);
                return Layer.Wrap(layer, weights, biases);
            })), Settings.LearningRate);
        }

        /// <summary>One step down the workspace's gradients, updating its parameters in place.</summary>
        internal void Step(TrainingWorkspace workspace, Network shape)
        {
            StepCount++;
            EnsureState(shape);
            for (int l = 0; l < workspace.Weights.Length; l++)
            {
                Update(workspace.Weights[l], workspace.WeightGradient[l], _weightState[l], Settings.WeightDecay);
                Update(workspace.Biases[l], workspace.BiasGradient[l], _biasState[l], 0.0);
            }
        }

        private void EnsureState(Network network)
        {
            if (_weightState != null) return;
            _weightState = network.Layers.Select(l => new double[Slots * l.Weights.Count]).ToArray();
            _biasState = network.Layers.Select(l => new double[Slots * l.Biases.Count]).ToArray();
        }

        /// <summary>Values per SIMD vector.</summary>
        protected static int Width => Vector<double>.Count;

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
            double lr = Settings.LearningRate;
            int k = 0;
            var vlr = new Vector<double>(lr);
            var vdecay = new Vector<double>(decay);
            for (; k + Width <= values.Length; k += Width)
            {
                var w = new Vector<double>(values, k);
                (w - vlr * (new Vector<double>(gradient, k) + vdecay * w)).CopyTo(values, k);
            }
            for (; k < values.Length; k++) values[k] -= lr * (gradient[k] + decay * values[k]);
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
            bool nesterov = Settings.Nesterov;
            int k = 0;
            Vector<double> vmu = new Vector<double>(mu), vlr = new Vector<double>(lr), vdecay = new Vector<double>(decay);
            for (; k + Width <= values.Length; k += Width)
            {
                var w = new Vector<double>(values, k);
                Vector<double> g = new Vector<double>(gradient, k) + vdecay * w;
                Vector<double> v = vmu * new Vector<double>(state, k) + g;
                v.CopyTo(state, k);
                (w - vlr * (nesterov ? g + vmu * v : v)).CopyTo(values, k);
            }
            for (; k < values.Length; k++)
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
            int n = values.Length, k = 0;
            Vector<double> vb1 = new Vector<double>(b1), vb2 = new Vector<double>(b2), v1b1 = new Vector<double>(1 - b1), v1b2 = new Vector<double>(1 - b2);
            Vector<double> vc1 = new Vector<double>(correction1), vc2 = new Vector<double>(correction2), vdecay = new Vector<double>(decay);
            Vector<double> vlr = new Vector<double>(Settings.LearningRate), veps = new Vector<double>(Settings.Epsilon);
            for (; k + Width <= n; k += Width)
            {
                var w = new Vector<double>(values, k);
                Vector<double> g = new Vector<double>(gradient, k) + vdecay * w;
                Vector<double> m = vb1 * new Vector<double>(state, k) + v1b1 * g;
                Vector<double> v = vb2 * new Vector<double>(state, n + k) + v1b2 * g * g;
                m.CopyTo(state, k);
                v.CopyTo(state, n + k);
                (w - vlr * (m / vc1) / (Vector.SquareRoot(v / vc2) + veps)).CopyTo(values, k);
            }
            for (; k < n; k++)
            {
                double g = gradient[k] + decay * values[k];
                double m = state[k] = b1 * state[k] + (1 - b1) * g;
                double v = state[n + k] = b2 * state[n + k] + (1 - b2) * g * g;
                values[k] -= Settings.LearningRate * (m / correction1) / (System.Math.Sqrt(v / correction2) + Settings.Epsilon);
            }
        }
    }
}
