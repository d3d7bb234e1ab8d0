using BackpropPS.Core.Training;

namespace BackpropPS.Core
{
    /// <summary>A fully-connected network: ordered layers, each feeding the next. Immutable.</summary>
    public sealed class Network
    {
        /// <summary>Creates a network; each layer's input size must equal the previous layer's output size.</summary>
        /// <param name="layers">The layers, input side first.</param>
        /// <param name="schema">What the network was trained on (columns, labels, scaling), or null.</param>
        public Network(IEnumerable<Layer> layers, DataSchema schema = null)
        {
            var list = layers?.ToArray() ?? throw new ArgumentNullException(nameof(layers));
            if (list.Length == 0)
                throw BackpropException.Argument("EmptyNetwork", "A network needs at least one layer.");
            for (int l = 0; l < list.Length; l++)
            {
                if (list[l] == null) throw new ArgumentNullException(nameof(layers), $"Layer {l + 1} is null.");
                if (l > 0 && list[l].InputSize != list[l - 1].OutputSize)
                {
                    throw BackpropException.Argument("LayerSizeMismatch",
                        $"Layer {l + 1} takes {list[l].InputSize} inputs but layer {l} has {list[l - 1].OutputSize} neurons.");
                }
            }
            Layers = new LayerCollection(list);
            Schema = schema;
            schema?.EnsureFits("The network", InputSize, "input", OutputSize, "output");
        }

        /// <summary>What the network was trained on (input columns, class labels, input scaling), or null.</summary>
        public DataSchema Schema { get; }

        /// <summary>
        /// The inputs as the first layer sees them: standardised with the schema's scaling when the network
        /// was trained with one, otherwise unchanged.
        /// </summary>
        public Matrix PrepareInputs(Matrix inputs) => Schema?.Scaling == null ? inputs : Schema.Scaling.Apply(inputs);

        /// <summary>The same layers with another schema.</summary>
        public Network WithSchema(DataSchema schema) => new Network(Layers, schema);

        /// <summary>New layers (same shapes) with this network's schema; core code only.</summary>
        internal Network WithLayers(IEnumerable<Layer> layers) => new Network(layers, Schema);

        /// <summary>The layers, input side first.</summary>
        public IReadOnlyList<Layer> Layers { get; }

        /// <summary>Number of inputs the network takes.</summary>
        public int InputSize => Layers[0].InputSize;

        /// <summary>Number of outputs the network gives.</summary>
        public int OutputSize => Layers[Layers.Count - 1].OutputSize;

        /// <summary>Layer sizes from input to output, e.g. "2-2-2".</summary>
        public string Shape => string.Join("-", new[] { InputSize }.Concat(Layers.Select(l => l.OutputSize)));

        /// <summary>Number of weights and biases over all layers.</summary>
        public int ParameterCount => Layers.Sum(l => l.ParameterCount);

        /// <summary>
        /// 8 hex digits that tell this network from another: a hash of its layers' sizes, activations, bias modes and
        /// the bits of every weight and bias (not the schema). A step that changes any parameter changes it; the
        /// network file, a job or Clixml keep it.
        /// </summary>
        public string Fingerprint => _fingerprint ?? (_fingerprint = NetworkFingerprint.Of(this));

        // Made when first asked for: the layers never change.
        private string _fingerprint;

        /// <inheritdoc />
        public override string ToString() =>
            $"{Shape} ({string.Join(", ", Layers.Select(l => l.Activation))}; {ParameterCount} parameters)";
    }
}
