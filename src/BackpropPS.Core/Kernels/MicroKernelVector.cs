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
        /// order of p, from a packed strip of A (A[i, p] at <c>a[p * 4 + i]</c>) and one of B (<c>b[p * NR + j]</c>).
        /// </summary>
        public static void Run(int kc, double* a, double* b, double* c, int ldc, bool add, double scale)
        {
            int w = Vector<double>.Count, nr = 2 * w;
            Vector<double> c00 = default, c01 = default, c10 = default, c11 = default;
            Vector<double> c20 = default, c21 = default, c30 = default, c31 = default;
            for (int p = 0; p < kc; p++, a += MR, b += nr)
            {
                Vector<double> b0 = *(Vector<double>*)b, b1 = *(Vector<double>*)(b + w);
                var ai = new Vector<double>(a[0]);
                c00 += ai * b0; c01 += ai * b1;
                ai = new Vector<double>(a[1]);
                c10 += ai * b0; c11 += ai * b1;
                ai = new Vector<double>(a[2]);
                c20 += ai * b0; c21 += ai * b1;
                ai = new Vector<double>(a[3]);
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
