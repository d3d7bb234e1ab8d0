using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// Copies parts of the operands into the order the micro-kernel reads them, where it cannot read them in
    /// place: B read transposed (the forward pass's W^T), whose rows are columns of W, and the strips at the
    /// ragged edges of A and B, zero-padded to a whole tile so the micro-kernel never reads past an array.
    /// </summary>
    internal static unsafe class GemmPacking
    {
        /// <summary>
        /// Rows p0 .. p0 + kc and columns j0 .. j0 + cols of a transposed B, in strips of nr columns, each strip
        /// k-major (row p of strip s at <c>packed + s * kc + p * nr</c>), the last strip zero-padded.
        /// </summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void PackTransposedB(in MatrixOperand b, double* data, int p0, int kc, int j0, int cols, int nr, double* packed)
        {
            for (int s = 0; s < cols; s += nr)
            {
                int width = cols - s < nr ? cols - s : nr;
                double* strip = packed + s * kc;
#if NET8_0_OR_GREATER
                if (nr == 8 && width == 8 && Avx2.IsSupported)
                {
                    // Stored row j0 + s + j, column p0 + p is B[p, j]: 4 x 4 blocks transposed in registers.
                    PackEightRows(data, b, p0, kc, j0 + s, strip);
                    continue;
                }
#endif
                for (int j = 0; j < nr; j++)
                {
                    double* to = strip + j;
                    if (j >= width)
                    {
                        for (int p = 0; p < kc; p++) to[p * nr] = 0.0;
                        continue;
                    }
                    double* from = data + b.RowStart(j0 + s + j) + p0;
                    for (int p = 0; p < kc; p++) to[p * nr] = from[p];
                }
            }
        }

        /// <summary>
        /// Rows p0 .. p0 + kc and columns j0 .. j0 + width of B as stored, into one strip of nr columns
        /// (k-major, zero-padded): the ragged last strip of a B the micro-kernel otherwise reads in place.
        /// </summary>
        public static void PackStripOfB(in MatrixOperand b, double* data, int p0, int kc, int j0, int width, int nr, double* strip)
        {
            for (int p = 0; p < kc; p++)
            {
                double* from = data + b.RowStart(p0 + p) + j0;
                double* to = strip + p * nr;
                int j = 0;
                for (; j < width; j++) to[j] = from[j];
                for (; j < nr; j++) to[j] = 0.0;
            }
        }

        /// <summary>
        /// Rows i0 .. i0 + height and columns p0 .. p0 + kc of A into one strip of mr rows (A[i, p] at
        /// <c>strip + p * mr + i</c>, zero-padded): the ragged last strip of an A read in place otherwise.
        /// </summary>
        public static void PackStripOfA(in MatrixOperand a, int i0, int height, int p0, int kc, int mr, double* strip)
        {
            for (int p = 0; p < kc; p++)
            {
                double* to = strip + p * mr;
                int i = 0;
                for (; i < height; i++) to[i] = a[i0 + i, p0 + p];
                for (; i < mr; i++) to[i] = 0.0;
            }
        }

#if NET8_0_OR_GREATER
        private static void PackEightRows(double* data, in MatrixOperand b, int p0, int kc, int j, double* strip)
        {
            double* r0 = data + b.RowStart(j) + p0, r1 = data + b.RowStart(j + 1) + p0;
            double* r2 = data + b.RowStart(j + 2) + p0, r3 = data + b.RowStart(j + 3) + p0;
            double* r4 = data + b.RowStart(j + 4) + p0, r5 = data + b.RowStart(j + 5) + p0;
            double* r6 = data + b.RowStart(j + 6) + p0, r7 = data + b.RowStart(j + 7) + p0;
            int p = 0;
            for (; p + 4 <= kc; p += 4)
            {
                double* to = strip + p * 8;
                Transpose4(Avx.LoadVector256(r0 + p), Avx.LoadVector256(r1 + p), Avx.LoadVector256(r2 + p), Avx.LoadVector256(r3 + p), to);
                Transpose4(Avx.LoadVector256(r4 + p), Avx.LoadVector256(r5 + p), Avx.LoadVector256(r6 + p), Avx.LoadVector256(r7 + p), to + 4);
            }
            for (; p < kc; p++)
            {
                double* to = strip + p * 8;
                to[0] = r0[p]; to[1] = r1[p]; to[2] = r2[p]; to[3] = r3[p];
                to[4] = r4[p]; to[5] = r5[p]; to[6] = r6[p]; to[7] = r7[p];
            }
        }

        // Rows x0..x3 (four values each) become columns: to[q * 8 + i] = x_i[q].
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Transpose4(Vector256<double> x0, Vector256<double> x1, Vector256<double> x2, Vector256<double> x3, double* to)
        {
            Vector256<double> t0 = Avx.UnpackLow(x0, x1), t1 = Avx.UnpackHigh(x0, x1);
            Vector256<double> t2 = Avx.UnpackLow(x2, x3), t3 = Avx.UnpackHigh(x2, x3);
            Avx.Store(to, Avx.Permute2x128(t0, t2, 0x20));
            Avx.Store(to + 8, Avx.Permute2x128(t1, t3, 0x20));
            Avx.Store(to + 16, Avx.Permute2x128(t0, t2, 0x31));
            Avx.Store(to + 24, Avx.Permute2x128(t1, t3, 0x31));
        }
#endif
    }
}
