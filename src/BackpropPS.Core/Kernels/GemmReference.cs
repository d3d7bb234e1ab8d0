using System;

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// The matrix product as a textbook writes it: C[i, j] = alpha * (sum over p of A[i, p] B[p, j]), each sum
    /// taken in order of p from a single accumulator, then scaled. The reference the fast paths are tested
    /// against, the path of the explain commands, and the fastest way to multiply tiny matrices.
    /// </summary>
    internal static class GemmReference
    {
        public static void Multiply(int m, int n, int k, double alpha, in MatrixOperand a, in MatrixOperand b,
            double[] c, int cOffset, int ldc)
        {
            double[] bd = b.Data;
            for (int i = 0; i < m; i++)
            {
                int ci = cOffset + i * ldc;
                Array.Clear(c, ci, n);
                // Adding a[i, p] * b[p, j] over p into c[i, j] sums each element in the order of p, as the
                // dot product would, while reading B a row at a time.
                for (int p = 0; p < k; p++)
                {
                    double aip = a[i, p];
                    if (b.Transposed)
                    {
                        for (int j = 0; j < n; j++) c[ci + j] += aip * bd[b.RowStart(j) + p];
                    }
                    else
                    {
                        int bp = b.RowStart(p);
                        for (int j = 0; j < n; j++) c[ci + j] += aip * bd[bp + j];
                    }
                }
                if (alpha != 1.0) for (int j = 0; j < n; j++) c[ci + j] *= alpha;
            }
        }
    }
}
