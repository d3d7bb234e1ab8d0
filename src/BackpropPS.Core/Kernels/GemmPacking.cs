using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// Copies blocks of the operands into the order the micro-kernel reads them, as BLIS does: A in strips of
    /// mr rows (A[i, p] of a strip at <c>p * mr + i</c>), B in strips of nr columns (B[p, j] at <c>p * nr + j</c>),
    /// each strip contiguous and zero-padded to whole tiles. Packed panels are read in one stream whatever the
    /// operands' strides (a stride of 4 KB, as a 512-wide layer has, would otherwise thrash the caches), and
    /// transposes and row views are resolved here, once per block. On the Avx2 path the copies and 4 x 4
    /// transposes go through registers; the Vector path copies as the netstandard2.0 build does.
    /// </summary>
    internal static unsafe class GemmPacking
    {
        /// <summary>Rows i0 .. i0 + rows and columns p0 .. p0 + kc of op(A), in strips of mr rows.</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void PackA(KernelPath path, in MatrixOperand a, double* data, int i0, int rows, int p0, int kc, int mr, double* packed)
        {
            if (a.Transposed)
            {
                // A[i, p] is stored at row p, column i: each stored row is read once, mr neighbours per strip.
                for (int p = 0; p < kc; p++)
                {
                    double* from = data + a.RowStart(p0 + p) + i0;
                    for (int s = 0; s < rows; s += mr) CopyPadded(path, from + s, packed + s * kc + p * mr, rows - s < mr ? rows - s : mr, mr);
                }
                return;
            }
            for (int s = 0; s < rows; s += mr)
            {
                int height = rows - s < mr ? rows - s : mr;
                double* strip = packed + s * kc;
#if NET8_0_OR_GREATER
                if (path == KernelPath.Avx2 && height == 6)
                {
                    PackSixRows(a, data, i0 + s, p0, kc, strip);
                    continue;
                }
#endif
                for (int i = 0; i < mr; i++)
                {
                    double* to = strip + i;
                    if (i >= height)
                    {
                        for (int p = 0; p < kc; p++) to[p * mr] = 0.0;
                        continue;
                    }
                    double* from = data + a.RowStart(i0 + s + i) + p0;
                    for (int p = 0; p < kc; p++) to[p * mr] = from[p];
                }
            }
        }

        /// <summary>Rows p0 .. p0 + kc and columns j0 .. j0 + cols of op(B), in strips of nr columns.</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void PackB(KernelPath path, in MatrixOperand b, double* data, int p0, int kc, int j0, int cols, int nr, double* packed)
        {
            if (!b.Transposed)
            {
                // B[p, j] is stored at row p, column j: each stored row is read once, nr neighbours per strip.
                for (int p = 0; p < kc; p++)
                {
                    double* from = data + b.RowStart(p0 + p) + j0;
                    for (int s = 0; s < cols; s += nr) CopyPadded(path, from + s, packed + s * kc + p * nr, cols - s < nr ? cols - s : nr, nr);
                }
                return;
            }
            for (int s = 0; s < cols; s += nr)
            {
                int width = cols - s < nr ? cols - s : nr;
                double* strip = packed + s * kc;
#if NET8_0_OR_GREATER
                if (path == KernelPath.Avx2 && width == 8)
                {
                    PackEightRows(b, data, j0 + s, p0, kc, strip);
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

        // to[0 .. count) = from[0 .. count), then zeros up to width.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void CopyPadded(KernelPath path, double* from, double* to, int count, int width)
        {
            int i = 0;
#if NET8_0_OR_GREATER
            if (path == KernelPath.Avx2)
            {
                for (; i + 4 <= count; i += 4) Avx.Store(to + i, Avx.LoadVector256(from + i));
                if (i + 2 <= count) { Sse2.Store(to + i, Sse2.LoadVector128(from + i)); i += 2; }
            }
#endif
            for (; i < count; i++) to[i] = from[i];
            for (; i < width; i++) to[i] = 0.0;
        }

#if NET8_0_OR_GREATER
        // Six stored rows of A, four steps of p at a time: rows 0-3 through a 4 x 4 transpose, rows 4-5 in pairs.
        private static void PackSixRows(in MatrixOperand a, double* data, int i, int p0, int kc, double* strip)
        {
            double* r0 = data + a.RowStart(i) + p0, r1 = data + a.RowStart(i + 1) + p0, r2 = data + a.RowStart(i + 2) + p0;
            double* r3 = data + a.RowStart(i + 3) + p0, r4 = data + a.RowStart(i + 4) + p0, r5 = data + a.RowStart(i + 5) + p0;
            int p = 0;
            for (; p + 4 <= kc; p += 4)
            {
                double* to = strip + p * 6;
                Transpose4(Avx.LoadVector256(r0 + p), Avx.LoadVector256(r1 + p), Avx.LoadVector256(r2 + p), Avx.LoadVector256(r3 + p), to, 6);
                Vector256<double> x4 = Avx.LoadVector256(r4 + p), x5 = Avx.LoadVector256(r5 + p);
                Vector256<double> low = Avx.UnpackLow(x4, x5), high = Avx.UnpackHigh(x4, x5);
                Sse2.Store(to + 4, low.GetLower());
                Sse2.Store(to + 10, high.GetLower());
                Sse2.Store(to + 16, low.GetUpper());
                Sse2.Store(to + 22, high.GetUpper());
            }
            for (; p < kc; p++)
            {
                double* to = strip + p * 6;
                to[0] = r0[p]; to[1] = r1[p]; to[2] = r2[p]; to[3] = r3[p]; to[4] = r4[p]; to[5] = r5[p];
            }
        }

        // Eight stored rows of a transposed B (its columns), four steps of p at a time, as two 4 x 4 transposes.
        private static void PackEightRows(in MatrixOperand b, double* data, int j, int p0, int kc, double* strip)
        {
            double* r0 = data + b.RowStart(j) + p0, r1 = data + b.RowStart(j + 1) + p0;
            double* r2 = data + b.RowStart(j + 2) + p0, r3 = data + b.RowStart(j + 3) + p0;
            double* r4 = data + b.RowStart(j + 4) + p0, r5 = data + b.RowStart(j + 5) + p0;
            double* r6 = data + b.RowStart(j + 6) + p0, r7 = data + b.RowStart(j + 7) + p0;
            int p = 0;
            for (; p + 4 <= kc; p += 4)
            {
                double* to = strip + p * 8;
                Transpose4(Avx.LoadVector256(r0 + p), Avx.LoadVector256(r1 + p), Avx.LoadVector256(r2 + p), Avx.LoadVector256(r3 + p), to, 8);
                Transpose4(Avx.LoadVector256(r4 + p), Avx.LoadVector256(r5 + p), Avx.LoadVector256(r6 + p), Avx.LoadVector256(r7 + p), to + 4, 8);
            }
            for (; p < kc; p++)
            {
                double* to = strip + p * 8;
                to[0] = r0[p]; to[1] = r1[p]; to[2] = r2[p]; to[3] = r3[p];
                to[4] = r4[p]; to[5] = r5[p]; to[6] = r6[p]; to[7] = r7[p];
            }
        }

        // Rows x0 .. x3 (four values each) become columns: to[q * stride + i] = x_i[q].
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Transpose4(Vector256<double> x0, Vector256<double> x1, Vector256<double> x2, Vector256<double> x3, double* to, int stride)
        {
            Vector256<double> t0 = Avx.UnpackLow(x0, x1), t1 = Avx.UnpackHigh(x0, x1);
            Vector256<double> t2 = Avx.UnpackLow(x2, x3), t3 = Avx.UnpackHigh(x2, x3);
            Avx.Store(to, Avx.Permute2x128(t0, t2, 0x20));
            Avx.Store(to + stride, Avx.Permute2x128(t1, t3, 0x20));
            Avx.Store(to + 2 * stride, Avx.Permute2x128(t0, t2, 0x31));
            Avx.Store(to + 3 * stride, Avx.Permute2x128(t1, t3, 0x31));
        }
#endif
    }
}
