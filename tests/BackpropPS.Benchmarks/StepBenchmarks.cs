using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Kernels;
using BackpropPS.Core.Training;
using BackpropPS.Core;
using BenchmarkDotNet.Attributes;

namespace BackpropPS.Benchmarks
{
    /// <summary>
    /// One SGD step (forward, backward, update) of each benchmark network, several ways in the same run:
    /// <list type="bullet">
    /// <item>Reference: the core's textbook implementation, <see cref="TextbookNetwork"/> (jagged arrays, a sample at
    /// a time, new arrays per step), the 1.00 of the Ratio column.</item>
    /// <item>PublicApi: Backpropagation.Forward, Backward and GradientDescent.Step, which return new immutable
    /// objects, as the step cmdlets use them.</item>
    /// <item>TrainingLoop1Thread / TrainingLoopAllCores: the body of Invoke-BackpropTraining's loop (gradient into
    /// the workspace, the epoch's statistics, the in-place update), on one thread and on every core.</item>
    /// <item>TrainingLoopVectorPath: the same on the Vector&lt;double&gt; kernels the netstandard2.0 build
    /// (Windows PowerShell 5.1) runs, one thread.</item>
    /// <item>Single1Thread / SingleAllCores / SingleVectorPath: the same three in float32 (-Precision Single), the
    /// workspace of floats, the batch's inputs stored as floats; on a CPU with AVX-512 their products use its 6 x 32
    /// float tile, and SingleAvx2Tile1Thread / SingleAvx2TileAllCores are the same steps with the 6 x 16 AVX2 tile.</item>
    /// </list>
    /// The allocated column is per step; the training loop's is zero.
    /// </summary>
    [MemoryDiagnoser]
    public class StepBenchmarks
    {
        private BenchmarkStep _step;
        private TextbookNetwork _reference;
        private double[][] _inputs, _targets;
        private TrainingLoop<double> _one, _all, _vector;
        private TrainingLoop<float> _singleOne, _singleAll, _singleVector;

        [Params("a", "b", "c", "d")]
        public string Step { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _step = BenchmarkStep.Create(Step);
            _reference = TextbookNetwork.From(_step.Network);
            _inputs = _step.Inputs;
            _targets = _step.Targets;
            // The comparison only means something if both compute the same step.
            Gradient gradient = Backpropagation.Backward(Backpropagation.Forward(_step.Network, _step.Batch.Inputs), _step.Batch.Targets, _step.Loss);
            TextbookNetwork reference = TextbookStep(out double referenceLoss);
            Agreement.Check(_step.Network, GradientDescent.Step(gradient, _step.LearningRate), gradient.Loss, reference, referenceLoss);
            _one = new TrainingLoop<double>(_step, Engine.Path, 1);
            _all = new TrainingLoop<double>(_step, Engine.Path, 0);
            _vector = new TrainingLoop<double>(_step, KernelPath.Vector, 1);
            _singleOne = new TrainingLoop<float>(_step, Engine.Path, 1);
            _singleAll = new TrainingLoop<float>(_step, Engine.Path, 0);
            _singleVector = new TrainingLoop<float>(_step, KernelPath.Vector, 1);
        }

        [Benchmark(Baseline = true)]
        public TextbookNetwork Reference() => TextbookStep(out _);

        [Benchmark]
        public Network PublicApi()
        {
            ForwardPass forward = Backpropagation.Forward(_step.Network, _step.Batch.Inputs);
            Gradient gradient = Backpropagation.Backward(forward, _step.Batch.Targets, _step.Loss);
            return GradientDescent.Step(gradient, _step.LearningRate);
        }

        [Benchmark]
        public bool TrainingLoop1Thread() => _one.Step();

        [Benchmark]
        public bool TrainingLoopAllCores() => _all.Step();

        [Benchmark]
        public bool TrainingLoopVectorPath() => _vector.Step();

        [Benchmark]
        public bool Single1Thread() => _singleOne.Step();

        [Benchmark]
        public bool SingleAllCores() => _singleAll.Step();

        [Benchmark]
        public bool SingleVectorPath() => _singleVector.Step();

        [Benchmark]
        public bool SingleAvx2Tile1Thread() => Narrow(_singleOne);

        [Benchmark]
        public bool SingleAvx2TileAllCores() => Narrow(_singleAll);

        // A float step with the 6 x 16 AVX2 tile where the CPU has AVX-512 (and would use the 6 x 32 one).
        private static bool Narrow(TrainingLoop<float> loop)
        {
            GemmBlocked<float>.WideSingleTiles = false;
            try { return loop.Step(); }
            finally { GemmBlocked<float>.WideSingleTiles = MicroKernelAvx512Single.IsSupported; }
        }

        // The same step on the textbook implementation: gradients sample by sample, then a new network.
        private TextbookNetwork TextbookStep(out double loss)
        {
            TextbookGradient gradient = _reference.Gradients(_inputs, _targets, _step.Loss);
            loss = gradient.Loss;
            return _reference.Step(gradient, _step.LearningRate);
        }

        // The training loop's state for one benchmark step: workspace, optimizer and the epoch's totals.
        private sealed class TrainingLoop<T> where T : unmanaged
        {
            private readonly BenchmarkStep _step;
            private readonly Dataset _batch;
            private readonly TrainingWorkspace<T> _workspace;
            private readonly Optimizer _optimizer;
            private readonly AccuracyKind _kind;
            private Trainer.EpochTotals _totals;

            public TrainingLoop(BenchmarkStep step, KernelPath path, int threads)
            {
                _step = step;
                _workspace = new TrainingWorkspace<T>(step.Network, step.Batch.Count, path, threads);
                _batch = step.Batch.WithPrecision(_workspace.Precision);
                _optimizer = new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = step.LearningRate }.Create();
                _kind = Accuracy.KindFor(step.Batch.Targets);
            }

            public bool Step() => Trainer.Step(_workspace, _optimizer, _step.Network, _batch, null, 0, _batch.Count,
                _step.Loss, _kind, ref _totals);
        }
    }
}
