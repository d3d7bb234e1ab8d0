using System.Numerics;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// The element-wise passes in float32, beside the double ones of ElementWise.cs and in their manner: a plain
    /// loop (the reference, and the Reference path), and Vector&lt;float&gt; doing the same float operations in the
    /// same order, so the two agree bit for bit. The functions (exp, tanh) of the reference are Math's in double,
    /// rounded once to float: the float nearest the true value, or next to it. On the Avx2 path Sigmoid, Tanh and
    /// Softmax take their exponentials from ExpAvx2Single (net8.0), eight at a time, within a few units in
    /// the last place of the reference (tests hold them to 1e-6 relative).
    /// </summary>
    internal static partial class ElementWise
    {
        /// <summary>Slope of LeakyReLU below zero as a float.</summary>
        public const float LeakySlopeSingle = (float)Activations.LeakySlope;

        /// <summary>z[r, j] += bias of neuron j, for every row.</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void AddBias(float[] z, int rows, int columns, float[] biases, BiasMode mode, KernelPath path)
        {
            if (mode == BiasMode.None) return;
            if (mode == BiasMode.Shared)
            {
                float b = biases[0];
                for (int k = 0; k < rows * columns; k++) z[k] += b;
                return;
            }
            int w = Vector<float>.Count;
            for (int r = 0; r < rows; r++)
            {
                int o = r * columns, j = 0;
                if (path != KernelPath.Reference)
                {
                    for (; j + w <= columns; j += w) (new Vector<float>(z, o + j) + new Vector<float>(biases, j)).CopyTo(z, o + j);
                }
                for (; j < columns; j++) z[o + j] += biases[j];
            }
        }

        /// <summary>a = f(z) for every value (Softmax: for every row).</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void Forward(Activation f, float[] z, float[] a, int rows, int columns, KernelPath path)
        {
            int count = rows * columns, k = 0;
            if (path != KernelPath.Reference && (f == Activation.ReLU || f == Activation.LeakyReLU || f == Activation.Linear))
            {
                int w = Vector<float>.Count;
                var slope = new Vector<float>(f == Activation.LeakyReLU ? LeakySlopeSingle : 0f);
                for (; k + w <= count; k += w)
                {
                    var v = new Vector<float>(z, k);
                    Vector<float> y = f == Activation.Linear ? v
                        : Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), v,
                            f == Activation.ReLU ? Vector<float>.Zero : v * slope);
                    y.CopyTo(a, k);
                }
                for (; k < count; k++) a[k] = Apply(f, z[k]);
                return;
            }
#if NET8_0_OR_GREATER
            if (path == KernelPath.Avx2 && (f == Activation.Sigmoid || f == Activation.Tanh))
            {
                for (; k + 8 <= count; k += 8)
                {
                    Vector256<float> v = Vector256.LoadUnsafe(ref z[0], (nuint)k);
                    if (f == Activation.Sigmoid ? ExpAvx2Single.TrySigmoid(v, out Vector256<float> y) : ExpAvx2Single.TryTanh(v, out y))
                        y.StoreUnsafe(ref a[0], (nuint)k);
                    else
                        for (int i = k; i < k + 8; i++) a[i] = Apply(f, z[i]);
                }
                for (; k < count; k++) a[k] = Apply(f, z[k]);
                return;
            }
            if (path == KernelPath.Avx2 && f == Activation.Softmax && columns >= 8)
            {
                for (int r = 0; r < rows; r++) SoftmaxAvx2(z, a, r * columns, columns);
                return;
            }
#endif
            if (f == Activation.Softmax)
            {
                for (int r = 0; r < rows; r++) Softmax(z, a, r * columns, columns);
                return;
            }
            for (; k < count; k++) a[k] = Apply(f, z[k]);
        }

        /// <summary>dZ = dL/dz from dA = dL/da for every value (Softmax: through its Jacobian, row by row).</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void Backward(Activation f, float[] z, float[] a, float[] dA, float[] dZ, int rows, int columns, KernelPath path)
        {
            if (f == Activation.Softmax)
            {
                for (int r = 0; r < rows; r++)
                {
                    int o = r * columns;
                    float dot = 0f;
                    for (int j = 0; j < columns; j++) dot += a[o + j] * dA[o + j];
                    for (int j = 0; j < columns; j++) dZ[o + j] = a[o + j] * (dA[o + j] - dot);
                }
                return;
            }
            int count = rows * columns, k = 0;
            if (path != KernelPath.Reference)
            {
                int w = Vector<float>.Count;
                Vector<float> one = Vector<float>.One, leaky = new Vector<float>(LeakySlopeSingle);
                for (; k + w <= count; k += w)
                {
                    Vector<float> d = new Vector<float>(dA, k), derivative;
                    switch (f)
                    {
                        case Activation.Sigmoid: { var y = new Vector<float>(a, k); derivative = y * (one - y); break; }
                        case Activation.Tanh: { var y = new Vector<float>(a, k); derivative = one - y * y; break; }
                        case Activation.ReLU:
                            derivative = Vector.ConditionalSelect(Vector.GreaterThan(new Vector<float>(z, k), Vector<float>.Zero), one, Vector<float>.Zero);
                            break;
                        case Activation.LeakyReLU:
                            derivative = Vector.ConditionalSelect(Vector.GreaterThan(new Vector<float>(z, k), Vector<float>.Zero), one, leaky);
                            break;
                        default: derivative = one; break;
                    }
                    // Multiplied, not selected: dA * 0 keeps the sign of zero the reference loop gives.
                    (d * derivative).CopyTo(dZ, k);
                }
            }
            for (; k < count; k++) dZ[k] = dA[k] * Derivative(f, z[k], a[k]);
        }

        /// <summary>
        /// The bias gradient: the deltas summed over the rows per neuron (PerNeuron) or over everything
        /// (Shared), in order of the rows, times <paramref name="scale"/>.
        /// </summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void BiasGradient(float[] delta, int rows, int columns, BiasMode mode, float scale, float[] gradient, KernelPath path)
        {
            if (mode == BiasMode.None) return;
            int count = mode == BiasMode.Shared ? 1 : columns;
            Array.Clear(gradient, 0, count);
            if (mode == BiasMode.Shared)
            {
                for (int k = 0; k < rows * columns; k++) gradient[0] += delta[k];
            }
            else
            {
                int w = Vector<float>.Count;
                for (int r = 0; r < rows; r++)
                {
                    int o = r * columns, j = 0;
                    if (path != KernelPath.Reference)
                        for (; j + w <= columns; j += w) (new Vector<float>(gradient, j) + new Vector<float>(delta, o + j)).CopyTo(gradient, j);
                    for (; j < columns; j++) gradient[j] += delta[o + j];
                }
            }
            if (scale != 1f) for (int j = 0; j < count; j++) gradient[j] *= scale;
        }

        /// <summary>The sum of the squares of the first <paramref name="count"/> values, each widened to a double first.</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static double SumOfSquares(float[] values, int count, KernelPath path)
        {
            double sum = 0.0;
            int k = 0;
            if (path != KernelPath.Reference)
            {
                int w = Vector<float>.Count;
                Vector<double> s0 = Vector<double>.Zero, s1 = Vector<double>.Zero;
                for (; k + w <= count; k += w)
                {
                    Vector.Widen(new Vector<float>(values, k), out Vector<double> low, out Vector<double> high);
                    s0 += low * low;
                    s1 += high * high;
                }
                sum = Vector.Dot(s0 + s1, Vector<double>.One);
            }
            for (; k < count; k++) sum += (double)values[k] * values[k];
            return sum;
        }

        /// <summary>f(z) in float: Sigmoid and Tanh as Math has them in double, rounded once.</summary>
        public static float Apply(Activation f, float z)
        {
            switch (f)
            {
                case Activation.Sigmoid: return (float)(1.0 / (1.0 + Math.Exp(-(double)z)));
                case Activation.Tanh: return (float)Math.Tanh(z);
                case Activation.ReLU: return z > 0 ? z : 0f;
                case Activation.LeakyReLU: return z > 0 ? z : LeakySlopeSingle * z;
                case Activation.Linear: return z;
                default: throw new ArgumentOutOfRangeException(nameof(f), f, "Not an element-wise activation.");
            }
        }

        /// <summary>f'(z) in float, from z and a = f(z), as <see cref="Activations.Derivative"/> has it.</summary>
        public static float Derivative(Activation f, float z, float a)
        {
            switch (f)
            {
                case Activation.Sigmoid: return a * (1f - a);
                case Activation.Tanh: return 1f - a * a;
                case Activation.ReLU: return z > 0 ? 1f : 0f;
                case Activation.LeakyReLU: return z > 0 ? 1f : LeakySlopeSingle;
                case Activation.Linear: return 1f;
                default: throw new ArgumentOutOfRangeException(nameof(f), f, "Not an element-wise activation.");
            }
        }

        // Softmax of one row in float: shift by the maximum, exponentials, their sum in order, each divided by it.
        [MethodImpl(JitOptions.Optimize)]
        private static void Softmax(float[] z, float[] a, int offset, int count)
        {
            float max = float.NegativeInfinity;
            for (int k = 0; k < count; k++) max = Math.Max(max, z[offset + k]);
            float sum = 0f;
            for (int k = 0; k < count; k++) sum += a[offset + k] = (float)Math.Exp(z[offset + k] - max);
            for (int k = 0; k < count; k++) a[offset + k] /= sum;
        }

#if NET8_0_OR_GREATER
        // The same softmax with the exponentials eight at a time.
        [MethodImpl(JitOptions.Optimize)]
        private static void SoftmaxAvx2(float[] z, float[] a, int offset, int count)
        {
            float max = float.NegativeInfinity;
            for (int k = 0; k < count; k++) max = Math.Max(max, z[offset + k]);
            var shift = Vector256.Create(max);
            int j = 0;
            for (; j + 8 <= count; j += 8)
            {
                Vector256<float> v = Vector256.LoadUnsafe(ref z[0], (nuint)(offset + j)) - shift;
                if (ExpAvx2Single.TryExp(v, out Vector256<float> e)) e.StoreUnsafe(ref a[0], (nuint)(offset + j));
                else for (int i = j; i < j + 8; i++) a[offset + i] = (float)Math.Exp(z[offset + i] - max);
            }
            for (; j < count; j++) a[offset + j] = (float)Math.Exp(z[offset + j] - max);
            float sum = 0f;
            for (int k = 0; k < count; k++) sum += a[offset + k];
            for (int k = 0; k < count; k++) a[offset + k] /= sum;
        }
#endif
    }
}
