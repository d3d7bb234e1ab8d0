using System;

namespace BackpropPS.Core
{
    /// <summary>Forward and backward passes over a batch, as matrix products on contiguous arrays.</summary>
    public static class Backpropagation
    {
        /// <summary>Runs <paramref name="network"/> on every row of <paramref name="input"/>.</summary>
        public static ForwardPass Forward(Network network, Matrix input)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            Validation.EnsureBatch(input, network.InputSize, "input", "InputSizeMismatch", "NonFiniteInput");
            int rows = input.Rows;
            var z = new Matrix[network.Layers.Count];
            var a = new Matrix[network.Layers.Count];
            double[] previous = input.Data;
            for (int l = 0; l < network.Layers.Count; l++)
            {
                Layer layer = network.Layers[l];
                var zl = new double[rows * layer.OutputSize];
                var al = new double[rows * layer.OutputSize];
                AffineForward(layer, previous, zl, rows);
                Activations.Apply(layer.Activation, zl, al, rows, layer.OutputSize);
                z[l] = Matrix.Wrap(rows, layer.OutputSize, zl);
                a[l] = Matrix.Wrap(rows, layer.OutputSize, al);
                previous = al;
            }
            return new ForwardPass(network, input, z, a);
        }

        /// <summary>Backpropagates <paramref name="loss"/> between the forward pass's output and <paramref name="target"/>.</summary>
        public static Gradient Backward(ForwardPass forward, Matrix target, LossFunction loss = LossFunction.HalfSquaredError)
        {
            if (forward == null) throw new ArgumentNullException(nameof(forward));
            Network network = forward.Network;
            Layer last = network.Layers[network.Layers.Count - 1];
            Validation.EnsureBatch(target, network.OutputSize, "target", "TargetSizeMismatch", "NonFiniteTarget");
            if (target.Rows != forward.SampleCount)
            {
                throw BackpropException.Argument("BatchSizeMismatch",
                    $"Expected one target per input sample ({forward.SampleCount}); got {target.Rows}.");
            }
            Losses.EnsureCompatible(loss, last.Activation);

            int rows = forward.SampleCount, count = network.Layers.Count, outputs = network.OutputSize;
            var sampleLoss = new double[rows];
            for (int r = 0; r < rows; r++)
            {
                sampleLoss[r] = Losses.SampleLoss(loss, last.Activation, forward.Z[count - 1].Data,
                    forward.Output.Data, target.Data, r, outputs);
            }

            var delta = new Matrix[count];
            var weightGradient = new Matrix[count];
            var biasGradient = new Matrix[count];
            var d = new double[rows * outputs];
            Losses.OutputDelta(loss, last.Activation, forward.Z[count - 1].Data, forward.Output.Data, target.Data, d, rows, outputs);
            for (int l = count - 1; l >= 0; l--)
            {
                Layer layer = network.Layers[l];
                delta[l] = Matrix.Wrap(rows, layer.OutputSize, d);
                weightGradient[l] = WeightGradient(layer, d, forward.InputTo(l).Data, rows);
                biasGradient[l] = BiasGradient(layer, d, rows);
                if (l > 0)
                {
                    // dL/da_prev = delta W, then through the previous layer's activation.
                    Layer below = network.Layers[l - 1];
                    var dA = new double[rows * layer.InputSize];
                    for (int r = 0; r < rows; r++)
                        for (int j = 0; j < layer.OutputSize; j++)
                        {
                            double dj = d[r * layer.OutputSize + j];
                            int w = j * layer.InputSize, o = r * layer.InputSize;
                            for (int i = 0; i < layer.InputSize; i++) dA[o + i] += layer.Weights.Data[w + i] * dj;
                        }
                    var next = new double[rows * below.OutputSize];
                    Activations.Backward(below.Activation, forward.Z[l - 1].Data, forward.A[l - 1].Data, dA, next, rows, below.OutputSize);
                    d = next;
                }
            }
            return new Gradient(forward, target, loss, Matrix.Wrap(rows, 1, sampleLoss), delta, weightGradient, biasGradient);
        }

        // z = a_prev W^T + b: each output is a dot product of two contiguous rows.
        private static void AffineForward(Layer layer, double[] input, double[] z, int rows)
        {
            int n = layer.InputSize, m = layer.OutputSize;
            double[] w = layer.Weights.Data;
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < m; j++)
                {
                    double sum = 0.0;
                    int x = r * n, wj = j * n;
                    for (int i = 0; i < n; i++) sum += input[x + i] * w[wj + i];
                    z[r * m + j] = sum + layer.BiasOf(j);
                }
        }

        // dLoss/dW[j, i] = mean over samples of delta[r, j] * a_prev[r, i].
        private static Matrix WeightGradient(Layer layer, double[] delta, double[] input, int rows)
        {
            int n = layer.InputSize, m = layer.OutputSize;
            var g = new double[m * n];
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < m; j++)
                {
                    double dj = delta[r * m + j];
                    int x = r * n, gj = j * n;
                    for (int i = 0; i < n; i++) g[gj + i] += dj * input[x + i];
                }
            Scale(g, rows);
            return Matrix.Wrap(m, n, g);
        }

        private static Matrix BiasGradient(Layer layer, double[] delta, int rows)
        {
            int m = layer.OutputSize;
            var g = new double[Layer.BiasCount(layer.BiasMode, m)];
            if (g.Length == 0) return Matrix.Wrap(1, 0, g);
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < m; j++)
                    g[layer.BiasMode == BiasMode.Shared ? 0 : j] += delta[r * m + j];
            Scale(g, rows);
            return Matrix.Wrap(1, g.Length, g);
        }

        private static void Scale(double[] values, int rows)
        {
            if (rows == 1) return;
            double s = 1.0 / rows;
            for (int k = 0; k < values.Length; k++) values[k] *= s;
        }
    }
}
