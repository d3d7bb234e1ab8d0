namespace BackpropPS.Core
{
    /// <summary>
    /// Where one weight or bias lives and what the seed calls it. Layers, inputs and neurons count from 1,
    /// as the seed names them: w1_21 is the weight in layer 1 from input 2 into neuron 1.
    /// </summary>
    public sealed class ParameterId
    {
        private ParameterId(string name, int layer, ParameterKind kind, int? from, int? to, int index)
        {
            Name = name;
            Layer = layer;
            Kind = kind;
            From = from;
            To = to;
            Index = index;
        }

        /// <summary>The seed-style name: w{layer}_{from}{to}, b{layer} (shared) or b{layer}_{to} (per neuron).</summary>
        public string Name { get; }

        /// <summary>The layer, from 1.</summary>
        public int Layer { get; }

        /// <summary>Weight or Bias.</summary>
        public ParameterKind Kind { get; }

        /// <summary>For a weight, the input (or neuron of the layer below) it comes from, from 1.</summary>
        public int? From { get; }

        /// <summary>The neuron it feeds, from 1; none for a shared bias.</summary>
        public int? To { get; }

        /// <summary>The flat index into the layer's <see cref="Core.Layer.Weights"/> or <see cref="Core.Layer.Biases"/>.</summary>
        public int Index { get; }

        /// <summary>The parameter's value in <paramref name="network"/>.</summary>
        public double ValueIn(Network network) => Values(network.Layers[Layer - 1])[Index];

        /// <summary>Its entry in a gradient.</summary>
        public double GradientIn(Gradient gradient) =>
            (Kind == ParameterKind.Weight ? gradient.WeightGradient : gradient.BiasGradient)[Layer - 1][Index];

        internal Matrix Values(Layer layer) => Kind == ParameterKind.Weight ? layer.Weights : layer.Biases;

        /// <summary>
        /// Every parameter of <paramref name="network"/> in the seed's order: per layer, the weights by input and
        /// then neuron (w1_11, w1_12, w1_21, ...), then the layer's biases.
        /// </summary>
        public static IEnumerable<ParameterId> All(Network network)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            for (int l = 0; l < network.Layers.Count; l++)
            {
                Layer layer = network.Layers[l];
                for (int i = 0; i < layer.InputSize; i++)
                    for (int j = 0; j < layer.OutputSize; j++)
                        yield return new ParameterId(WeightName(l + 1, i + 1, j + 1), l + 1, ParameterKind.Weight, i + 1, j + 1, j * layer.InputSize + i);
                for (int b = 0; b < layer.Biases.Count; b++)
                {
                    int? to = layer.BiasMode == BiasMode.PerNeuron ? b + 1 : (int?)null;
                    yield return new ParameterId(BiasName(l + 1, to), l + 1, ParameterKind.Bias, null, to, b);
                }
            }
        }

        /// <summary>The seed-style name of a weight; indices above 9 are separated so that names stay unambiguous.</summary>
        public static string WeightName(int layer, int from, int to) =>
            from < 10 && to < 10 ? $"w{layer}_{from}{to}" : $"w{layer}_{from}_{to}";

        /// <summary>The name of a bias: b{layer} when shared, b{layer}_{to} per neuron.</summary>
        public static string BiasName(int layer, int? to) => to.HasValue ? $"b{layer}_{to}" : $"b{layer}";

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
