using BackpropPS.Core;
using BenchmarkDotNet.Attributes;

namespace BackpropPS.Benchmarks
{
    /// <summary>
    /// One mini-batch step at MNIST scale (784-128-10, ReLU then Softmax, cross-entropy, batch of 64):
    /// about 100k parameters, so it measures the arithmetic and the memory traffic.
    /// Synthetic seeded data, because the timing does not depend on what the pixels show.
    /// </summary>
    [MemoryDiagnoser]
    public class MnistStepBenchmarks
    {
        private const int Inputs = 784, Hidden = 128, Classes = 10, BatchSize = 64;
        private const double LearningRate = 0.1;
        private const long Seed = 42;

        private Network _network;
        private Matrix _input, _target;
        private ReferenceNetwork _reference;
        private double[][] _inputs, _targets;

        [GlobalSetup]
        public void Setup()
        {
            _network = NetworkFactory.Random(new[] { Inputs, Hidden, Classes }, new[] { Activation.ReLU, Activation.Softmax },
                BiasMode.PerNeuron, Initialization.Auto, Seed);
            var random = new SeededRandom(Seed + 1);
            _inputs = new double[BatchSize][];
            _targets = new double[BatchSize][];
            for (int s = 0; s < BatchSize; s++)
            {
                _inputs[s] = new double[Inputs];
                for (int i = 0; i < Inputs; i++) _inputs[s][i] = random.NextDouble();
                _targets[s] = new double[Classes];
                _targets[s][random.NextInt(Classes)] = 1.0;
            }
            _input = Matrix.FromRows(_inputs);
            _target = Matrix.FromRows(_targets);
            _reference = ReferenceNetwork.From(_network);

            Gradient gradient = Backpropagation.Backward(Backpropagation.Forward(_network, _input), _target, LossFunction.CrossEntropy);
            ReferenceNetwork reference = _reference.TrainStep(_inputs, _targets, LearningRate, out double referenceLoss);
            Agreement.Check(_network, GradientDescent.Step(gradient, LearningRate), gradient.Loss, reference, referenceLoss);
        }

        [Benchmark(Baseline = true)]
        public ReferenceNetwork Reference() => _reference.TrainStep(_inputs, _targets, LearningRate, out _);

        [Benchmark]
        public Network Core()
        {
            ForwardPass forward = Backpropagation.Forward(_network, _input);
            Gradient gradient = Backpropagation.Backward(forward, _target, LossFunction.CrossEntropy);
            return GradientDescent.Step(gradient, LearningRate);
        }
    }
}
