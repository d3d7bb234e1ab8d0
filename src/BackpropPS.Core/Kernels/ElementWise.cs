using System.Numerics;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// The element-wise parts of a layer's passes over a batch (rows x columns, row-major): adding the bias,
    /// the activation and its backward pass, and the bias gradient. The SIMD path does the same operations in
    /// the same order as the reference loops of <see cref="Activations"/> (no fused multiply-add), so its
    /// results are identical to theirs, bit for bit. Vector&lt;double&gt; is already AVX2-wide on net8.0, so
    /// these need no separate intrinsics path. The exception is the exponential of Sigmoid, Tanh and Softmax:
    /// on the Avx2 path it is ExpAvx2's, within a few units in the last place of Math's. This file holds the
    /// double passes and the generic entries the passes of either type call; ElementWiseSingle.cs the float ones.
    /// </summary>
    internal static partial class ElementWise
    {
        /// <summary>z[r, j] += bias of neuron j, for every row, in the arrays' own type.</summary>
        public static void AddBias<T>(T[] z, int rows, int columns, T[] biases, BiasMode mode, KernelPath path) where T : unmanaged
        {
            if (Scalar.IsSingle<T>()) AddBias(Scalar.Singles(z), rows, columns, Scalar.Singles(biases), mode, path);
            else AddBias(Scalar.Doubles(z), rows, columns, Scalar.Doubles(biases), mode, path);
        }

        /// <summary>a = f(z) for every value (Softmax: for every row), in the arrays' own type.</summary>
        public static void Forward<T>(Activation f, T[] z, T[] a, int rows, int columns, KernelPath path) where T : unmanaged
        {
            if (Scalar.IsSingle<T>()) Forward(f, Scalar.Singles(z), Scalar.Singles(a), rows, columns, path);
            else Forward(f, Scalar.Doubles(z), Scalar.Doubles(a), rows, columns, path);
        }

        /// <summary>dZ = dL/dz from dA = dL/da, in the arrays' own type.</summary>
        public static void Backward<T>(Activation f, T[] z, T[] a, T[] dA, T[] dZ, int rows, int columns, KernelPath path) where T : unmanaged
        {
            if (Scalar.IsSingle<T>()) Backward(f, Scalar.Singles(z), Scalar.Singles(a), Scalar.Singles(dA), Scalar.Singles(dZ), rows, columns, path);
            else Backward(f, Scalar.Doubles(z), Scalar.Doubles(a), Scalar.Doubles(dA), Scalar.Doubles(dZ), rows, columns, path);
        }

        /// <summary>The bias gradient, in the arrays' own type.</summary>
        public static void BiasGradient<T>(T[] delta, int rows, int columns, BiasMode mode, double scale, T[] gradient, KernelPath path) where T : unmanaged
        {
            if (Scalar.IsSingle<T>()) BiasGradient(Scalar.Singles(delta), rows, columns, mode, (float)scale, Scalar.Singles(gradient), path);
            else BiasGradient(Scalar.Doubles(delta), rows, columns, mode, scale, Scalar.Doubles(gradient), path);
        }

        /// <summary>The sum of the squares of the first <paramref name="count"/> values, as a double.</summary>
        public static double SumOfSquares<T>(T[] values, int count, KernelPath path) where T : unmanaged =>
            Scalar.IsSingle<T>() ? SumOfSquares(Scalar.Singles(values), count, path) : SumOfSquares(Scalar.Doubles(values), count, path);

        /// <summary>True when no value is infinite or NaN.</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static bool AllFinite<T>(T[] values) where T : unmanaged
        {
            // v - v is 0 for a finite v and NaN for an infinity or a NaN, and a NaN stays NaN in the sum: a vector
            // of values per step and no branch inside (the zeros that pad the last vector are finite).
            int w = Vector<T>.Count, k = 0;
            Vector<T> sum = Vector<T>.Zero;
            for (; k + w <= values.Length; k += w)
            {
                var v = new Vector<T>(values, k);
                sum += v - v;
            }
            if (k < values.Length)
            {
                Vector<T> v = Lanes.Load(values, k, values.Length - k);
                sum += v - v;
            }
            return sum == Vector<T>.Zero;
        }

        /// <summary>z[r, j] += bias of neuron j, for every row.</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void AddBias(double[] z, int rows, int columns, double[] biases, BiasMode mode, KernelPath path)
        {
            if (mode == BiasMode.None) return;
            if (mode == BiasMode.Shared)
            {
                double b = biases[0];
                for (int k = 0; k < rows * columns; k++) z[k] += b;
                return;
            }
            int w = Vector<double>.Count;
            for (int r = 0; r < rows; r++)
            {
                int o = r * columns, j = 0;
                if (path != KernelPath.Reference)
                {
                    for (; j + w <= columns; j += w) (new Vector<double>(z, o + j) + new Vector<double>(biases, j)).CopyTo(z, o + j);
                }
                for (; j < columns; j++) z[o + j] += biases[j];
            }
        }

        /// <summary>a = f(z) for every value (Softmax: for every row).</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void Forward(Activation f, double[] z, double[] a, int rows, int columns, KernelPath path)
        {
            int count = rows * columns, k = 0;
            if (path != KernelPath.Reference && (f == Activation.ReLU || f == Activation.LeakyReLU || f == Activation.Linear))
            {
                int w = Vector<double>.Count;
                var slope = new Vector<double>(f == Activation.LeakyReLU ? Activations.LeakySlope : 0.0);
                for (; k + w <= count; k += w)
                {
                    var v = new Vector<double>(z, k);
                    // z > 0 ? z : slope z, as Activations.Apply has it (slope 0 for ReLU gives its 0).
                    Vector<double> y = f == Activation.Linear ? v
                        : Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<double>.Zero), v,
                            f == Activation.ReLU ? Vector<double>.Zero : v * slope);
                    y.CopyTo(a, k);
                }
                for (; k < count; k++) a[k] = Activations.Apply(f, z[k]);
                return;
            }
#if NET8_0_OR_GREATER
            if (path == KernelPath.Avx2 && (f == Activation.Sigmoid || f == Activation.Tanh))
            {
                for (; k + 4 <= count; k += 4)
                {
                    Vector256<double> v = Vector256.LoadUnsafe(ref z[0], (nuint)k);
                    if (f == Activation.Sigmoid ? ExpAvx2.TrySigmoid(v, out Vector256<double> y) : ExpAvx2.TryTanh(v, out y))
                        y.StoreUnsafe(ref a[0], (nuint)k);
                    else
                        for (int i = k; i < k + 4; i++) a[i] = Activations.Apply(f, z[i]);
                }
                if (k < count)
                {
                    // The last one to three values as one vector, padded with zeros: one exponential instead of three.
                    int rest = count - k;
                    Vector256<double> v = Vector256.Create(z[k], rest > 1 ? z[k + 1] : 0.0, rest > 2 ? z[k + 2] : 0.0, 0.0);
                    if (f == Activation.Sigmoid ? ExpAvx2.TrySigmoid(v, out Vector256<double> y) : ExpAvx2.TryTanh(v, out y))
                        for (int i = 0; i < rest; i++) a[k + i] = y.GetElement(i);
                    else
                        for (; k < count; k++) a[k] = Activations.Apply(f, z[k]);
                }
                return;
            }
            if (path == KernelPath.Avx2 && f == Activation.Softmax && columns >= 4)
            {
                for (int r = 0; r < rows; r++) SoftmaxAvx2(z, a, r * columns, columns);
                return;
            }
#endif
            Activations.Apply(f, z, a, rows, columns);
        }

#if NET8_0_OR_GREATER
        // Softmax of one row as Activations has it (shift by the maximum, exponentials, their sum in order,
        // then each divided by it), with the exponentials four at a time.
        [MethodImpl(JitOptions.Optimize)]
        private static void SoftmaxAvx2(double[] z, double[] a, int offset, int count)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < count; k++) max = System.Math.Max(max, z[offset + k]);
            var shift = Vector256.Create(max);
            int j = 0;
            for (; j + 4 <= count; j += 4)
            {
                Vector256<double> v = Vector256.LoadUnsafe(ref z[0], (nuint)(offset + j)) - shift;
                if (ExpAvx2.TryExp(v, out Vector256<double> e)) e.StoreUnsafe(ref a[0], (nuint)(offset + j));
                else for (int i = j; i < j + 4; i++) a[offset + i] = System.Math.Exp(z[offset + i] - max);
            }
            for (; j < count; j++) a[offset + j] = System.Math.Exp(z[offset + j] - max);
            double sum = 0.0;
            for (int k = 0; k < count; k++) sum += a[offset + k];
            for (int k = 0; k < count; k++) a[offset + k] /= sum;
        }
#endif

        /// <summary>dZ = dL/dz from dA = dL/da for every value (Softmax: through its Jacobian, row by row).</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void Backward(Activation f, double[] z, double[] a, double[] dA, double[] dZ, int rows, int columns, KernelPath path)
        {
            if (path == KernelPath.Reference || f == Activation.Softmax)
            {
                Activations.Backward(f, z, a, dA, dZ, rows, columns);
                return;
            }
            int count = rows * columns, w = Vector<double>.Count, k = 0;
            Vector<double> one = Vector<double>.One, leaky = new Vector<double>(Activations.LeakySlope);
            for (; k + w <= count; k += w)
            {
                Vector<double> d = new Vector<double>(dA, k), derivative;
                switch (f)
                {
                    case Activation.Sigmoid: { var y = new Vector<double>(a, k); derivative = y * (one - y); break; }
                    case Activation.Tanh: { var y = new Vector<double>(a, k); derivative = one - y * y; break; }
                    case Activation.ReLU:
                        derivative = Vector.ConditionalSelect(Vector.GreaterThan(new Vector<double>(z, k), Vector<double>.Zero), one, Vector<double>.Zero);
                        break;
                    case Activation.LeakyReLU:
                        derivative = Vector.ConditionalSelect(Vector.GreaterThan(new Vector<double>(z, k), Vector<double>.Zero), one, leaky);
                        break;
                    default: derivative = one; break;
                }
                // Multiplied, not selected: dA * 0 keeps the sign of zero the reference loop gives.
                (d * derivative).CopyTo(dZ, k);
            }
            for (; k < count; k++) dZ[k] = dA[k] * Activations.Derivative(f, z[k], a[k]);
        }

        /// <summary>
        /// The bias gradient: the deltas summed over the rows per neuron (PerNeuron) or over everything
        /// (Shared), times <paramref name="scale"/> (1 / rows for the batch mean).
        /// </summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void BiasGradient(double[] delta, int rows, int columns, BiasMode mode, double scale, double[] gradient, KernelPath path)
        {
            if (mode == BiasMode.None) return;
            int count = mode == BiasMode.Shared ? 1 : columns;
            System.Array.Clear(gradient, 0, count);
            if (mode == BiasMode.Shared)
            {
                for (int k = 0; k < rows * columns; k++) gradient[0] += delta[k];
            }
            else
            {
                int w = Vector<double>.Count;
                for (int r = 0; r < rows; r++)
                {
                    int o = r * columns, j = 0;
                    // Each neuron's sum still runs over the rows in order: the same sums as the plain loop.
                    if (path != KernelPath.Reference)
                        for (; j + w <= columns; j += w) (new Vector<double>(gradient, j) + new Vector<double>(delta, o + j)).CopyTo(gradient, j);
                    for (; j < columns; j++) gradient[j] += delta[o + j];
                }
            }
            if (scale != 1.0) for (int j = 0; j < count; j++) gradient[j] *= scale;
        }

        /// <summary>The sum of the squares of the first <paramref name="count"/> values.</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static double SumOfSquares(double[] values, int count, KernelPath path)
        {
            double sum = 0.0;
            int k = 0;
            if (path != KernelPath.Reference)
            {
                int w = Vector<double>.Count;
                Vector<double> s0 = Vector<double>.Zero, s1 = Vector<double>.Zero;
                for (; k + 2 * w <= count; k += 2 * w)
                {
                    var v0 = new Vector<double>(values, k);
                    var v1 = new Vector<double>(values, k + w);
                    s0 += v0 * v0;
                    s1 += v1 * v1;
                }
                sum = Vector.Dot(s0 + s1, Vector<double>.One);
            }
            for (; k < count; k++) sum += values[k] * values[k];
            return sum;
        }
    }
}
