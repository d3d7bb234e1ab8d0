using System.Globalization;
using BackpropPS.Core.Data;
using BackpropPS.Core.Evaluation;

namespace BackpropPS.Core.Explain
{
    /// <summary>
    /// What a network of two inputs answers over a grid: each class's probability and the predicted class at
    /// every point, or what each neuron of a layer outputs there. The grid is in the data's raw units and goes
    /// through the network's own input scaling first, exactly as prediction does; points are run a chunk at a
    /// time through the batched forward pass.
    /// </summary>
    public static class DecisionBoundary
    {
        /// <summary>
        /// The most values one map keeps (grid points times classes or neurons): 512 MB of doubles, a 1000 x 1000 grid
        /// of 64 classes. Only a network of two inputs and hundreds of outputs gets there.
        /// </summary>
        public const long MaxValues = 64_000_000;

        /// <summary>
        /// The class labels a network's outputs stand for: its schema's labels; else "0" and "1" for one output (a
        /// yes/no output, class 1 from 0.5 up); else "0", "1", ... one per output (the largest wins), as accuracy reads them.
        /// </summary>
        public static IReadOnlyList<string> ClassLabels(Network network)
        {
            EnsureTwoInputs(network);
            LabelEncoding encoding = Encoding(network);
            if (encoding != null) return encoding.Labels;
            int classes = network.OutputSize == 1 ? 2 : network.OutputSize;
            return Enumerable.Range(0, classes).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
        }

        /// <summary>Each class's probability and the predicted class at every point of <paramref name="grid"/>.</summary>
        public static BoundaryMap Classes(Network network, BoundaryGrid grid)
        {
            IReadOnlyList<string> labels = ClassLabels(network);
            if (grid == null) throw new ArgumentNullException(nameof(grid));
            int classes = labels.Count, outputs = network.OutputSize;
            EnsureSize(grid, classes, "classes");
            var probabilities = new double[grid.Count * classes];
            var predicted = new int[grid.Count];
            Forward(network, grid, (start, pass) =>
            {
                double[] output = pass.Output.Data;
                for (int r = 0; r < pass.SampleCount; r++)
                {
                    int point = start + r;
                    predicted[point] = Accuracy.ClassOf(output, r * outputs, outputs);
                    // One output p is the probability of the second class, as LabelEncoding.Probabilities reads it.
                    if (outputs == 1)
                    {
                        probabilities[point * 2] = 1.0 - output[r];
                        probabilities[point * 2 + 1] = output[r];
                    }
                    else
                    {
                        Array.Copy(output, r * outputs, probabilities, point * classes, outputs);
                    }
                }
            });
            return new BoundaryMap(grid, labels, probabilities, predicted);
        }

        /// <summary>The output of every neuron of layer <paramref name="layer"/> (from 1) at every point of <paramref name="grid"/>.</summary>
        public static NeuronMap Neurons(Network network, BoundaryGrid grid, int layer)
        {
            EnsureTwoInputs(network);
            if (grid == null) throw new ArgumentNullException(nameof(grid));
            if (layer < 1 || layer > network.Layers.Count)
            {
                throw BackpropException.Argument("LayerNotFound",
                    $"Expected a layer from 1 to {network.Layers.Count} (the network is {network.Shape}); got {layer}.");
            }
            int neurons = network.Layers[layer - 1].OutputSize;
            EnsureSize(grid, neurons, "neurons");
            var values = new double[grid.Count * neurons];
            Forward(network, grid, (start, pass) => Array.Copy(pass.A[layer - 1].Data, 0, values, start * neurons, pass.SampleCount * neurons));
            string[] names = Enumerable.Range(1, neurons).Select(j => NeuronNames.Neuron(network, layer, j)).ToArray();
            return new NeuronMap(grid, layer, network.Layers[layer - 1].Activation, names, values);
        }

        private static void EnsureSize(BoundaryGrid grid, int columns, string what)
        {
            long values = (long)grid.Count * columns;
            if (values <= MaxValues) return;
            throw new BackpropException("BoundaryTooLarge", BackpropErrorKind.LimitsExceeded,
                $"A map keeps at most {Wording.Number(MaxValues)} values; {grid.Resolution} x {grid.Resolution} points of {Wording.Number(columns)} {what} are {Wording.Number(values)}. Choose a lower -Resolution.");
        }

        /// <summary>Refuses a network that does not take exactly two inputs.</summary>
        public static void EnsureTwoInputs(Network network)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            if (network.InputSize != 2)
            {
                throw BackpropException.Argument("NotTwoInputs",
                    $"A decision boundary is drawn over two inputs; the network ({network.Shape}) takes {network.InputSize}.");
            }
        }

        private static LabelEncoding Encoding(Network network) =>
            network.Schema != null && network.Schema.IsClassifier ? network.Schema.Encoding(network.OutputSize) : null;

        // Chunks as large as prediction's, so that a 200 x 200 grid is 79 matrix products, not 40,000.
        private static void Forward(Network network, BoundaryGrid grid, Action<int, ForwardPass> take)
        {
            for (int start = 0; start < grid.Count; start += DatasetPrediction.Chunk)
            {
                int count = Math.Min(DatasetPrediction.Chunk, grid.Count - start);
                take(start, Backpropagation.Forward(network, network.PrepareInputs(grid.Points(start, count))));
            }
        }
    }

    /// <summary>Each class's probability and the predicted class at every point of a grid. Immutable.</summary>
    public sealed class BoundaryMap
    {
        private readonly double[] _probabilities;
        private readonly int[] _predicted;

        internal BoundaryMap(BoundaryGrid grid, IReadOnlyList<string> labels, double[] probabilities, int[] predicted)
        {
            Grid = grid;
            Labels = labels;
            _probabilities = probabilities;
            _predicted = predicted;
        }

        /// <summary>The grid.</summary>
        public BoundaryGrid Grid { get; }

        /// <summary>The class labels, in output order.</summary>
        public IReadOnlyList<string> Labels { get; }

        /// <summary>The probability of class <paramref name="label"/> (an index into <see cref="Labels"/>) at <paramref name="point"/>.</summary>
        public double Probability(int point, int label) => _probabilities[point * Labels.Count + label];

        /// <summary>The predicted class (an index into <see cref="Labels"/>) at <paramref name="point"/>.</summary>
        public int Predicted(int point) => _predicted[point];
    }

    /// <summary>What each neuron of one layer outputs at every point of a grid. Immutable.</summary>
    public sealed class NeuronMap
    {
        private readonly double[] _values;

        internal NeuronMap(BoundaryGrid grid, int layer, Activation activation, IReadOnlyList<string> names, double[] values)
        {
            Grid = grid;
            Layer = layer;
            Activation = activation;
            Names = names;
            _values = values;
        }

        /// <summary>The grid.</summary>
        public BoundaryGrid Grid { get; }

        /// <summary>The layer, from 1.</summary>
        public int Layer { get; }

        /// <summary>The layer's activation, which says what range its outputs have.</summary>
        public Activation Activation { get; }

        /// <summary>The neurons' names (h1, h2, ... as the module names them).</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>The output of neuron <paramref name="neuron"/> (from 0) at <paramref name="point"/>.</summary>
        public double Value(int point, int neuron) => _values[point * Names.Count + neuron];
    }
}
