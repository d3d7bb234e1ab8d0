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
    /// transposes (8 x 8 for floats) go through registers;
    /// the float strips of B are 16 or 32 columns wide (see GemmBlocked.WideSingleTiles); the Vector path copies as the netstandard2.0 build does.
    /// Packing only moves values, so one routine serves doubles and floats except for those transposes.
    /// </summary>
    internal static unsafe class GemmPacking
    {
        /// <summary>Rows i0 .. i0 + rows and columns p0 .. p0 + kc of op(A), in strips of mr rows.</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void PackA<T>(KernelPath path, in MatrixOperand<T> a, T* data, int i0, int rows, int p0, int kc, int mr, T* packed) where T : unmanaged
        {
            if (a.Transposed)
            {
                // A[i, p] is stored at row p, column i: each stored row is read once, mr neighbours per strip.
                for (int p = 0; p < kc; p++)
                {
                    T* from = data + a.RowStart(p0 + p) + i0;
                    for (int s = 0; s < rows; s += mr) CopyPadded(path, from + s, packed + s * kc + p * mr, rows - s < mr ? rows - s : mr, mr);
                }
                return;
            }
            for (int s = 0; s < rows; s += mr)
            {
                int height = rows - s < mr ? rows - s : mr;
                T* strip = packed + s * kc;
#if NET8_0_OR_GREATER
                if (path == KernelPath.Avx2 && height == 6)
                {
                    if (Scalar.IsSingle<T>()) PackSixRows(a, (float*)data, i0 + s, p0, kc, (float*)strip);
                    else PackSixRows(a, (double*)data, i0 + s, p0, kc, (double*)strip);
                    continue;
                }
#endif
                for (int i = 0; i < mr; i++)
                {
                    T* to = strip + i;
                    if (i >= height)
                    {
                        for (int p = 0; p < kc; p++) to[p * mr] = default;
                        continue;
                    }
                    T* from = data + a.RowStart(i0 + s + i) + p0;
                    for (int p = 0; p < kc; p++) to[p * mr] = from[p];
                }
            }
        }

        /// <summary>Rows p0 .. p0 + kc and columns j0 .. j0 + cols of op(B), in strips of nr columns.</summary>
        [MethodImpl(JitOptions.Optimize)]
        public static void PackB<T>(KernelPath path, in MatrixOperand<T> b, T* data, int p0, int kc, int j0, int cols, int nr, T* packed) where T : unmanaged
        {
            if (!b.Transposed)
            {
                // B[p, j] is stored at row p, column j: each stored row is read once, nr neighbours per strip.
                for (int p = 0; p < kc; p++)
                {
                    T* from = data + b.RowStart(p0 + p) + j0;
                    for (int s = 0; s < cols; s += nr) CopyPadded(path, from + s, packed + s * kc + p * nr, cols - s < nr ? cols - s : nr, nr);
                }
                return;
            }
            for (int s = 0; s < cols; s += nr)
            {
                int width = cols - s < nr ? cols - s : nr;
                T* strip = packed + s * kc;
#if NET8_0_OR_GREATER
                if (path == KernelPath.Avx2 && width == nr)
                {
                    if (Scalar.IsSingle<T>()) PackFloatColumns(b, (float*)data, j0 + s, p0, kc, nr, (float*)strip);
                    else PackEightRows(b, (double*)data, j0 + s, p0, kc, (double*)strip);
                    continue;
                }
#endif
                for (int j = 0; j < nr; j++)
                {
                    T* to = strip + j;
                    if (j >= width)
                    {
                        for (int p = 0; p < kc; p++) to[p * nr] = default;
                        continue;
                    }
                    T* from = data + b.RowStart(j0 + s + j) + p0;
                    for (int p = 0; p < kc; p++) to[p * nr] = from[p];
                }
            }
        }

        // to[0 .. count) = from[0 .. count), then zeros up to width.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void CopyPadded<T>(KernelPath path, T* from, T* to, int count, int width) where T : unmanaged
        {
            int i = 0;
#if NET8_0_OR_GREATER
            if (path == KernelPath.Avx2)
            {
                for (; i + Vector256<T>.Count <= count; i += Vector256<T>.Count) Vector256.Store(Vector256.Load(from + i), to + i);
                if (i + Vector128<T>.Count <= count) { Vector128.Store(Vector128.Load(from + i), to + i); i += Vector128<T>.Count; }
            }
#endif
            for (; i < count; i++) to[i] = from[i];
            for (; i < width; i++) to[i] = default;
        }

#if NET8_0_OR_GREATER
        // Six stored rows of A (doubles), four steps of p at a time: rows 0-3 through a 4 x 4 transpose, rows 4-5 in pairs.
        [MethodImpl(JitOptions.Optimize)]
        private static void PackSixRows<T>(in MatrixOperand<T> a, double* data, int i, int p0, int kc, double* strip) where T : unmanaged
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

        // Eight stored rows of a transposed B (its columns, doubles), four steps of p at a time, as two 4 x 4 transposes.
        [MethodImpl(JitOptions.Optimize)]
        private static void PackEightRows<T>(in MatrixOperand<T> b, double* data, int j, int p0, int kc, double* strip) where T : unmanaged
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
        // Six stored rows of A (floats), eight steps of p at a time through an 8 x 8 transpose (two rows of zeros).
        [MethodImpl(JitOptions.Optimize)]
        private static void PackSixRows<T>(in MatrixOperand<T> a, float* data, int i, int p0, int kc, float* strip) where T : unmanaged
        {
            float* r0 = data + a.RowStart(i) + p0, r1 = data + a.RowStart(i + 1) + p0, r2 = data + a.RowStart(i + 2) + p0;
            float* r3 = data + a.RowStart(i + 3) + p0, r4 = data + a.RowStart(i + 4) + p0, r5 = data + a.RowStart(i + 5) + p0;
            Vector256<float> zero = Vector256<float>.Zero;
            int p = 0;
            for (; p + 8 <= kc; p += 8)
            {
                Transpose8(Avx.LoadVector256(r0 + p), Avx.LoadVector256(r1 + p), Avx.LoadVector256(r2 + p), Avx.LoadVector256(r3 + p),
                    Avx.LoadVector256(r4 + p), Avx.LoadVector256(r5 + p), zero, zero,
                    out Vector256<float> o0, out Vector256<float> o1, out Vector256<float> o2, out Vector256<float> o3,
                    out Vector256<float> o4, out Vector256<float> o5, out Vector256<float> o6, out Vector256<float> o7);
                float* to = strip + p * 6;
                StoreSix(to, o0); StoreSix(to + 6, o1); StoreSix(to + 12, o2); StoreSix(to + 18, o3);
                StoreSix(to + 24, o4); StoreSix(to + 30, o5); StoreSix(to + 36, o6); StoreSix(to + 42, o7);
            }
            for (; p < kc; p++)
            {
                float* to = strip + p * 6;
                to[0] = r0[p]; to[1] = r1[p]; to[2] = r2[p]; to[3] = r3[p]; to[4] = r4[p]; to[5] = r5[p];
            }
        }

        // nr (16, or 32 for the AVX-512 tile) stored rows of a transposed B (its columns, floats), eight steps of p at a
        // time, as nr / 8 transposes of 8 x 8.
        [MethodImpl(JitOptions.Optimize)]
        private static void PackFloatColumns<T>(in MatrixOperand<T> b, float* data, int j, int p0, int kc, int nr, float* strip) where T : unmanaged
        {
            for (int half = 0; half < nr / 8; half++)
            {
                int first = j + 8 * half;
                float* r0 = data + b.RowStart(first) + p0, r1 = data + b.RowStart(first + 1) + p0;
                float* r2 = data + b.RowStart(first + 2) + p0, r3 = data + b.RowStart(first + 3) + p0;
                float* r4 = data + b.RowStart(first + 4) + p0, r5 = data + b.RowStart(first + 5) + p0;
                float* r6 = data + b.RowStart(first + 6) + p0, r7 = data + b.RowStart(first + 7) + p0;
                float* column = strip + 8 * half;
                int p = 0;
                for (; p + 8 <= kc; p += 8)
                {
                    Transpose8(Avx.LoadVector256(r0 + p), Avx.LoadVector256(r1 + p), Avx.LoadVector256(r2 + p), Avx.LoadVector256(r3 + p),
                        Avx.LoadVector256(r4 + p), Avx.LoadVector256(r5 + p), Avx.LoadVector256(r6 + p), Avx.LoadVector256(r7 + p),
                        out Vector256<float> o0, out Vector256<float> o1, out Vector256<float> o2, out Vector256<float> o3,
                        out Vector256<float> o4, out Vector256<float> o5, out Vector256<float> o6, out Vector256<float> o7);
                    float* to = column + p * nr;
                    Avx.Store(to, o0); Avx.Store(to + nr, o1); Avx.Store(to + 2 * nr, o2); Avx.Store(to + 3 * nr, o3);
                    Avx.Store(to + 4 * nr, o4); Avx.Store(to + 5 * nr, o5); Avx.Store(to + 6 * nr, o6); Avx.Store(to + 7 * nr, o7);
                }
                for (; p < kc; p++)
                {
                    float* to = column + p * nr;
                    to[0] = r0[p]; to[1] = r1[p]; to[2] = r2[p]; to[3] = r3[p]; to[4] = r4[p]; to[5] = r5[p]; to[6] = r6[p]; to[7] = r7[p];
                }
            }
        }

        // Rows x0 .. x7 (eight floats each) become columns: o_q[i] = x_i[q].
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Transpose8(Vector256<float> x0, Vector256<float> x1, Vector256<float> x2, Vector256<float> x3,
            Vector256<float> x4, Vector256<float> x5, Vector256<float> x6, Vector256<float> x7,
            out Vector256<float> o0, out Vector256<float> o1, out Vector256<float> o2, out Vector256<float> o3,
            out Vector256<float> o4, out Vector256<float> o5, out Vector256<float> o6, out Vector256<float> o7)
        {
            Vector256<float> t0 = Avx.UnpackLow(x0, x1), t1 = Avx.UnpackHigh(x0, x1), t2 = Avx.UnpackLow(x2, x3), t3 = Avx.UnpackHigh(x2, x3);
            Vector256<float> t4 = Avx.UnpackLow(x4, x5), t5 = Avx.UnpackHigh(x4, x5), t6 = Avx.UnpackLow(x6, x7), t7 = Avx.UnpackHigh(x6, x7);
            Vector256<float> s0 = Avx.Shuffle(t0, t2, 0x44), s1 = Avx.Shuffle(t0, t2, 0xEE), s2 = Avx.Shuffle(t1, t3, 0x44), s3 = Avx.Shuffle(t1, t3, 0xEE);
            Vector256<float> s4 = Avx.Shuffle(t4, t6, 0x44), s5 = Avx.Shuffle(t4, t6, 0xEE), s6 = Avx.Shuffle(t5, t7, 0x44), s7 = Avx.Shuffle(t5, t7, 0xEE);
            o0 = Avx.Permute2x128(s0, s4, 0x20); o1 = Avx.Permute2x128(s1, s5, 0x20); o2 = Avx.Permute2x128(s2, s6, 0x20); o3 = Avx.Permute2x128(s3, s7, 0x20);
            o4 = Avx.Permute2x128(s0, s4, 0x31); o5 = Avx.Permute2x128(s1, s5, 0x31); o6 = Avx.Permute2x128(s2, s6, 0x31); o7 = Avx.Permute2x128(s3, s7, 0x31);
        }

        // The first six floats of v: four, then two, so nothing is written past them.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void StoreSix(float* to, Vector256<float> v)
        {
            Sse.Store(to, v.GetLower());
            Sse.StoreLow(to + 4, v.GetUpper());
        }
#endif
    }
}
