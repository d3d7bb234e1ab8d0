using BackpropPS.Core;
using BackpropPS.Core.Training;
using BenchmarkDotNet.Attributes;

namespace BackpropPS.Benchmarks
{
    /// <summary>
    /// Training throughput at MNIST scale: an epoch of 640 samples (10 batches of 64) through 784-128-10
    /// (ReLU, Softmax). Samples per second = 640 / the mean time per operation.
    /// </summary>
    [MemoryDiagnoser]
    public class MnistEpochBenchmarks : EpochBenchmark
    {
        public override int Samples => 640;

        protected override int[] LayerSizes => new[] { 784, 128, 10 };

        protected override Activation Hidden => Activation.ReLU;

        protected override int BatchSize => 64;

        [GlobalSetup]
        public void GlobalSetup() => Setup();

        [Benchmark(Baseline = true)]
        public TextbookNetwork Reference() => RunReference(out _);

        [Benchmark]
        public EpochResult TrainingLoop() => Core();
    }
}
