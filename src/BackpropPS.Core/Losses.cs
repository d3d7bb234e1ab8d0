using System.Runtime.CompilerServices;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core
{
    /// <summary>Loss values and the output layer's deltas dL/dz.</summary>
    public static class Losses
    {
        /// <summary>
        /// The loss a command uses when none is given, the same for training and for one step on the same
        /// network: CrossEntropy for a Softmax output layer (its gradient is the familiar yhat - y), and the
        /// seed example's HalfSquaredError for every other output layer.
        /// </summary>
        public static LossFunction DefaultFor(Network network)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            return network.Layers[network.Layers.Count - 1].Activation == Activation.Softmax ? LossFunction.CrossEntropy : LossFunction.HalfSquaredError;
        }

        /// <summary>Throws when a loss cannot be used with an output activation.</summary>
        public static void EnsureCompatible(LossFunction loss, Activation output)
        {
            if (!Enum.IsDefined(typeof(LossFunction), loss))
                throw BackpropException.Argument("UnknownLoss", $"Unknown loss '{loss}'.");
            bool ok = loss == LossFunction.CrossEntropy ? output == Activation.Softmax
                : loss == LossFunction.BinaryCrossEntropy ? output == Activation.Sigmoid || output == Activation.Softmax
                : true;
            if (!ok)
            {
                string needs = loss == LossFunction.CrossEntropy ? "a Softmax" : "a Sigmoid or Softmax";
                throw new BackpropException("LossActivationMismatch", BackpropErrorKind.InvalidOperation,
                    $"{loss} needs {needs} output layer (outputs in (0, 1)); the output layer is {output}.");
            }
        }

        /// <summary>
        /// The loss of one sample (row <paramref name="row"/>). Uses z for log terms under Softmax and
        /// Sigmoid, so a saturated output gives a large finite loss instead of log(0).
        /// </summary>
        [MethodImpl(JitOptions.Optimize)]
        public static double SampleLoss(LossFunction loss, Activation output, double[] z, double[] a, double[] y, int row, int n)
        {
            int o = row * n;
            double sum = 0.0;
            switch (loss)
            {
                case LossFunction.HalfSquaredError:
                    for (int k = 0; k < n; k++) { double d = y[o + k] - a[o + k]; sum += 0.5 * d * d; }
                    return sum;
                case LossFunction.MeanSquaredError:
                    for (int k = 0; k < n; k++) { double d = y[o + k] - a[o + k]; sum += d * d; }
                    return sum / n;
                case LossFunction.CrossEntropy:
                    for (int k = 0; k < n; k++)
                        if (y[o + k] != 0.0) sum -= y[o + k] * LogOf(output, z, a, o, n, k);
                    return sum;
                case LossFunction.BinaryCrossEntropy:
                    for (int k = 0; k < n; k++)
                    {
                        double t = y[o + k];
                        if (t != 0.0) sum -= t * LogOf(output, z, a, o, n, k);
                        if (t != 1.0) sum -= (1.0 - t) * LogOfComplement(output, z, a, o + k);
                    }
                    return sum / n;
                default:
                    throw new ArgumentOutOfRangeException(nameof(loss), loss, null);
            }
        }

        /// <summary>
        /// dL/dz of every sample of the output layer (rows x n). Softmax with CrossEntropy and Sigmoid with
        /// BinaryCrossEntropy use their closed forms (a S - y and (a - y) / n); everything else goes
        /// through dL/da and the activation's backward pass.
        /// </summary>
        public static void OutputDelta(LossFunction loss, Activation output, double[] z, double[] a, double[] y,
            double[] delta, int rows, int n) => OutputDelta(loss, output, z, a, y, delta, rows, n, null);

        /// <summary>As the public form, with <paramref name="scratch"/> (rows x n, or null) holding dL/da when needed.</summary>
        [MethodImpl(JitOptions.Optimize)]
        internal static void OutputDelta(LossFunction loss, Activation output, double[] z, double[] a, double[] y,
            double[] delta, int rows, int n, double[] scratch)
        {
            if (loss == LossFunction.CrossEntropy && output == Activation.Softmax)
            {
                for (int r = 0; r < rows; r++)
                {
                    int o = r * n;
                    double s = 0.0;
                    for (int k = 0; k < n; k++) s += y[o + k];
                    for (int k = 0; k < n; k++) delta[o + k] = a[o + k] * s - y[o + k];
                }
                return;
            }
            if (loss == LossFunction.BinaryCrossEntropy && output == Activation.Sigmoid)
            {
                for (int k = 0; k < rows * n; k++) delta[k] = (a[k] - y[k]) / n;
                return;
            }
            double[] dA = scratch ?? new double[rows * n];
            for (int k = 0; k < rows * n; k++) dA[k] = LossDerivative(loss, a[k], y[k], n);
            Activations.Backward(output, z, a, dA, delta, rows, n);
        }

        internal static double LossDerivative(LossFunction loss, double a, double y, int n)
        {
            switch (loss)
            {
                case LossFunction.HalfSquaredError: return a - y;
                case LossFunction.MeanSquaredError: return 2.0 * (a - y) / n;
                case LossFunction.CrossEntropy: return y == 0.0 ? 0.0 : -y / a;
                case LossFunction.BinaryCrossEntropy: return (a - y) / (a * (1.0 - a)) / n;
                default: throw new ArgumentOutOfRangeException(nameof(loss), loss, null);
            }
        }

        private static double LogOf(Activation output, double[] z, double[] a, int offset, int n, int k)
        {
            if (output == Activation.Softmax) return Activations.LogSoftmax(z, offset, n, k);
            if (output == Activation.Sigmoid) return -Softplus(-z[offset + k]);
            return Math.Log(a[offset + k]);
        }

        private static double LogOfComplement(Activation output, double[] z, double[] a, int index) =>
            output == Activation.Sigmoid ? -Softplus(z[index]) : Math.Log(1.0 - a[index]);

        // log(1 + e^x) without overflow.
        private static double Softplus(double x) => Math.Max(x, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(x)));
    }
}
