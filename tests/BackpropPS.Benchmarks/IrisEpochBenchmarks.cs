using BackpropPS.Core;
using BackpropPS.Core.Training;
using BenchmarkDotNet.Attributes;

namespace BackpropPS.Benchmarks
{
    /// <summary>One epoch of Iris-sized training: 150 samples, 4-8-3 (Sigmoid, Softmax), batches of 16.</summary>
    [MemoryDiagnoser]
    public class IrisEpochBenchmarks : EpochBenchmark
    {
        public override int Samples => 150;

        protected override int[] LayerSizes => new[] { 4, 8, 3 };

        protected override Activation Hidden => Activation.Sigmoid;

        protected override int BatchSize => 16;

        [GlobalSetup]
        public void GlobalSetup() => Setup();

        [Benchmark(Baseline = true)]
        public TextbookNetwork Reference() => RunReference(out _);

        [Benchmark]
        public EpochResult TrainingLoop() => Core();
    }
}
