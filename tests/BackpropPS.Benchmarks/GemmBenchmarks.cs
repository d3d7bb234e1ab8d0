using BackpropPS.Core;
using BackpropPS.Core.Kernels;
using BenchmarkDotNet.Attributes;

namespace BackpropPS.Benchmarks
{
    /// <summary>
    /// The matrix products of steps (c) and (d), each as the layers compute it (no transposed copies), on the
    /// reference loop (the baseline), the Vector path (the netstandard2.0 build's), and the Avx2 path on one
    /// thread and on every core, in double and (Single*) in float (SingleAvx2Tile*: the float product with the 6 x 16 AVX2 tile
    /// where the CPU has AVX-512 and would use the 6 x 32 one). The GFLOP/s column compares with
    /// `torch_peer.py --gemm` (numpy's dgemm and sgemm on OpenBLAS) on the same shapes.
    /// </summary>
    public class GemmBenchmarks
    {
        private double[] _a, _b, _c;
        private float[] _as, _bs, _cs;
        private MatrixOperand<double> _left, _right;
        private MatrixOperand<float> _leftSingle, _rightSingle;
        private int _m, _n, _k;

        /// <summary>m x k x n, and which operands are read transposed, as in torch_peer.py's list.</summary>
        [Params("(c) X W^T 64x784x128", "(c) d^T X 128x64x784", "(d) X W^T 256x784x512", "(d) a W^T 256x512x512",
            "(d) d^T X 512x256x784", "(d) d^T a 512x256x512", "(d) d W 256x512x512")]
        public string Shape { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            string[] size = Shape.Substring(Shape.LastIndexOf(' ') + 1).Split('x');
            _m = int.Parse(size[0]);
            _k = int.Parse(size[1]);
            _n = int.Parse(size[2]);
            var random = new SeededRandom(1);
            _a = new double[_m * _k];
            _b = new double[_k * _n];
            _c = new double[_m * _n];
            for (int i = 0; i < _a.Length; i++) _a[i] = random.NextDouble();
            for (int i = 0; i < _b.Length; i++) _b[i] = random.NextDouble();
            // Forward: B is W read transposed. Weight gradient: A is the deltas read transposed. Deltas below: as stored.
            _left = Shape.Contains("d^T ") ? MatrixOperand.TransposeOf(_a, _m) : MatrixOperand.Rows(_a, _k);
            _right = Shape.Contains("W^T") ? MatrixOperand.TransposeOf(_b, _k) : MatrixOperand.Rows(_b, _n);
            _as = System.Array.ConvertAll(_a, v => (float)v);
            _bs = System.Array.ConvertAll(_b, v => (float)v);
            _cs = new float[_m * _n];
            _leftSingle = Shape.Contains("d^T ") ? MatrixOperand.TransposeOf(_as, _m) : MatrixOperand.Rows(_as, _k);
            _rightSingle = Shape.Contains("W^T") ? MatrixOperand.TransposeOf(_bs, _k) : MatrixOperand.Rows(_bs, _n);
        }

        [Benchmark(Baseline = true)]
        public double[] Reference() => Run(KernelPath.Reference, 1);

        [Benchmark]
        public double[] Vector1Thread() => Run(KernelPath.Vector, 1);

        [Benchmark]
        public double[] Avx2_1Thread() => Run(KernelPath.Avx2, 1);

        [Benchmark]
        public double[] Avx2AllCores() => Run(KernelPath.Avx2, 0);

        [Benchmark]
        public float[] SingleVector1Thread() => RunSingle(KernelPath.Vector, 1);

        [Benchmark]
        public float[] SingleAvx2_1Thread() => RunSingle(KernelPath.Avx2, 1);

        [Benchmark]
        public float[] SingleAvx2AllCores() => RunSingle(KernelPath.Avx2, 0);

        /// <summary>The float product with the 6 x 16 AVX2 tile where the CPU would use the 6 x 32 AVX-512 one: what AVX-512 adds.</summary>
        [Benchmark]
        public float[] SingleAvx2Tile1Thread() => Narrow(() => RunSingle(KernelPath.Avx2, 1));

        /// <inheritdoc cref="SingleAvx2Tile1Thread"/>
        [Benchmark]
        public float[] SingleAvx2TileAllCores() => Narrow(() => RunSingle(KernelPath.Avx2, 0));

        private static float[] Narrow(System.Func<float[]> product)
        {
            GemmBlocked<float>.WideSingleTiles = false;
            try { return product(); }
            finally { GemmBlocked<float>.WideSingleTiles = MicroKernelAvx512Single.IsSupported; }
        }

        private float[] RunSingle(KernelPath path, int threads)
        {
            Gemm.Multiply(_m, _n, _k, 1.0, _leftSingle, _rightSingle, _cs, 0, _n, path, threads);
            return _cs;
        }

        private double[] Run(KernelPath path, int threads)
        {
            Gemm.Multiply(_m, _n, _k, 1.0, _left, _right, _c, 0, _n, path, threads);
            return _c;
        }
    }
}
