#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// The 6 x 16 register tile of the float product on AVX2 and FMA: <see cref="MicroKernelAvx2"/>'s shape with
    /// eight floats a register instead of four doubles, so each FMA does twice the work. Twelve 8-wide
    /// accumulators (six rows of two vectors), fed each step of k by two loads of B and six broadcasts of A.
    /// </summary>
    internal static unsafe class MicroKernelAvx2Single
    {
        public const int MR = 6, NR = 16;

        /// <summary>
        /// C[6 x 16] = (add ? C + acc : acc) * scale, where acc[i, j] = sum over p of A[i, p] B[p, j], summed in
        /// order of p, from a packed strip of A (A[i, p] at <c>a[p * 6 + i]</c>) and one of B (<c>b[p * 16 + j]</c>).
        /// </summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void Run(int kc, float* a, float* b, float* c, int ldc, bool add, float scale)
        {
            Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
            Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
            int p = 0;
            for (; p + 4 <= kc; p += 4, a += 4 * MR, b += 4 * NR)
            {
                Step(a, b, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
                Step(a + MR, b + NR, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
                Step(a + 2 * MR, b + 2 * NR, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
                Step(a + 3 * MR, b + 3 * NR, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            }
            for (; p < kc; p++, a += MR, b += NR)
                Step(a, b, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            Vector256<float> s = Vector256.Create(scale);
            Store(c, c00, c01, add, s); c += ldc;
            Store(c, c10, c11, add, s); c += ldc;
            Store(c, c20, c21, add, s); c += ldc;
            Store(c, c30, c31, add, s); c += ldc;
            Store(c, c40, c41, add, s); c += ldc;
            Store(c, c50, c51, add, s);
        }

        // One step of k: row i of the tile gains A[i, p] times the sixteen values of row p of B.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Step(float* a, float* b,
            ref Vector256<float> c00, ref Vector256<float> c01, ref Vector256<float> c10, ref Vector256<float> c11,
            ref Vector256<float> c20, ref Vector256<float> c21, ref Vector256<float> c30, ref Vector256<float> c31,
            ref Vector256<float> c40, ref Vector256<float> c41, ref Vector256<float> c50, ref Vector256<float> c51)
        {
            Vector256<float> b0 = Avx.LoadVector256(b), b1 = Avx.LoadVector256(b + 8);
            Vector256<float> ai = Avx.BroadcastScalarToVector256(a);
            c00 = Fma.MultiplyAdd(ai, b0, c00); c01 = Fma.MultiplyAdd(ai, b1, c01);
            ai = Avx.BroadcastScalarToVector256(a + 1);
            c10 = Fma.MultiplyAdd(ai, b0, c10); c11 = Fma.MultiplyAdd(ai, b1, c11);
            ai = Avx.BroadcastScalarToVector256(a + 2);
            c20 = Fma.MultiplyAdd(ai, b0, c20); c21 = Fma.MultiplyAdd(ai, b1, c21);
            ai = Avx.BroadcastScalarToVector256(a + 3);
            c30 = Fma.MultiplyAdd(ai, b0, c30); c31 = Fma.MultiplyAdd(ai, b1, c31);
            ai = Avx.BroadcastScalarToVector256(a + 4);
            c40 = Fma.MultiplyAdd(ai, b0, c40); c41 = Fma.MultiplyAdd(ai, b1, c41);
            ai = Avx.BroadcastScalarToVector256(a + 5);
            c50 = Fma.MultiplyAdd(ai, b0, c50); c51 = Fma.MultiplyAdd(ai, b1, c51);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(float* c, Vector256<float> low, Vector256<float> high, bool add, Vector256<float> scale)
        {
            if (add)
            {
                low = Avx.Add(Avx.LoadVector256(c), low);
                high = Avx.Add(Avx.LoadVector256(c + 8), high);
            }
            Avx.Store(c, Avx.Multiply(low, scale));
            Avx.Store(c + 8, Avx.Multiply(high, scale));
        }
    }
}
#endif
