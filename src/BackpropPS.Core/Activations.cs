namespace BackpropPS.Core
{
    /// <summary>Activation functions over a batch (rows x columns, row-major) and their backward passes.</summary>
    public static class Activations
    {
        /// <summary>Slope of LeakyReLU below zero (PyTorch's default).</summary>
        public const double LeakySlope = 0.01;

        /// <summary>a = f(z) for every row of a batch; Softmax works row by row.</summary>
        public static void Apply(Activation f, double[] z, double[] a, int rows, int columns)
        {
            if (f == Activation.Softmax)
            {
                for (int r = 0; r < rows; r++) Softmax(z, a, r * columns, columns);
                return;
            }
            for (int k = 0; k < rows * columns; k++) a[k] = Apply(f, z[k]);
        }

        /// <summary>f(z) for an element-wise activation.</summary>
        public static double Apply(Activation f, double z)
        {
            switch (f)
            {
                case Activation.Sigmoid: return 1.0 / (1.0 + Math.Exp(-z));
                case Activation.Tanh: return Math.Tanh(z);
                case Activation.ReLU: return z > 0 ? z : 0.0;
                case Activation.LeakyReLU: return z > 0 ? z : LeakySlope * z;
                case Activation.Linear: return z;
                default: throw new ArgumentOutOfRangeException(nameof(f), f, "Not an element-wise activation.");
            }
        }

        /// <summary>
        /// f'(z) for an element-wise activation, from z and a = f(z) (Sigmoid and Tanh use a, as the seed does).
        /// </summary>
        public static double Derivative(Activation f, double z, double a)
        {
            switch (f)
            {
                case Activation.Sigmoid: return a * (1.0 - a);
                case Activation.Tanh: return 1.0 - a * a;
                case Activation.ReLU: return z > 0 ? 1.0 : 0.0;
                case Activation.LeakyReLU: return z > 0 ? 1.0 : LeakySlope;
                case Activation.Linear: return 1.0;
                default: throw new ArgumentOutOfRangeException(nameof(f), f, "Not an element-wise activation.");
            }
        }

        /// <summary>
        /// dL/dz from dL/da for every row: element-wise f'(z) dL/da, or for Softmax the full Jacobian
        /// product dz_k = a_k (da_k - sum_j a_j da_j).
        /// </summary>
        public static void Backward(Activation f, double[] z, double[] a, double[] dA, double[] dZ, int rows, int columns)
        {
            if (f == Activation.Softmax)
            {
                for (int r = 0; r < rows; r++)
                {
                    int o = r * columns;
                    double dot = 0.0;
                    for (int j = 0; j < columns; j++) dot += a[o + j] * dA[o + j];
                    for (int k = 0; k < columns; k++) dZ[o + k] = a[o + k] * (dA[o + k] - dot);
                }
                return;
            }
            for (int k = 0; k < rows * columns; k++) dZ[k] = dA[k] * Derivative(f, z[k], a[k]);
        }

        private static void Softmax(double[] z, double[] a, int offset, int count)
        {
            // Shifting by the maximum keeps exp from overflowing; the result is the same function.
            double max = double.NegativeInfinity;
            for (int k = 0; k < count; k++) max = Math.Max(max, z[offset + k]);
            double sum = 0.0;
            for (int k = 0; k < count; k++) sum += a[offset + k] = Math.Exp(z[offset + k] - max);
            for (int k = 0; k < count; k++) a[offset + k] /= sum;
        }

        /// <summary>log softmax(z)_k for one row, computed stably from z.</summary>
        internal static double LogSoftmax(double[] z, int offset, int count, int k)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < count; j++) max = Math.Max(max, z[offset + j]);
            double sum = 0.0;
            for (int j = 0; j < count; j++) sum += Math.Exp(z[offset + j] - max);
            return z[offset + k] - max - Math.Log(sum);
        }
    }
}
