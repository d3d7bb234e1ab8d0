namespace BackpropPS.Core
{
    /// <summary>
    /// Backpropagation as a textbook writes it: read this first. Weights are jagged, weights[layer][neuron][input];
    /// samples go through one at a time, in plain loops, into fresh arrays; the names are the seed walk-through's
    /// (z, a, delta, E). It shares no code with <see cref="Backpropagation"/>, <see cref="Activations"/>,
    /// <see cref="Losses"/> or the kernels, which compute the same numbers fast: the tests hold the two to 1e-12 of
    /// each other, and the benchmarks time the fast ones against this one. Immutable: <see cref="Step"/> returns a
    /// new network, as the seed's update_params does.
    /// </summary>
    public sealed class TextbookNetwork
    {
        private readonly double[][][] _w;      // _w[l][j][i]: the weight from input i into neuron j of layer l
        private readonly double[][] _b;        // _b[l]: one bias per neuron (PerNeuron), one for the layer (Shared), or none
        private readonly Activation[] _f;      // _f[l]: layer l's activation, a = f(z)
        private readonly BiasMode[] _biasMode;

        private TextbookNetwork(double[][][] w, double[][] b, Activation[] f, BiasMode[] biasMode)
        {
            _w = w;
            _b = b;
            _f = f;
            _biasMode = biasMode;
        }

        /// <summary>A copy of <paramref name="network"/>'s weights, biases and activations in the textbook's layout.</summary>
        public static TextbookNetwork From(Network network)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            int layers = network.Layers.Count;
            var w = new double[layers][][];
            var b = new double[layers][];
            var f = new Activation[layers];
            var biasMode = new BiasMode[layers];
            for (int l = 0; l < layers; l++)
            {
                Layer layer = network.Layers[l];
                w[l] = new double[layer.OutputSize][];
                for (int j = 0; j < layer.OutputSize; j++)
                {
                    w[l][j] = new double[layer.InputSize];
                    for (int i = 0; i < layer.InputSize; i++) w[l][j][i] = layer.Weights[j, i];
                }
                b[l] = layer.Biases.ToArray();
                f[l] = layer.Activation;
                biasMode[l] = layer.BiasMode;
            }
            return new TextbookNetwork(w, b, f, biasMode);
        }

        /// <summary>Number of layers.</summary>
        public int LayerCount => _w.Length;

        /// <summary>The weight from input <paramref name="input"/> into neuron <paramref name="neuron"/> of a layer (all from 0).</summary>
        public double Weight(int layer, int neuron, int input) => _w[layer][neuron][input];

        /// <summary>Bias number <paramref name="index"/> of a layer (from 0): 0 for a Shared bias.</summary>
        public double Bias(int layer, int index) => _b[layer][index];

        /// <summary>Runs one sample <paramref name="x"/> forward: each layer's z = W a_prev + b, then a = f(z).</summary>
        public TextbookPass Forward(double[] x)
        {
            if (x == null) throw new ArgumentNullException(nameof(x));
            var z = new double[_w.Length][];
            var a = new double[_w.Length][];
            double[] input = x;
            for (int l = 0; l < _w.Length; l++)
            {
                z[l] = new double[_w[l].Length];
                for (int j = 0; j < _w[l].Length; j++)
                {
                    double sum = 0.0;
                    for (int i = 0; i < input.Length; i++) sum += _w[l][j][i] * input[i];
                    z[l][j] = sum + BiasOf(l, j);
                }
                a[l] = Activate(_f[l], z[l]);
                input = a[l];
            }
            return new TextbookPass(x, z, a);
        }

        /// <summary>
        /// The loss of a batch (the mean of its samples' losses) and its gradients with respect to every weight and
        /// bias, by backpropagating each sample in turn and taking the mean. A batch of one is one sample's.
        /// </summary>
        public TextbookGradient Gradients(double[][] inputs, double[][] targets, LossFunction loss)
        {
            if (inputs == null) throw new ArgumentNullException(nameof(inputs));
            if (targets == null) throw new ArgumentNullException(nameof(targets));
            if (inputs.Length == 0 || inputs.Length != targets.Length) throw new ArgumentException("Expected one target per input sample, and at least one sample.");
            Activation output = _f[_f.Length - 1];
            if ((loss == LossFunction.CrossEntropy && output != Activation.Softmax)
                || (loss == LossFunction.BinaryCrossEntropy && output != Activation.Sigmoid && output != Activation.Softmax))
                throw new ArgumentException($"{loss} needs outputs that are probabilities; the output layer is {output}.");

            int layers = _w.Length, samples = inputs.Length;
            var dEdw = new double[layers][][];
            var dEdb = new double[layers][];
            for (int l = 0; l < layers; l++)
            {
                dEdw[l] = new double[_w[l].Length][];
                for (int j = 0; j < _w[l].Length; j++) dEdw[l][j] = new double[_w[l][j].Length];
                dEdb[l] = new double[_b[l].Length];
            }
            var sampleLoss = new double[samples];
            var deltas = new double[samples][][];

            for (int s = 0; s < samples; s++)
            {
                TextbookPass pass = Forward(inputs[s]);
                double[] yhat = pass.Output, y = targets[s];
                sampleLoss[s] = Loss(loss, yhat, y);

                // The output layer: delta = dE/dz, from dE/da through the activation (the chain rule).
                var delta = new double[layers][];
                delta[layers - 1] = ThroughActivation(output, pass.Z[layers - 1], yhat, LossDerivative(loss, yhat, y));
                for (int l = layers - 1; l >= 0; l--)
                {
                    double[] a = pass.InputTo(l);
                    for (int j = 0; j < delta[l].Length; j++)
                    {
                        // The chain rule: dE/dw_ji = dE/dz_j * dz_j/dw_ji = delta_j * a_i.
                        for (int i = 0; i < a.Length; i++) dEdw[l][j][i] += delta[l][j] * a[i];
                        // dz_j/db = 1: a neuron's own bias gets its delta; a shared bias gets every neuron's.
                        if (_biasMode[l] == BiasMode.PerNeuron) dEdb[l][j] += delta[l][j];
                        else if (_biasMode[l] == BiasMode.Shared) dEdb[l][0] += delta[l][j];
                    }
                    if (l == 0) break;
                    // The layer below: dE/da_i = sum over j of w_ji delta_j, then through its activation.
                    var dEda = new double[a.Length];
                    for (int i = 0; i < a.Length; i++)
                        for (int j = 0; j < delta[l].Length; j++) dEda[i] += _w[l][j][i] * delta[l][j];
                    delta[l - 1] = ThroughActivation(_f[l - 1], pass.Z[l - 1], a, dEda);
                }
                deltas[s] = delta;
            }

            // The batch's loss is the mean of its samples' losses, so its gradients are the means of theirs.
            double meanLoss = 0.0;
            foreach (double e in sampleLoss) meanLoss += e;
            meanLoss /= samples;
            for (int l = 0; l < layers; l++)
            {
                foreach (double[] row in dEdw[l])
                    for (int i = 0; i < row.Length; i++) row[i] /= samples;
                for (int k = 0; k < dEdb[l].Length; k++) dEdb[l][k] /= samples;
            }
            return new TextbookGradient(meanLoss, sampleLoss, deltas, dEdw, dEdb);
        }

        /// <summary>One step of gradient descent, every parameter minus <paramref name="learningRate"/> times its gradient, as a new network.</summary>
        public TextbookNetwork Step(TextbookGradient gradient, double learningRate)
        {
            if (gradient == null) throw new ArgumentNullException(nameof(gradient));
            var w = new double[_w.Length][][];
            var b = new double[_w.Length][];
            for (int l = 0; l < _w.Length; l++)
            {
                w[l] = new double[_w[l].Length][];
                for (int j = 0; j < _w[l].Length; j++)
                {
                    w[l][j] = new double[_w[l][j].Length];
                    for (int i = 0; i < w[l][j].Length; i++) w[l][j][i] = _w[l][j][i] - learningRate * gradient.WeightGradient[l][j][i];
                }
                b[l] = new double[_b[l].Length];
                for (int k = 0; k < b[l].Length; k++) b[l][k] = _b[l][k] - learningRate * gradient.BiasGradient[l][k];
            }
            return new TextbookNetwork(w, b, _f, _biasMode);
        }

        private double BiasOf(int l, int j) =>
            _biasMode[l] == BiasMode.PerNeuron ? _b[l][j] : _biasMode[l] == BiasMode.Shared ? _b[l][0] : 0.0;

        // a = f(z). Softmax: a_k = e^z_k / sum_j e^z_j, with the largest z taken off first so that e^z cannot overflow.
        private static double[] Activate(Activation f, double[] z)
        {
            var a = new double[z.Length];
            if (f == Activation.Softmax)
            {
                double max = double.NegativeInfinity, sum = 0.0;
                foreach (double v in z) max = Math.Max(max, v);
                for (int k = 0; k < z.Length; k++) sum += a[k] = Math.Exp(z[k] - max);
                for (int k = 0; k < z.Length; k++) a[k] /= sum;
                return a;
            }
            for (int k = 0; k < z.Length; k++)
            {
                a[k] = f == Activation.Sigmoid ? 1.0 / (1.0 + Math.Exp(-z[k]))
                    : f == Activation.Tanh ? Math.Tanh(z[k])
                    : f == Activation.ReLU ? (z[k] > 0 ? z[k] : 0.0)
                    : f == Activation.LeakyReLU ? (z[k] > 0 ? z[k] : 0.01 * z[k])
                    : z[k];   // Linear
            }
            return a;
        }

        // dE/dz from dE/da: dE/dz_j = f'(z_j) dE/da_j. Softmax: every a_k depends on every z_j, da_k/dz_j = a_k ([k = j] - a_j)
        // where [k = j] is 1 if k = j and 0 otherwise, so dE/dz_j = sum over k of dE/da_k da_k/dz_j (its full Jacobian).
        // With CrossEntropy and targets that sum to 1, this comes to the familiar a - y.
        private static double[] ThroughActivation(Activation f, double[] z, double[] a, double[] dEda)
        {
            var dEdz = new double[z.Length];
            for (int j = 0; j < z.Length; j++)
            {
                if (f == Activation.Softmax)
                    for (int k = 0; k < z.Length; k++) dEdz[j] += dEda[k] * a[k] * ((k == j ? 1.0 : 0.0) - a[j]);
                else
                    dEdz[j] = dEda[j] * Derivative(f, z[j], a[j]);
            }
            return dEdz;
        }

        // f'(z), from z or from a = f(z) as the seed does for the sigmoid; ReLU's is taken as 0 at 0.
        private static double Derivative(Activation f, double z, double a) =>
            f == Activation.Sigmoid ? a * (1.0 - a)
            : f == Activation.Tanh ? 1.0 - a * a
            : f == Activation.ReLU ? (z > 0 ? 1.0 : 0.0)
            : f == Activation.LeakyReLU ? (z > 0 ? 1.0 : 0.01)
            : 1.0;   // Linear

        // E of one sample. A target of 0 adds nothing to a log term, even where yhat is 0.
        private static double Loss(LossFunction loss, double[] yhat, double[] y)
        {
            double e = 0.0;
            for (int k = 0; k < y.Length; k++)
            {
                switch (loss)
                {
                    case LossFunction.HalfSquaredError: e += 0.5 * (y[k] - yhat[k]) * (y[k] - yhat[k]); break;
                    case LossFunction.MeanSquaredError: e += (y[k] - yhat[k]) * (y[k] - yhat[k]); break;
                    case LossFunction.CrossEntropy: if (y[k] != 0) e -= y[k] * Math.Log(yhat[k]); break;
                    case LossFunction.BinaryCrossEntropy:
                        if (y[k] != 0) e -= y[k] * Math.Log(yhat[k]);
                        if (y[k] != 1) e -= (1 - y[k]) * Math.Log(1 - yhat[k]);
                        break;
                    default: throw new ArgumentOutOfRangeException(nameof(loss), loss, null);
                }
            }
            // These two are means over the outputs; the other two sums.
            return loss == LossFunction.MeanSquaredError || loss == LossFunction.BinaryCrossEntropy ? e / y.Length : e;
        }

        // dE/dyhat of one sample, output by output.
        private static double[] LossDerivative(LossFunction loss, double[] yhat, double[] y)
        {
            var d = new double[y.Length];
            for (int k = 0; k < y.Length; k++)
            {
                d[k] = loss == LossFunction.HalfSquaredError ? yhat[k] - y[k]
                    : loss == LossFunction.MeanSquaredError ? 2 * (yhat[k] - y[k]) / y.Length
                    : loss == LossFunction.CrossEntropy ? -y[k] / yhat[k]
                    : (yhat[k] - y[k]) / (yhat[k] * (1 - yhat[k])) / y.Length;   // BinaryCrossEntropy
            }
            return d;
        }
    }

    /// <summary>One sample through a <see cref="TextbookNetwork"/>: each layer's pre-activations z and activations a.</summary>
    public sealed class TextbookPass
    {
        internal TextbookPass(double[] input, double[][] z, double[][] a)
        {
            Input = input;
            Z = z;
            A = a;
        }

        /// <summary>The sample's inputs x.</summary>
        public double[] Input { get; }

        /// <summary>Z[l][j]: the pre-activation of neuron j of layer l (from 0).</summary>
        public double[][] Z { get; }

        /// <summary>A[l][j]: the activation of neuron j of layer l (from 0).</summary>
        public double[][] A { get; }

        /// <summary>The last layer's activations: the prediction yhat.</summary>
        public double[] Output => A[A.Length - 1];

        /// <summary>What layer <paramref name="layer"/> takes in: the inputs for the first, the activations of the layer below for the others.</summary>
        public double[] InputTo(int layer) => layer == 0 ? Input : A[layer - 1];
    }

    /// <summary>A batch backpropagated through a <see cref="TextbookNetwork"/>: the loss, each sample's deltas, the gradients.</summary>
    public sealed class TextbookGradient
    {
        internal TextbookGradient(double loss, double[] sampleLoss, double[][][] delta, double[][][] weightGradient, double[][] biasGradient)
        {
            Loss = loss;
            SampleLoss = sampleLoss;
            Delta = delta;
            WeightGradient = weightGradient;
            BiasGradient = biasGradient;
        }

        /// <summary>E of the batch: the mean of <see cref="SampleLoss"/>.</summary>
        public double Loss { get; }

        /// <summary>SampleLoss[s]: E of sample s.</summary>
        public double[] SampleLoss { get; }

        /// <summary>Delta[s][l][j]: dE/dz of neuron j of layer l, for sample s's own loss.</summary>
        public double[][][] Delta { get; }

        /// <summary>WeightGradient[l][j][i]: dE/dw of the weight from input i into neuron j of layer l, the mean over the batch.</summary>
        public double[][][] WeightGradient { get; }

        /// <summary>BiasGradient[l][k]: dE/db of bias k of layer l (one per neuron, one for a Shared bias, none), the mean over the batch.</summary>
        public double[][] BiasGradient { get; }
    }
}
