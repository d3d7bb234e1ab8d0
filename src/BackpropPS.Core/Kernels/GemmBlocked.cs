using System;
using System.Runtime.CompilerServices;

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// The cache-blocked product (the BLIS loop nest): k in equal blocks of at most KC, rows of A in blocks of
    /// MC that stay in the L2 cache, and within them register tiles swept strip by strip of B. The micro-kernel
    /// reads A and B in place wherever their layout allows (rows, or a transposed A); only a transposed B and
    /// ragged edges are packed. Every element of C is summed over p in the same order whatever part of C a
    /// call computes, so splitting C between threads never changes a bit.
    /// </summary>
    internal static unsafe class GemmBlocked
    {
        private const int KC = 256, MC = 120;
        internal static bool PackA = true;

        // Scratch per thread, grown as needed: nothing is allocated once a run has warmed up.
        [ThreadStatic] private static double[] t_packedB, t_edgeA, t_edgeB;
        [ThreadStatic] private static long[] t_rowsOfB, t_rowsOfStrip;

        /// <summary>Columns j0 .. j0 + cols of C = alpha op(A) op(B), on <paramref name="path"/> (Vector or Avx2).</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void Multiply(KernelPath path, int m, int n, int k, double alpha, in MatrixOperand a, in MatrixOperand b,
            double[] c, int cOffset, int ldc, int j0, int cols)
        {
            int mr = MR(path), nr = NR(path);
            int blocks = (k + KC - 1) / KC, kcMax = (k + blocks - 1) / blocks;
            double[] packedB = b.Transposed ? Grow(ref t_packedB, RoundUp(cols, nr) * kcMax) : null;
            double[] edgeA = Grow(ref t_edgeA, MC * kcMax), edgeB = Grow(ref t_edgeB, nr * kcMax);
            long[] rowsOfB = Grow(ref t_rowsOfB, kcMax), rowsOfStrip = Grow(ref t_rowsOfStrip, kcMax);
            for (int p = 0; p < kcMax; p++) rowsOfStrip[p] = (long)p * nr;
            double* tile = stackalloc double[mr * nr];
            double** rowsOfA = stackalloc double*[mr];
            fixed (double* pa = a.Data, pb = b.Data, pc = c, pPacked = packedB, pEdgeA = edgeA, pEdgeB = edgeB)
            fixed (long* pRowsOfB = rowsOfB, pRowsOfStrip = rowsOfStrip)
            {
                for (int block = 0, p0 = 0; block < blocks; block++)
                {
                    // Equal blocks, so that none is a sliver: k = 784 is 4 x 196, not 3 x 256 + 16.
                    int kc = (k - p0 + (blocks - block) - 1) / (blocks - block);
                    bool add = block > 0;
                    double scale = block == blocks - 1 ? alpha : 1.0;
                    if (b.Transposed) GemmPacking.PackTransposedB(b, pb, p0, kc, j0, cols, nr, pPacked);
                    else for (int p = 0; p < kc; p++) pRowsOfB[p] = b.RowStart(p0 + p);

                    for (int i0 = 0; i0 < m; i0 += MC)
                    {
                        int rows = Math.Min(MC, m - i0), whole = rows / mr * mr;
                        if (PackA) { for (int s0 = 0; s0 < rows; s0 += mr) GemmPacking.PackStripOfA(a, i0 + s0, Math.Min(mr, rows - s0), p0, kc, mr, pEdgeA + s0 * kc); }
                        else if (whole < rows) GemmPacking.PackStripOfA(a, i0 + whole, rows - whole, p0, kc, mr, pEdgeA + whole * kc);
                        for (int js = 0; js < cols; js += nr)
                        {
                            int width = Math.Min(nr, cols - js);
                            double* bStrip;
                            long* bRows;
                            if (b.Transposed) { bStrip = pPacked + js * kc; bRows = pRowsOfStrip; }
                            else if (width == nr) { bStrip = pb + j0 + js; bRows = pRowsOfB; }
                            else
                            {
                                GemmPacking.PackStripOfB(b, pb, p0, kc, j0 + js, width, nr, pEdgeB);
                                bStrip = pEdgeB;
                                bRows = pRowsOfStrip;
                            }
                            for (int s = 0; s < rows; s += mr)
                            {
                                int height = Math.Min(mr, rows - s);
                                long aStep;
                                if (PackA || height < mr)
                                {
                                    for (int i = 0; i < mr; i++) rowsOfA[i] = pEdgeA + s * kc + i;
                                    aStep = mr;
                                }
                                else if (a.Transposed)
                                {
                                    // A[i, p] is stored at row p, column i: six neighbours, one stored row per step.
                                    double* first = pa + a.RowStart(p0) + i0 + s;
                                    for (int i = 0; i < mr; i++) rowsOfA[i] = first + i;
                                    aStep = a.Stride;
                                }
                                else
                                {
                                    for (int i = 0; i < mr; i++) rowsOfA[i] = pa + a.RowStart(i0 + s + i) + p0;
                                    aStep = 1;
                                }
                                double* target = pc + cOffset + (long)(i0 + s) * ldc + j0 + js;
                                if (height == mr && width == nr)
                                {
                                    Kernel(path, kc, rowsOfA, aStep, bStrip, bRows, target, ldc, add, scale);
                                    continue;
                                }
                                // An edge tile: computed whole into a scratch tile, then only its real part kept.
                                Kernel(path, kc, rowsOfA, aStep, bStrip, bRows, tile, nr, false, 1.0);
                                for (int i = 0; i < height; i++)
                                    for (int j = 0; j < width; j++)
                                    {
                                        double v = tile[i * nr + j];
                                        target[i * ldc + j] = (add ? target[i * ldc + j] + v : v) * scale;
                                    }
                            }
                        }
                    }
                    p0 += kc;
                }
            }
        }

        /// <summary>Rows of the register tile on <paramref name="path"/>.</summary>
        public static int MR(KernelPath path) =>
#if NET8_0_OR_GREATER
            path == KernelPath.Avx2 ? MicroKernelAvx2.MR :
#endif
            MicroKernelVector.MR;

        /// <summary>Columns of the register tile on <paramref name="path"/>.</summary>
        public static int NR(KernelPath path) =>
#if NET8_0_OR_GREATER
            path == KernelPath.Avx2 ? MicroKernelAvx2.NR :
#endif
            MicroKernelVector.NR;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Kernel(KernelPath path, int kc, double** a, long aStep, double* b, long* bRows, double* c, int ldc,
            bool add, double scale)
        {
#if NET8_0_OR_GREATER
            if (path == KernelPath.Avx2) { MicroKernelAvx2.Run(kc, a, aStep, b, bRows, c, ldc, add, scale); return; }
#endif
            MicroKernelVector.Run(kc, a, aStep, b, bRows, c, ldc, add, scale);
        }

        private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

        private static T[] Grow<T>(ref T[] buffer, int size)
        {
            if (buffer == null || buffer.Length < size) buffer = new T[Math.Max(size, 1)];
            return buffer;
        }
    }
}
