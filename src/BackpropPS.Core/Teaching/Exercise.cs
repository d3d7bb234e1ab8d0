using System.Collections.ObjectModel;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Core.Teaching
{
    /// <summary>
    /// A worksheet's exercise: one training step of a small network on one sample, and the quantities of it a
    /// student computes by hand (each z, a, delta, gradient and updated parameter, or some of them). Immutable;
    /// the right values come from the module's own step (<see cref="TrainingStep"/>).
    /// </summary>
    public sealed class Exercise
    {
        /// <summary>Decimals a worksheet expects unless the teacher chooses.</summary>
        public const int DefaultDecimals = 4;

        /// <summary>The most decimals an answer can be asked to (a double has about 15 significant digits).</summary>
        public const int MaxDecimals = 12;

        /// <summary>The seed walk-through's learning rate.</summary>
        public const double DefaultLearningRate = 0.5;

        /// <summary>Neurons (or inputs) a layer of a worksheet may have: more would not be done by hand, nor drawn with its numbers.</summary>
        public const int MaxLayerSize = Diagram.MaxNodesForValues - 1;

        /// <summary>Layers a worksheet's network may have.</summary>
        public const int MaxLayers = 4;

        /// <summary>The largest size of a given number (a weight, a bias, an input, a target) a worksheet may have.</summary>
        public const double MaxGiven = 1000;

        /// <summary>The largest learning rate a worksheet may have.</summary>
        public const double MaxLearningRate = 100;

        /// <summary>The largest size of a number of the step (a z, an a, a delta, a gradient, a new parameter).</summary>
        public const double MaxQuantity = 1e6;

        /// <summary>Significant digits a double holds: a right value to <see cref="Decimals"/> decimals may have no more.</summary>
        public const int MaxSignificantDigits = 15;

        private readonly Dictionary<string, ExerciseQuantity> _byName;
        private string _fingerprint; // computed when first asked: most exercises made are never graded

        private Exercise(Network network, double[] input, double[] target, LossFunction loss, double learningRate, int decimals,
            ExercisePart[] parts, int[] layers, long? seed, string example)
        {
            Network = network;
            Input = Array.AsReadOnly(input);
            Target = Array.AsReadOnly(target);
            Loss = loss;
            LearningRate = learningRate;
            Decimals = decimals;
            Parts = Array.AsReadOnly(parts);
            Layers = Array.AsReadOnly(layers);
            Seed = seed;
            Example = example;
            Step = TrainingStep.Take(network, Matrix.FromRow(input), Matrix.FromRow(target), loss, learningRate);
            AllQuantities = new ReadOnlyCollection<ExerciseQuantity>(StepQuantities.List(this));
            _byName = AllQuantities.ToDictionary(q => q.Name, StringComparer.OrdinalIgnoreCase);
            Quantities = new ReadOnlyCollection<ExerciseQuantity>(AllQuantities
                .Where(q => parts.Contains(q.Part) && (layers.Length == 0 || layers.Contains(q.Layer))).ToList());
        }

        /// <summary>The network before the step.</summary>
        public Network Network { get; }

        /// <summary>The sample's inputs x1, x2, ...</summary>
        public IReadOnlyList<double> Input { get; }

        /// <summary>The sample's targets y1, y2, ...</summary>
        public IReadOnlyList<double> Target { get; }

        /// <summary>The loss function.</summary>
        public LossFunction Loss { get; }

        /// <summary>The learning rate of the step.</summary>
        public double LearningRate { get; }

        /// <summary>How many decimals an answer must have right.</summary>
        public int Decimals { get; }

        /// <summary>How far an answer may be from the right value and still count: one unit in the last decimal asked for.</summary>
        public double Tolerance => Math.Pow(10, -Decimals);

        /// <summary>The parts asked for.</summary>
        public IReadOnlyList<ExercisePart> Parts { get; }

        /// <summary>The layers asked for (from 1); empty for all.</summary>
        public IReadOnlyList<int> Layers { get; }

        /// <summary>The seed the exercise was drawn from, or null for a built-in example.</summary>
        public long? Seed { get; }

        /// <summary>The built-in example's name, or null for one drawn from a seed.</summary>
        public string Example { get; }

        /// <summary>
        /// What the exercise is, in a few characters ("sha256:" and 16 hex digits): the same for the same network,
        /// input, target, loss, learning rate, decimals, parts and layers, on every machine, and another for any
        /// change. A worksheet carries it in its Fingerprint column, so a sheet is graded only against its own exercise.
        /// </summary>
        public string Fingerprint => _fingerprint ?? (_fingerprint = ExerciseFingerprint.Of(this));

        /// <summary>The step as the module takes it: the right answers.</summary>
        public TrainingStep Step { get; }

        /// <summary>The quantities asked for, in the order a student computes them.</summary>
        public IReadOnlyList<ExerciseQuantity> Quantities { get; }

        /// <summary>Every quantity of the step, asked or not, in the order a student computes them.</summary>
        public IReadOnlyList<ExerciseQuantity> AllQuantities { get; }

        /// <summary>The quantity of that name (case-insensitive), asked or not; null when the step has none.</summary>
        public ExerciseQuantity Find(string name) =>
            name != null && _byName.TryGetValue(name.Trim(), out ExerciseQuantity q) ? q : null;

        /// <summary>The seed walk-through's step: its network, 0.05, 0.10 -> 0.01, 0.99, HalfSquaredError.</summary>
        public static Exercise StepByStep(double learningRate = DefaultLearningRate, int decimals = DefaultDecimals,
            IEnumerable<ExercisePart> parts = null, IEnumerable<int> layers = null) =>
            Create(NetworkFactory.StepByStep(), new[] { 0.05, 0.10 }, new[] { 0.01, 0.99 }, LossFunction.HalfSquaredError,
                learningRate, decimals, parts, layers, null, "StepByStep");

        /// <summary>
        /// An exercise drawn from <paramref name="seed"/>: the network's weights (New-BackpropNetwork's, from the
        /// same seed), its biases, the input and the target, each rounded to two decimals so that the step can
        /// be done by hand. The same seed gives the same exercise.
        /// </summary>
        public static Exercise FromSeed(long seed, IReadOnlyList<int> layerSizes, IReadOnlyList<Activation> activations,
            BiasMode biasMode, LossFunction? loss = null, double learningRate = DefaultLearningRate, int decimals = DefaultDecimals,
            IEnumerable<ExercisePart> parts = null, IEnumerable<int> layers = null)
        {
            EnsureSmall(layerSizes);
            Network random = NetworkFactory.Random(layerSizes, activations, biasMode, Initialization.Auto, seed);
            // A second stream of the same seed: the first one drew the weights.
            var draw = new SeededRandom(unchecked(seed ^ 0x5EED5EED5EEDL));
            var network = new Network(random.Layers.Select(l => new Layer(l.InputSize, l.OutputSize,
                l.Weights.Select(Round).ToArray(),
                Enumerable.Range(0, l.Biases.Count).Select(_ => Round(draw.NextDouble(-0.5, 0.5))).ToArray(),
                l.Activation, l.BiasMode)));
            double[] input = Enumerable.Range(0, network.InputSize).Select(_ => Round(draw.NextDouble(0.05, 1.0))).ToArray();
            double[] target = Targets(network.Layers[network.Layers.Count - 1].Activation, loss, network.OutputSize, draw);
            return Create(network, input, target, loss ?? Losses.DefaultFor(network), learningRate, decimals, parts, layers, seed, null);
        }

        /// <summary>An exercise of any small network, sample and settings (what an exercise file holds).</summary>
        public static Exercise Create(Network network, IReadOnlyList<double> input, IReadOnlyList<double> target, LossFunction loss,
            double learningRate, int decimals, IEnumerable<ExercisePart> parts, IEnumerable<int> layers, long? seed, string example)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            EnsureSmall(new[] { network.InputSize }.Concat(network.Layers.Select(l => l.OutputSize)).ToArray());
            Validation.EnsureLearningRate(learningRate);
            Losses.EnsureCompatible(loss, network.Layers[network.Layers.Count - 1].Activation);
            double[] x = input?.ToArray() ?? new double[0], y = target?.ToArray() ?? new double[0];
            if (x.Length != network.InputSize || y.Length != network.OutputSize)
            {
                throw BackpropException.Argument("InputSizeMismatch",
                    $"Network {network.Shape} takes {Wording.Count(network.InputSize, "input")} and {Wording.Count(network.OutputSize, "target")}; got {x.Length} and {y.Length}.");
            }
            ExerciseLimits.EnsureGiven(network, x, y, learningRate, decimals);
            ExercisePart[] partList = (parts ?? (ExercisePart[])Enum.GetValues(typeof(ExercisePart))).Distinct().OrderBy(p => p).ToArray();
            if (partList.Length == 0 || partList.Any(p => !Enum.IsDefined(typeof(ExercisePart), p)))
                throw BackpropException.Argument("InvalidPart", "Expected one or more of the parts Forward, Backward and Update.");
            int[] layerList = (layers ?? new int[0]).Distinct().OrderBy(l => l).ToArray();
            int bad = layerList.FirstOrDefault(l => l < 1 || l > network.Layers.Count);
            if (bad != 0 || layerList.Contains(0))
            {
                throw BackpropException.Argument("LayerOutOfRange",
                    $"Network {network.Shape} has layers 1 to {network.Layers.Count}; got layer {(layerList.Contains(0) ? 0 : bad)}.");
            }
            var exercise = new Exercise(network, x, y, loss, learningRate, decimals, partList, layerList, seed, example);
            ExerciseLimits.EnsureStep(exercise);
            return exercise;
        }

        private static void EnsureSmall(IReadOnlyList<int> sizes)
        {
            if (sizes == null || sizes.Count < 2 || sizes.Count - 1 > MaxLayers || sizes.Any(s => s < 1 || s > MaxLayerSize))
            {
                throw BackpropException.Argument("ExerciseTooLarge",
                    $"A worksheet is done by hand: expected 1 to {MaxLayers} layers of 1 to {MaxLayerSize} neurons (and 1 to {MaxLayerSize} inputs); got {(sizes == null ? "none" : string.Join("-", sizes))}.");
            }
        }

        // Targets the output layer can reach: one class for Softmax, 0 or 1 for BinaryCrossEntropy, else its range.
        private static double[] Targets(Activation output, LossFunction? loss, int count, SeededRandom draw)
        {
            if (output == Activation.Softmax)
            {
                int k = draw.NextInt(count);
                return Enumerable.Range(0, count).Select(j => j == k ? 1.0 : 0.0).ToArray();
            }
            if (loss == LossFunction.BinaryCrossEntropy) return Enumerable.Range(0, count).Select(_ => (double)draw.NextInt(2)).ToArray();
            double low = output == Activation.Sigmoid || output == Activation.ReLU ? 0.01 : output == Activation.Tanh ? -0.9 : -1.0;
            double high = output == Activation.Sigmoid ? 0.99 : output == Activation.Tanh ? 0.9 : 1.0;
            return Enumerable.Range(0, count).Select(_ => Round(draw.NextDouble(low, high))).ToArray();
        }

        // Two decimals, and never -0 (it would print as "-0").
        private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.0;

        /// <inheritdoc />
        public override string ToString() =>
            $"{(Example ?? "Seed " + Seed)}: {Network.Shape}, {Wording.Count(Quantities.Count, "quantity", "quantities")} to {Decimals} decimals";
    }
}
