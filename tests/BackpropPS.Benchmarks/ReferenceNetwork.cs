using System;
using BackpropPS.Core;

namespace BackpropPS.Benchmarks
{
    /// <summary>
    /// The baseline: backpropagation as a typical tutorial writes it - jagged weights[layer][neuron][input],
    /// one sample at a time, fresh arrays for every sample's activations and deltas. It shares no math
    /// with the core, so the benchmarks compare two independent implementations of the same step.
    /// </summary>
    public sealed class ReferenceNetwork
    {
        private readonly double[][][] _weights;   // [layer][neuron][input]
        private readonly double[][] _biases;      // [layer][neuron], or [layer][0] for one shared bias
        private readonly Activation[] _activations;

        private ReferenceNetwork(double[][][] weights, double[][] biases, Activation[] activations)
        {
            _weights = weights;
            _biases = biases;
            _activations = activations;
        }

        /// <summary>A copy of a core network's parameters in the tutorial's layout.</summary>
        public static ReferenceNetwork From(Network network)
        {
            int count = network.Layers.Count;
            var weights = new double[count][][];
            var biases = new double[count][];
            var activations = new Activation[count];
            for (int l = 0; l < count; l++)
            {
                Layer layer = network.Layers[l];
                weights[l] = new double[layer.OutputSize][];
                for (int j = 0; j < layer.OutputSize; j++)
                {
                    weights[l][j] = new double[layer.InputSize];
                    for (int i = 0; i < layer.InputSize; i++) weights[l][j][i] = layer.Weights[j, i];
                }
                biases[l] = layer.Biases.ToArray();
                activations[l] = layer.Activation;
            }
            return new ReferenceNetwork(weights, biases, activations);
        }

        /// <summary>Weight from input i into neuron j of layer l.</summary>
        public double Weight(int l, int j, int i) => _weights[l][j][i];

        /// <summary>Bias number b of layer l (b = 0 for a shared bias).</summary>
        public double Bias(int l, int b) => _biases[l][b];

        /// <summary>
        /// One gradient-descent step on the batch's mean loss (half squared error, or cross-entropy for a
        /// Softmax output). Returns a new network, like the core, so every benchmark call starts from the
        /// same weights.
        /// </summary>
        public ReferenceNetwork TrainStep(double[][] inputs, double[][] targets, double learningRate, out double loss)
        {
            int count = _weights.Length;
            var gradW = new double[count][][];
            var gradB = new double[count][];
            for (int l = 0; l < count; l++)
            {
                gradW[l] = new double[_weights[l].Length][];
                for (int j = 0; j < _weights[l].Length; j++) gradW[l][j] = new double[_weights[l][j].Length];
                gradB[l] = new double[_biases[l].Length];
            }

            loss = 0.0;
            for (int s = 0; s < inputs.Length; s++) loss += Backprop(inputs[s], targets[s], gradW, gradB);
            loss /= inputs.Length;

            // w - rate * (sum of sample gradients / batch size), into new arrays.
            double scale = learningRate / inputs.Length;
            var weights = new double[count][][];
            var biases = new double[count][];
            for (int l = 0; l < count; l++)
            {
                weights[l] = new double[_weights[l].Length][];
                for (int j = 0; j < _weights[l].Length; j++)
                {
                    weights[l][j] = new double[_weights[l][j].Length];
                    for (int i = 0; i < weights[l][j].Length; i++) weights[l][j][i] = _weights[l][j][i] - scale * gradW[l][j][i];
                }
                biases[l] = new double[_biases[l].Length];
                for (int b = 0; b < biases[l].Length; b++) biases[l][b] = _biases[l][b] - scale * gradB[l][b];
            }
            return new ReferenceNetwork(weights, biases, _activations);
        }

        // Forward and backward for one sample; adds its gradients to gradW/gradB and returns its loss.
        private double Backprop(double[] x, double[] y, double[][][] gradW, double[][] gradB)
        {
            int count = _weights.Length;
            var z = new double[count][];
            var a = new double[count + 1][];
            a[0] = x;
            for (int l = 0; l < count; l++)
            {
                z[l] = new double[_weights[l].Length];
                for (int j = 0; j < z[l].Length; j++)
                {
                    double sum = 0.0;
                    for (int i = 0; i < a[l].Length; i++) sum += _weights[l][j][i] * a[l][i];
                    z[l][j] = sum + _biases[l][_biases[l].Length == 1 ? 0 : j];
                }
                a[l + 1] = Activate(_activations[l], z[l]);
            }

            double[] output = a[count];
            bool softmax = _activations[count - 1] == Activation.Softmax;
            double loss = 0.0;
            var delta = new double[output.Length];
            for (int k = 0; k < output.Length; k++)
            {
                // Softmax + cross-entropy: dL/dz = a - y. Sigmoid + half squared error: (a - y) a (1 - a).
                if (softmax)
                {
                    if (y[k] != 0.0) loss -= y[k] * Math.Log(output[k]);
                    delta[k] = output[k] - y[k];
                }
                else
                {
                    loss += 0.5 * (y[k] - output[k]) * (y[k] - output[k]);
                    delta[k] = (output[k] - y[k]) * Derivative(_activations[count - 1], z[count - 1][k], output[k]);
                }
            }

            for (int l = count - 1; l >= 0; l--)
            {
                for (int j = 0; j < delta.Length; j++)
                {
                    for (int i = 0; i < a[l].Length; i++) gradW[l][j][i] += delta[j] * a[l][i];
                    gradB[l][gradB[l].Length == 1 ? 0 : j] += delta[j];
                }
                if (l == 0) break;
                var below = new double[a[l].Length];
                for (int i = 0; i < below.Length; i++)
                {
                    double sum = 0.0;
                    for (int j = 0; j < delta.Length; j++) sum += _weights[l][j][i] * delta[j];
                    below[i] = sum * Derivative(_activations[l - 1], z[l - 1][i], a[l][i]);
                }
                delta = below;
            }
            return loss;
        }

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
                a[k] = f == Activation.Sigmoid ? 1.0 / (1.0 + Math.Exp(-z[k]))
                    : f == Activation.Tanh ? Math.Tanh(z[k])
                    : f == Activation.ReLU ? Math.Max(0.0, z[k])
                    : throw new NotSupportedException($"The reference only knows Sigmoid, Tanh, ReLU and Softmax; got {f}.");
            return a;
        }

        private static double Derivative(Activation f, double z, double a) =>
            f == Activation.Sigmoid ? a * (1.0 - a)
            : f == Activation.Tanh ? 1.0 - a * a
            : f == Activation.ReLU ? (z > 0 ? 1.0 : 0.0)
            : throw new NotSupportedException($"The reference has no element-wise derivative for {f}.");
    }
}
