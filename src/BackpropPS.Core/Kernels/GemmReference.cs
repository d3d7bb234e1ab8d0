namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// The matrix product as a textbook writes it: C[i, j] = alpha * (sum over p of A[i, p] B[p, j]), each sum
    /// taken in order of p from a single accumulator of the operands' type, then scaled. The reference the fast
    /// paths are tested against, the path of the explain commands, and the fastest way to multiply tiny matrices.
    /// The same loops twice, once per type: double and float arithmetic must each be spelled out.
    /// </summary>
    internal static unsafe class GemmReference
    {
        public static void Multiply<T>(int m, int n, int k, double alpha, in MatrixOperand<T> a, in MatrixOperand<T> b,
            T[] c, int cOffset, int ldc) where T : unmanaged
        {
            fixed (T* pa = a.Data, pb = b.Data, pc = c)
            {
                if (Scalar.IsSingle<T>()) Multiply(m, n, k, (float)alpha, a, b, (float*)pa, (float*)pb, (float*)pc + cOffset, ldc);
                else Multiply(m, n, k, alpha, a, b, (double*)pa, (double*)pb, (double*)pc + cOffset, ldc);
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(JitOptions.Optimize)]
        private static void Multiply<T>(int m, int n, int k, double alpha, in MatrixOperand<T> a, in MatrixOperand<T> b,
            double* pa, double* pb, double* pc, int ldc) where T : unmanaged
        {
            if (!a.Transposed && b.Transposed)
            {
                // Both operands run along p (the forward pass's X W^T): one dot product per element.
                for (int i = 0; i < m; i++)
                {
                    double* ai = pa + a.RowStart(i), ci = pc + (long)i * ldc;
                    for (int j = 0; j < n; j++)
                    {
                        double* bj = pb + b.RowStart(j);
                        double sum = 0.0;
                        for (int p = 0; p < k; p++) sum += ai[p] * bj[p];
                        ci[j] = alpha == 1.0 ? sum : sum * alpha;
                    }
                }
                return;
            }
            for (int i = 0; i < m; i++)
            {
                double* ci = pc + (long)i * ldc;
                for (int j = 0; j < n; j++) ci[j] = 0.0;
                // Adding A[i, p] B[p, j] over p into C[i, j] sums each element in the order of p, as the dot
                // product does, while reading B a row at a time.
                for (int p = 0; p < k; p++)
                {
                    double aip = pa[a.Transposed ? a.RowStart(p) + i : a.RowStart(i) + p];
                    if (b.Transposed)
                    {
                        for (int j = 0; j < n; j++) ci[j] += aip * pb[b.RowStart(j) + p];
                    }
                    else
                    {
                        double* bp = pb + b.RowStart(p);
                        for (int j = 0; j < n; j++) ci[j] += aip * bp[j];
                    }
                }
                if (alpha != 1.0) for (int j = 0; j < n; j++) ci[j] *= alpha;
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(JitOptions.Optimize)]
        private static void Multiply<T>(int m, int n, int k, float alpha, in MatrixOperand<T> a, in MatrixOperand<T> b,
            float* pa, float* pb, float* pc, int ldc) where T : unmanaged
        {
            if (!a.Transposed && b.Transposed)
            {
                for (int i = 0; i < m; i++)
                {
                    float* ai = pa + a.RowStart(i), ci = pc + (long)i * ldc;
                    for (int j = 0; j < n; j++)
                    {
                        float* bj = pb + b.RowStart(j);
                        float sum = 0f;
                        for (int p = 0; p < k; p++) sum += ai[p] * bj[p];
                        ci[j] = alpha == 1f ? sum : sum * alpha;
                    }
                }
                return;
            }
            for (int i = 0; i < m; i++)
            {
                float* ci = pc + (long)i * ldc;
                for (int j = 0; j < n; j++) ci[j] = 0f;
                for (int p = 0; p < k; p++)
                {
                    float aip = pa[a.Transposed ? a.RowStart(p) + i : a.RowStart(i) + p];
                    if (b.Transposed)
                    {
                        for (int j = 0; j < n; j++) ci[j] += aip * pb[b.RowStart(j) + p];
                    }
                    else
                    {
                        float* bp = pb + b.RowStart(p);
                        for (int j = 0; j < n; j++) ci[j] += aip * bp[j];
                    }
                }
                if (alpha != 1f) for (int j = 0; j < n; j++) ci[j] *= alpha;
            }
        }
    }
}
