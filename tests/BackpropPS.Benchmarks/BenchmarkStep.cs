using System.Linq;
using BackpropPS.Core;
using BackpropPS.Core.Training;

namespace BackpropPS.Benchmarks
{
    /// <summary>
    /// The four steps the engine is measured on, with their seeded networks and batches:
    /// (a) the seed's 2-2-2 sigmoid step, batch 1; (b) 4-16-3 Tanh/Softmax, cross-entropy, batch 16;
    /// (c) 784-128-10 ReLU/Softmax, cross-entropy, batch 64; (d) 784-512-512-10 ReLU/Softmax, batch 256.
    /// The same four as ../shared/bench/torch_peer.py times in PyTorch.
    /// </summary>
    public sealed class BenchmarkStep
    {
        private BenchmarkStep(string name, Network network, LossFunction loss, Dataset batch, double learningRate)
        {
            Name = name;
            Network = network;
            Loss = loss;
            Batch = batch;
            LearningRate = learningRate;
        }

        public string Name { get; }

        public Network Network { get; }

        public LossFunction Loss { get; }

        /// <summary>One batch: the step's inputs and targets.</summary>
        public Dataset Batch { get; }

        public double LearningRate { get; }

        public double[][] Inputs => Batch.Inputs.ToRows();

        public double[][] Targets => Batch.Targets.ToRows();

        public static BenchmarkStep Create(string name)
        {
            switch (name)
            {
                case "a":
                    return new BenchmarkStep(name, NetworkFactory.StepByStep(), LossFunction.HalfSquaredError,
                        new Dataset(Matrix.FromRow(0.05, 0.10), Matrix.FromRow(0.01, 0.99)), 0.5);
                case "b": return Random(name, new[] { 4, 16, 3 }, Activation.Tanh, 16);
                case "c": return Random(name, new[] { 784, 128, 10 }, Activation.ReLU, 64);
                case "d": return Random(name, new[] { 784, 512, 512, 10 }, Activation.ReLU, 256);
                default: throw new System.ArgumentException($"No benchmark step '{name}'.");
            }
        }

        private static BenchmarkStep Random(string name, int[] sizes, Activation hidden, int batch)
        {
            Network network = NetworkFactory.Random(sizes, Enumerable.Repeat(hidden, sizes.Length - 2).Append(Activation.Softmax).ToArray(),
                BiasMode.PerNeuron, Initialization.Auto, 42);
            var random = new SeededRandom(43);
            int inputs = sizes[0], classes = sizes[sizes.Length - 1];
            var x = new double[batch * inputs];
            var y = new double[batch * classes];
            for (int i = 0; i < x.Length; i++) x[i] = random.NextDouble();
            for (int s = 0; s < batch; s++) y[s * classes + random.NextInt(classes)] = 1.0;
            return new BenchmarkStep(name, network, LossFunction.CrossEntropy,
                new Dataset(new Matrix(batch, inputs, x), new Matrix(batch, classes, y)), 0.01);
        }
    }
}
