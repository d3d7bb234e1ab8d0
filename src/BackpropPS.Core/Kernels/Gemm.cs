namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// C = alpha op(A) op(B) for row-major C (m x n, rows <c>ldc</c> apart): the three products of every layer
    /// (X W^T forward, delta W for the layer below, delta^T X for the weight gradient) with no transposed copies.
    /// Tiny products take the reference loop; larger ones the blocked SIMD path; products of a megaflop and up
    /// are split by columns over the processors. Which path and split a product takes depends only on its
    /// shape, the CPU and the build, never on the thread count, so results are the same with 1 or 2 threads.
    /// <c>T</c> is double or float; alpha is rounded to the operands' type.
    /// </summary>
    internal static class Gemm
    {
        /// <summary>Below this many multiply-adds the blocked path's packing costs more than it saves.</summary>
        internal const long BlockedThreshold = 256;

        /// <summary>From this many flops (2 m n k) a product is worth a second thread.</summary>
        internal const long ParallelThreshold = 1_000_000;

        /// <summary>
        /// C = alpha op(A) op(B) on <paramref name="path"/>, using up to <paramref name="threads"/> threads
        /// (0: every processor).
        /// </summary>
        public static void Multiply<T>(int m, int n, int k, double alpha, in MatrixOperand<T> a, in MatrixOperand<T> b,
            T[] c, int cOffset, int ldc, KernelPath path, int threads = 0) where T : unmanaged
        {
            if (m == 0 || n == 0) return;
            if (k == 0)
            {
                for (int i = 0; i < m; i++) Array.Clear(c, cOffset + i * ldc, n);
                return;
            }
            path = Runnable(path);
            if (path == KernelPath.Reference || (long)m * n * k < BlockedThreshold)
            {
                GemmReference.Multiply(m, n, k, alpha, a, b, c, cOffset, ldc);
                return;
            }
            int parts = threads <= 0 ? Engine.ProcessorCount : threads;
            int strips = (n + GemmBlocked<T>.NR(path) - 1) / GemmBlocked<T>.NR(path);
            if (parts > 1 && 2L * m * n * k >= ParallelThreshold && strips >= 2)
            {
                SplitProduct<T> split = SplitProduct<T>.ForThisThread();
                split.Set(path, m, n, k, alpha, a, b, c, cOffset, ldc);
                try
                {
                    ParallelKernel.Run(split, Math.Min(parts, strips));
                }
                finally
                {
                    split.Clear();
                }
                return;
            }
            GemmBlocked<T>.Multiply(path, m, n, k, alpha, a, b, c, cOffset, ldc, 0, n);
        }

        /// <summary>The path itself when this build and CPU can run it, else the best one that can.</summary>
        private static KernelPath Runnable(KernelPath path) =>
            path == KernelPath.Avx2 && Engine.Path != KernelPath.Avx2 ? Engine.Path : path;

        // One product cut into column ranges of whole register tiles, one per thread.
        private sealed class SplitProduct<T> : IPartitionedWork where T : unmanaged
        {
            [ThreadStatic] private static SplitProduct<T> t_split;
            private KernelPath _path;
            private int _m, _n, _k, _cOffset, _ldc;
            private double _alpha;
            private MatrixOperand<T> _a, _b;
            private T[] _c;

            public static SplitProduct<T> ForThisThread() => t_split ?? (t_split = new SplitProduct<T>());

            public void Set(KernelPath path, int m, int n, int k, double alpha, in MatrixOperand<T> a, in MatrixOperand<T> b,
                T[] c, int cOffset, int ldc)
            {
                _path = path; _m = m; _n = n; _k = k; _alpha = alpha; _a = a; _b = b; _c = c; _cOffset = cOffset; _ldc = ldc;
            }

            public void Clear()
            {
                _a = default; _b = default; _c = null;
            }

            public void Execute(int part, int parts)
            {
                int nr = GemmBlocked<T>.NR(_path), strips = (_n + nr - 1) / nr;
                int first = strips * part / parts, last = strips * (part + 1) / parts;
                int j0 = first * nr, j1 = Math.Min(_n, last * nr);
                if (j1 > j0) GemmBlocked<T>.Multiply(_path, _m, _n, _k, _alpha, _a, _b, _c, _cOffset, _ldc, j0, j1 - j0);
            }
        }
    }
}
