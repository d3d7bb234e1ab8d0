using System.Numerics;

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// The register tile of the product over System.Numerics.Vector&lt;T&gt; (what a netstandard2.0 assembly can
    /// use), for doubles and floats alike: 4 rows of two vectors, multiply then add, since Vector&lt;T&gt; has no
    /// fused form.
    /// </summary>
    internal static unsafe class MicroKernelVector<T> where T : unmanaged
    {
        public const int MR = 4;

        /// <summary>Columns of the tile: two vectors.</summary>
        public static readonly int NR = 2 * Vector<T>.Count;

        /// <summary>
        /// C[4 x NR] = (add ? C + acc : acc) * scale, where acc[i, j] = sum over p of A[i, p] B[p, j], summed in
        /// order of p, from a packed strip of A (A[i, p] at <c>a[p * 4 + i]</c>) and one of B (<c>b[p * NR + j]</c>).
        /// </summary>
        public static void Run(int kc, T* a, T* b, T* c, int ldc, bool add, T scale)
        {
            int w = Vector<T>.Count, nr = 2 * w;
            Vector<T> c00 = default, c01 = default, c10 = default, c11 = default;
            Vector<T> c20 = default, c21 = default, c30 = default, c31 = default;
            for (int p = 0; p < kc; p++, a += MR, b += nr)
            {
                Vector<T> b0 = *(Vector<T>*)b, b1 = *(Vector<T>*)(b + w);
                var ai = new Vector<T>(a[0]);
                c00 += ai * b0; c01 += ai * b1;
                ai = new Vector<T>(a[1]);
                c10 += ai * b0; c11 += ai * b1;
                ai = new Vector<T>(a[2]);
                c20 += ai * b0; c21 += ai * b1;
                ai = new Vector<T>(a[3]);
                c30 += ai * b0; c31 += ai * b1;
            }
            var s = new Vector<T>(scale);
            Store(c, w, c00, c01, add, s); c += ldc;
            Store(c, w, c10, c11, add, s); c += ldc;
            Store(c, w, c20, c21, add, s); c += ldc;
            Store(c, w, c30, c31, add, s);
        }

        private static void Store(T* c, int w, Vector<T> low, Vector<T> high, bool add, Vector<T> scale)
        {
            if (add)
            {
                low += *(Vector<T>*)c;
                high += *(Vector<T>*)(c + w);
            }
            *(Vector<T>*)c = low * scale;
            *(Vector<T>*)(c + w) = high * scale;
        }
    }
}
