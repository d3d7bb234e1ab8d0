using System.Runtime.CompilerServices;

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// The cache-blocked product (the BLIS loop nest): k in equal blocks of at most KC; for each, a panel of B
    /// and blocks of MC rows of A packed into the micro-kernel's order (see <see cref="GemmPacking"/>), then
    /// swept tile by tile, the strip of B kept in the L1 cache while the strips of A pass it. Every element of
    /// C is summed over p in the same order whatever part of C a call computes, so splitting C between threads
    /// never changes a bit. One loop nest for both types; the register tile is the type's own
    /// (on Avx2, MicroKernelAvx2's 6 x 8 doubles, MicroKernelAvx2Single's 6 x 16 floats, or on a CPU with AVX-512
    /// MicroKernelAvx512Single's 6 x 32 floats).
    /// </summary>
    internal static unsafe class GemmBlocked<T> where T : unmanaged
    {
        // A strip of B (KC x NR) stays in the L1 cache while strips of A pass; MC rows of A (KC x MC) stay in L2.
        // Measured here on 784- and 512-wide layers, a KC of 384 (784 = 3 blocks of 262) beat 256 and 512.
        private const int KC = 384, MC = 120;

        // Packed panels per thread, grown as needed: nothing is allocated once a run has warmed up.
        [ThreadStatic] private static T[] t_packedA, t_packedB;

        /// <summary>Columns j0 .. j0 + cols of C = alpha op(A) op(B), on <paramref name="path"/> (Vector or Avx2).</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void Multiply(KernelPath path, int m, int n, int k, double alpha, in MatrixOperand<T> a, in MatrixOperand<T> b,
            T[] c, int cOffset, int ldc, int j0, int cols)
        {
            int mr = MR(path), nr = NR(path);
            int blocks = (k + KC - 1) / KC, kcMax = (k + blocks - 1) / blocks;
            T[] packedA = Grow(ref t_packedA, RoundUp(Math.Min(m, MC), mr) * kcMax);
            // Sized for all of n, not just this part's columns, so that a thread that computed half a product
            // once and a whole one next (when the other thread is busy) still allocates nothing.
            T[] packedB = Grow(ref t_packedB, RoundUp(n, nr) * kcMax);
            T* tile = stackalloc T[mr * nr];
            fixed (T* pa = a.Data, pb = b.Data, pc = c, pA = packedA, pB = packedB)
            {
                for (int block = 0, p0 = 0; block < blocks; block++)
                {
                    // Equal blocks, so that none is a sliver: k = 784 is 4 x 196, not 3 x 256 + 16.
                    int kc = (k - p0 + (blocks - block) - 1) / (blocks - block);
                    bool add = block > 0;
                    double scale = block == blocks - 1 ? alpha : 1.0;
                    GemmPacking.PackB(path, b, pb, p0, kc, j0, cols, nr, pB);
                    for (int i0 = 0; i0 < m; i0 += MC)
                    {
                        int rows = Math.Min(MC, m - i0);
                        GemmPacking.PackA(path, a, pa, i0, rows, p0, kc, mr, pA);
                        for (int js = 0; js < cols; js += nr)
                        {
                            int width = Math.Min(nr, cols - js);
                            T* bStrip = pB + js * kc;
                            for (int s = 0; s < rows; s += mr)
                            {
                                int height = Math.Min(mr, rows - s);
                                T* aStrip = pA + s * kc;
                                T* target = pc + cOffset + (long)(i0 + s) * ldc + j0 + js;
                                if (height == mr && width == nr)
                                {
                                    Kernel(path, nr, kc, aStrip, bStrip, target, ldc, add, scale);
                                    continue;
                                }
                                // An edge tile: computed whole into a scratch tile, then only its real part kept.
                                Kernel(path, nr, kc, aStrip, bStrip, tile, nr, false, 1.0);
                                KeepEdge(tile, nr, target, ldc, height, width, add, scale);
                            }
                        }
                    }
                    p0 += kc;
                }
            }
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// Whether float products on the Avx2 path use <see cref="MicroKernelAvx512Single"/>'s 6 x 32 tile (on a CPU
        /// with AVX-512, where it was measured about twice as fast as the 6 x 16 one) instead of MicroKernelAvx2Single's.
        /// Both sum each element over p in the same order with the same fused multiply-adds, so they give the same bits;
        /// tests and benchmarks switch it to compare the two.
        /// </summary>
        internal static bool WideSingleTiles = MicroKernelAvx512Single.IsSupported;
#endif

        /// <summary>Rows of the register tile on <paramref name="path"/>.</summary>
        public static int MR(KernelPath path) =>
#if NET8_0_OR_GREATER
            path == KernelPath.Avx2 ? (Scalar.IsSingle<T>() ? MicroKernelAvx2Single.MR : MicroKernelAvx2.MR) :
#endif
            MicroKernelVector<T>.MR;

        /// <summary>Columns of the register tile on <paramref name="path"/>.</summary>
        public static int NR(KernelPath path) =>
#if NET8_0_OR_GREATER
            path == KernelPath.Avx2 ? (Scalar.IsSingle<T>() ? (WideSingleTiles ? MicroKernelAvx512Single.NR : MicroKernelAvx2Single.NR) : MicroKernelAvx2.NR) :
#endif
            MicroKernelVector<T>.NR;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Kernel(KernelPath path, int nr, int kc, T* a, T* b, T* c, int ldc, bool add, double scale)
        {
#if NET8_0_OR_GREATER
            if (path == KernelPath.Avx2)
            {
                // The tile is the one the strips were packed for, read once per product (the switch may change between).
                if (Scalar.IsSingle<T>() && nr == MicroKernelAvx512Single.NR) MicroKernelAvx512Single.Run(kc, (float*)a, (float*)b, (float*)c, ldc, add, (float)scale);
                else if (Scalar.IsSingle<T>()) MicroKernelAvx2Single.Run(kc, (float*)a, (float*)b, (float*)c, ldc, add, (float)scale);
                else MicroKernelAvx2.Run(kc, (double*)a, (double*)b, (double*)c, ldc, add, scale);
                return;
            }
#endif
            MicroKernelVector<T>.Run(kc, a, b, c, ldc, add, Scalar.From<T>(scale));
        }

        // target[i, j] = (add ? target[i, j] + tile[i, j] : tile[i, j]) * scale over the real part of an edge tile.
        [MethodImpl(JitOptions.Optimize)]
        private static void KeepEdge(T* tile, int nr, T* target, int ldc, int height, int width, bool add, double scale)
        {
            if (Scalar.IsSingle<T>())
            {
                float* from = (float*)tile, to = (float*)target;
                float s = (float)scale;
                for (int i = 0; i < height; i++)
                    for (int j = 0; j < width; j++)
                    {
                        float v = from[i * nr + j];
                        to[i * ldc + j] = (add ? to[i * ldc + j] + v : v) * s;
                    }
                return;
            }
            double* f = (double*)tile, t = (double*)target;
            for (int i = 0; i < height; i++)
                for (int j = 0; j < width; j++)
                {
                    double v = f[i * nr + j];
                    t[i * ldc + j] = (add ? t[i * ldc + j] + v : v) * scale;
                }
        }

        private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

        private static T[] Grow(ref T[] buffer, int size)
        {
            if (buffer == null || buffer.Length < size) buffer = new T[size];
            return buffer;
        }
    }
}
