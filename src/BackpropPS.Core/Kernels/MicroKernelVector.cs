using System.Numerics;

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// The register tile of the product over System.Numerics.Vector&lt;double&gt; (what a netstandard2.0
    /// assembly can use): 4 rows of two vectors, multiply then add, since Vector&lt;T&gt; has no fused form.
    /// </summary>
    internal static unsafe class MicroKernelVector
    {
        public const int MR = 4;

        /// <summary>Columns of the tile: two vectors.</summary>
        public static readonly int NR = 2 * Vector<double>.Count;

        /// <summary>
        /// C[4 x NR] = (add ? C + acc : acc) * scale, where acc[i, j] = sum over p of A[i, p] B[p, j], summed in
        /// order of p. A[i, p] is at <c>a[i] + p * aStep</c>; row p of B starts at <c>b + bRow[p]</c>.
        /// </summary>
        public static void Run(int kc, double** a, long aStep, double* b, long* bRow, double* c, int ldc, bool add, double scale)
        {
            int w = Vector<double>.Count;
            double* a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
            Vector<double> c00 = default, c01 = default, c10 = default, c11 = default;
            Vector<double> c20 = default, c21 = default, c30 = default, c31 = default;
            long q = 0;
            for (int p = 0; p < kc; p++, q += aStep)
            {
                double* bp = b + bRow[p];
                Vector<double> b0 = *(Vector<double>*)bp, b1 = *(Vector<double>*)(bp + w);
                var ai = new Vector<double>(a0[q]);
                c00 += ai * b0; c01 += ai * b1;
                ai = new Vector<double>(a1[q]);
                c10 += ai * b0; c11 += ai * b1;
                ai = new Vector<double>(a2[q]);
                c20 += ai * b0; c21 += ai * b1;
                ai = new Vector<double>(a3[q]);
                c30 += ai * b0; c31 += ai * b1;
            }
            var s = new Vector<double>(scale);
            Store(c, w, c00, c01, add, s); c += ldc;
            Store(c, w, c10, c11, add, s); c += ldc;
            Store(c, w, c20, c21, add, s); c += ldc;
            Store(c, w, c30, c31, add, s);
        }

        private static void Store(double* c, int w, Vector<double> low, Vector<double> high, bool add, Vector<double> scale)
        {
            if (add)
            {
                low += *(Vector<double>*)c;
                high += *(Vector<double>*)(c + w);
            }
            *(Vector<double>*)c = low * scale;
            *(Vector<double>*)(c + w) = high * scale;
        }
    }
}
