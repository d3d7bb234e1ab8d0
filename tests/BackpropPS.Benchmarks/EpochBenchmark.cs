using System.Linq;
using BackpropPS.Core;
using BackpropPS.Core.Training;

namespace BackpropPS.Benchmarks
{
    /// <summary>
    /// One training epoch (plain SGD, batches in order) through the core's training loop - the loop
    /// Invoke-BackpropTraining runs - beside the core's textbook implementation doing the same batches.
    /// Subclasses fix the size; allocated bytes per operation are bytes per epoch.
    /// </summary>
    public abstract class EpochBenchmark
    {
        private const double LearningRate = 0.1;
        private Network _network;
        private Dataset _data;
        private TrainingOptions _options;
        private TextbookNetwork _reference;
        private double[][][] _batchInputs, _batchTargets;

        /// <summary>Samples in the epoch.</summary>
        public abstract int Samples { get; }

        protected abstract int[] LayerSizes { get; }

        protected abstract Activation Hidden { get; }

        protected abstract int BatchSize { get; }

        protected void Setup()
        {
            int inputs = LayerSizes[0], classes = LayerSizes[LayerSizes.Length - 1];
            _network = NetworkFactory.Random(LayerSizes,
                Enumerable.Repeat(Hidden, LayerSizes.Length - 2).Append(Activation.Softmax).ToArray(),
                BiasMode.PerNeuron, Initialization.Auto, 42);
            var random = new SeededRandom(43);
            var x = new double[Samples * inputs];
            var y = new double[Samples * classes];
            for (int s = 0; s < Samples; s++)
            {
                for (int i = 0; i < inputs; i++) x[s * inputs + i] = random.NextDouble();
                y[s * classes + random.NextInt(classes)] = 1.0;
            }
            _data = new Dataset(new Matrix(Samples, inputs, x), new Matrix(Samples, classes, y));
            _options = new TrainingOptions
            {
                Epochs = 1, BatchSize = BatchSize, Loss = LossFunction.CrossEntropy,
                Optimizer = new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = LearningRate },
            };
            int batches = (Samples + BatchSize - 1) / BatchSize;
            _batchInputs = new double[batches][][];
            _batchTargets = new double[batches][][];
            for (int b = 0; b < batches; b++)
            {
                int start = b * BatchSize, count = System.Math.Min(BatchSize, Samples - start);
                _batchInputs[b] = Enumerable.Range(start, count).Select(_data.Inputs.GetRow).ToArray();
                _batchTargets[b] = Enumerable.Range(start, count).Select(_data.Targets.GetRow).ToArray();
            }
            _reference = TextbookNetwork.From(_network);

            EpochResult epoch = Core();
            TextbookNetwork after = RunReference(out double referenceLoss);
            Agreement.Check(_network, epoch.Network, epoch.Loss, after, referenceLoss);
        }

        protected EpochResult Core() => Trainer.Train(_network, _data, null, _options).First();

        protected TextbookNetwork RunReference(out double meanLoss)
        {
            TextbookNetwork network = _reference;
            double sum = 0.0;
            for (int b = 0; b < _batchInputs.Length; b++)
            {
                TextbookGradient gradient = network.Gradients(_batchInputs[b], _batchTargets[b], LossFunction.CrossEntropy);
                network = network.Step(gradient, LearningRate);
                sum += gradient.Loss * _batchInputs[b].Length;
            }
            meanLoss = sum / Samples;
            return network;
        }
    }
}
