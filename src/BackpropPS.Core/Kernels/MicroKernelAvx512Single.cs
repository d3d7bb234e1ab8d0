#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// The 6 x 32 register tile of the float product on a CPU with AVX-512: <see cref="MicroKernelAvx2Single"/>'s
    /// shape with sixteen floats a register, twelve 16-wide accumulators fed each step of k by two loads of B and six
    /// broadcasts of A. Each element is the same chain of fused multiply-adds over p as in the 6 x 16 tile, so the
    /// two give the same bits; this one does twice the work per instruction.
    /// </summary>
    internal static unsafe class MicroKernelAvx512Single
    {
        public const int MR = 6, NR = 32;

        /// <summary>Whether this CPU and runtime run 512-bit vectors in hardware.</summary>
        public static bool IsSupported => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

        /// <summary>
        /// C[6 x 32] = (add ? C + acc : acc) * scale, where acc[i, j] = sum over p of A[i, p] B[p, j], summed in
        /// order of p, from a packed strip of A (A[i, p] at <c>a[p * 6 + i]</c>) and one of B (<c>b[p * 32 + j]</c>).
        /// </summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void Run(int kc, float* a, float* b, float* c, int ldc, bool add, float scale)
        {
            Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
            Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
            for (int p = 0; p < kc; p++, a += MR, b += NR)
            {
                Vector512<float> b0 = Avx512F.LoadVector512(b), b1 = Avx512F.LoadVector512(b + 16);
                Vector512<float> ai = Vector512.Create(a[0]);
                c00 = Avx512F.FusedMultiplyAdd(ai, b0, c00); c01 = Avx512F.FusedMultiplyAdd(ai, b1, c01);
                ai = Vector512.Create(a[1]);
                c10 = Avx512F.FusedMultiplyAdd(ai, b0, c10); c11 = Avx512F.FusedMultiplyAdd(ai, b1, c11);
                ai = Vector512.Create(a[2]);
                c20 = Avx512F.FusedMultiplyAdd(ai, b0, c20); c21 = Avx512F.FusedMultiplyAdd(ai, b1, c21);
                ai = Vector512.Create(a[3]);
                c30 = Avx512F.FusedMultiplyAdd(ai, b0, c30); c31 = Avx512F.FusedMultiplyAdd(ai, b1, c31);
                ai = Vector512.Create(a[4]);
                c40 = Avx512F.FusedMultiplyAdd(ai, b0, c40); c41 = Avx512F.FusedMultiplyAdd(ai, b1, c41);
                ai = Vector512.Create(a[5]);
                c50 = Avx512F.FusedMultiplyAdd(ai, b0, c50); c51 = Avx512F.FusedMultiplyAdd(ai, b1, c51);
            }
            Vector512<float> s = Vector512.Create(scale);
            Store(c, c00, c01, add, s); c += ldc;
            Store(c, c10, c11, add, s); c += ldc;
            Store(c, c20, c21, add, s); c += ldc;
            Store(c, c30, c31, add, s); c += ldc;
            Store(c, c40, c41, add, s); c += ldc;
            Store(c, c50, c51, add, s);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(float* c, Vector512<float> low, Vector512<float> high, bool add, Vector512<float> scale)
        {
            if (add)
            {
                low = Avx512F.Add(Avx512F.LoadVector512(c), low);
                high = Avx512F.Add(Avx512F.LoadVector512(c + 16), high);
            }
            Avx512F.Store(c, Avx512F.Multiply(low, scale));
            Avx512F.Store(c + 16, Avx512F.Multiply(high, scale));
        }
    }
}
#endif
