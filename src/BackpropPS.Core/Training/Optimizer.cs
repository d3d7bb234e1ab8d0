using System.Numerics;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// An update rule with state (velocities, moments) kept across steps of one training run. Networks
    /// stay immutable: each step returns a new network. Inside the training loop the same rule updates the
    /// workspace's parameters in place instead, in the workspace's type (double, or float in a float32 run, whose
    /// state is then float too, as PyTorch keeps it). Each rule is written once over Vector&lt;T&gt;; the last few
    /// values, fewer than a vector, go through one padded vector, so every value takes the same operations in the
    /// same order (no fused multiply-add) wherever it sits.
    /// </summary>
    public abstract class Optimizer
    {
        private Array[] _weightState, _biasState;

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
            EnsureState<double>(network);
            return GradientDescent.EnsureFinite(network.WithLayers(network.Layers.Select((layer, l) =>
            {
                double[] weights = layer.Weights.ToArray(), biases = layer.Biases.ToArray();
                Update(weights, gradient.WeightGradient[l].Data, (double[])_weightState[l], Settings.WeightDecay);
                Update(biases, gradient.BiasGradient[l].Data, (double[])_biasState[l], 0.0);
                return Layer.Wrap(layer, weights, biases);
            })), Settings.LearningRate);
        }

        /// <summary>One step down the workspace's gradients, updating its parameters in place.</summary>
        internal void Step<T>(TrainingWorkspace<T> workspace, Network shape) where T : unmanaged
        {
            StepCount++;
            EnsureState<T>(shape);
            for (int l = 0; l < workspace.Weights.Length; l++)
            {
                Update(workspace.Weights[l], workspace.WeightGradient[l], (T[])_weightState[l], Settings.WeightDecay);
                Update(workspace.Biases[l], workspace.BiasGradient[l], (T[])_biasState[l], 0.0);
            }
        }

        private void EnsureState<T>(Network network) where T : unmanaged
        {
            if (_weightState != null) return;
            _weightState = network.Layers.Select(l => (Array)new T[Slots * l.Weights.Count]).ToArray();
            _biasState = network.Layers.Select(l => (Array)new T[Slots * l.Biases.Count]).ToArray();
        }

        /// <summary>State values the rule keeps per parameter (0 for SGD, 1 for momentum, 2 for Adam).</summary>
        protected abstract int Slots { get; }

        /// <summary>Updates <paramref name="values"/> in place from their gradients (L2 decay already known).</summary>
        private protected abstract void Update<T>(T[] values, T[] gradient, T[] state, double decay) where T : unmanaged;

        /// <summary>A setting as a vector of <typeparamref name="T"/>, rounded to float in a float32 run.</summary>
        private protected static Vector<T> Broadcast<T>(double value) where T : unmanaged => new Vector<T>(Scalar.From<T>(value));
    }

    /// <summary>w -= lr (g + lambda w).</summary>
    internal sealed class SgdOptimizer : Optimizer
    {
        public SgdOptimizer(OptimizerSettings settings) : base(settings) { }

        protected override int Slots => 0;

        [System.Runtime.CompilerServices.MethodImpl(JitOptions.Optimize)]
        private protected override void Update<T>(T[] values, T[] gradient, T[] state, double decay)
        {
            Vector<T> lr = Broadcast<T>(Settings.LearningRate), lambda = Broadcast<T>(decay);
            for (int k = 0; k < values.Length; k += Vector<T>.Count)
            {
                int count = Math.Min(Vector<T>.Count, values.Length - k);
                Vector<T> w = Lanes.Load(values, k, count);
                Lanes.Store(w - lr * (Lanes.Load(gradient, k, count) + lambda * w), values, k, count);
            }
        }
    }

    /// <summary>v = mu v + g; w -= lr v, or with Nesterov w -= lr (g + mu v) (PyTorch's formulation).</summary>
    internal sealed class MomentumOptimizer : Optimizer
    {
        public MomentumOptimizer(OptimizerSettings settings) : base(settings) { }

        protected override int Slots => 1;

        [System.Runtime.CompilerServices.MethodImpl(JitOptions.Optimize)]
        private protected override void Update<T>(T[] values, T[] gradient, T[] state, double decay)
        {
            Vector<T> mu = Broadcast<T>(Settings.Momentum), lr = Broadcast<T>(Settings.LearningRate), lambda = Broadcast<T>(decay);
            bool nesterov = Settings.Nesterov;
            for (int k = 0; k < values.Length; k += Vector<T>.Count)
            {
                int count = Math.Min(Vector<T>.Count, values.Length - k);
                Vector<T> w = Lanes.Load(values, k, count);
                Vector<T> g = Lanes.Load(gradient, k, count) + lambda * w;
                Vector<T> v = mu * Lanes.Load(state, k, count) + g;
                Lanes.Store(v, state, k, count);
                Lanes.Store(w - lr * (nesterov ? g + mu * v : v), values, k, count);
            }
        }
    }

    /// <summary>Adam: m and v are running means of g and g^2, bias-corrected by 1 - beta^t.</summary>
    internal sealed class AdamOptimizer : Optimizer
    {
        public AdamOptimizer(OptimizerSettings settings) : base(settings) { }

        protected override int Slots => 2;

        [System.Runtime.CompilerServices.MethodImpl(JitOptions.Optimize)]
        private protected override void Update<T>(T[] values, T[] gradient, T[] state, double decay)
        {
            double b1 = Settings.Beta1, b2 = Settings.Beta2;
            Vector<T> beta1 = Broadcast<T>(b1), beta2 = Broadcast<T>(b2), rest1 = Broadcast<T>(1 - b1), rest2 = Broadcast<T>(1 - b2);
            Vector<T> correction1 = Broadcast<T>(1 - Math.Pow(b1, StepCount)), correction2 = Broadcast<T>(1 - Math.Pow(b2, StepCount));
            Vector<T> lambda = Broadcast<T>(decay), lr = Broadcast<T>(Settings.LearningRate), epsilon = Broadcast<T>(Settings.Epsilon);
            int n = values.Length;
            for (int k = 0; k < n; k += Vector<T>.Count)
            {
                int count = Math.Min(Vector<T>.Count, n - k);
                Vector<T> w = Lanes.Load(values, k, count);
                Vector<T> g = Lanes.Load(gradient, k, count) + lambda * w;
                Vector<T> m = beta1 * Lanes.Load(state, k, count) + rest1 * g;
                Vector<T> v = beta2 * Lanes.Load(state, n + k, count) + rest2 * g * g;
                Lanes.Store(m, state, k, count);
                Lanes.Store(v, state, n + k, count);
                Lanes.Store(w - lr * (m / correction1) / (Vector.SquareRoot(v / correction2) + epsilon), values, k, count);
            }
        }
    }
}
