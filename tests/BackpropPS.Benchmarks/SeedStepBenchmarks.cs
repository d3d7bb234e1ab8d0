using BackpropPS.Core;
using BenchmarkDotNet.Attributes;

namespace BackpropPS.Benchmarks
{
    /// <summary>
    /// The seed example's training step on the 2-2-2 sigmoid network: tiny, so it measures the core's
    /// per-call overhead (validation, wrapping, immutable copies) rather than arithmetic.
    /// </summary>
    [MemoryDiagnoser]
    public class SeedStepBenchmarks
    {
        private const double LearningRate = 0.5;

        private Network _network;
        private Matrix _input, _target;
        private ReferenceNetwork _reference;
        private double[][] _inputs, _targets;

        [GlobalSetup]
        public void Setup()
        {
            _network = NetworkFactory.StepByStep();
            _input = Matrix.FromRow(0.05, 0.10);
            _target = Matrix.FromRow(0.01, 0.99);
            _reference = ReferenceNetwork.From(_network);
            _inputs = new[] { new[] { 0.05, 0.10 } };
            _targets = new[] { new[] { 0.01, 0.99 } };

            Gradient gradient = Backpropagation.Backward(Backpropagation.Forward(_network, _input), _target, LossFunction.HalfSquaredError);
            ReferenceNetwork reference = _reference.TrainStep(_inputs, _targets, LearningRate, out double referenceLoss);
            Agreement.Check(_network, GradientDescent.Step(gradient, LearningRate), gradient.Loss, reference, referenceLoss);
        }

        [Benchmark(Baseline = true)]
        public ReferenceNetwork Reference() => _reference.TrainStep(_inputs, _targets, LearningRate, out _);

        [Benchmark]
        public Network Core()
        {
            ForwardPass forward = Backpropagation.Forward(_network, _input);
            Gradient gradient = Backpropagation.Backward(forward, _target, LossFunction.HalfSquaredError);
            return GradientDescent.Step(gradient, LearningRate);
        }
    }
}
