using BackpropPS.Core.Evaluation;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// Compiles the training engine before the first run needs it. In a fresh process the first one-epoch
    /// training call spent about 50 ms of its time having the JIT compile the engine (the kernels at full
    /// optimisation, the loop, the workspace and the optimizers); the module runs this when it is imported, on a
    /// background thread, so that the compiling happens while the user loads data and builds a network.
    /// It trains a small network on made-up data for one epoch with each optimizer in both precisions, with a
    /// validation set, and runs a prediction over it: the code paths a first real call takes. Nothing is kept.
    /// </summary>
    internal static class EngineWarmUp
    {
        /// <summary>The warm-up, on the calling thread.</summary>
        public static void Run()
        {
            // Wide enough that the hidden layer's products take the blocked kernels and are split over the
            // processors (Gemm's thresholds), as a real data set's do; small enough to cost next to nothing. Sizes
            // that no vector or tile width divides, and a last batch of 22, take the edge code too.
            const int samples = 150, inputs = 67, hidden = 130, classes = 5;
            var random = new SeededRandom(1);
            var rows = new double[samples][];
            var targets = new double[samples * classes];
            for (int s = 0; s < samples; s++)
            {
                rows[s] = new double[inputs];
                for (int i = 0; i < inputs; i++) rows[s][i] = random.NextDouble();
                targets[s * classes + s % classes] = 1;
            }
            // Rows read in place, as a command's double[][] is.
            Dataset data = Dataset.OverRows(rows, new Matrix(samples, classes, targets));
            Network network = NetworkFactory.Random(new[] { inputs, hidden, classes }, new[] { Activation.ReLU, Activation.Softmax },
                BiasMode.PerNeuron, Initialization.Auto, 1);
            int[] order = Enumerable.Range(0, samples).ToArray();
            foreach (Precision precision in new[] { Precision.Double, Precision.Single })
            {
                foreach (OptimizerKind kind in new[] { OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Adam })
                {
                    var options = new TrainingOptions
                    {
                        Epochs = 1, BatchSize = 64, Loss = LossFunction.CrossEntropy, Precision = precision,
                        Optimizer = new OptimizerSettings { Kind = kind },
                    };
                    foreach (EpochResult _ in Trainer.Train(network, data, data, options)) { }
                }
                foreach (var _ in DatasetPrediction.Forward(network, data, order, precision)) { }
            }
        }
    }
}
