namespace BackpropPS
{
    /// <summary>
    /// One weight or bias as a flat row for Export-Csv. Layers, inputs and neurons count from 1, as the
    /// seed example names them: w1_21 is the weight in layer 1 from input 2 into neuron 1.
    /// </summary>
    public sealed class NetworkParameter
    {
        /// <summary>Creates a row.</summary>
        public NetworkParameter(string name, int layer, ParameterKind kind, int? from, int? to, double value, double? gradient)
        {
            Name = name;
            Layer = layer;
            Kind = kind;
            From = from;
            To = to;
            Value = value;
            Gradient = gradient;
        }

        /// <summary>The seed-style name: w{layer}_{from}{to} for a weight, b{layer} for a shared bias, b{layer}_{to} per neuron.</summary>
        public string Name { get; }

        /// <summary>The layer, from 1.</summary>
        public int Layer { get; }

        /// <summary>Weight or Bias.</summary>
        public ParameterKind Kind { get; }

        /// <summary>For a weight, the input (or neuron of the layer below) it comes from, from 1; none for a bias.</summary>
        public int? From { get; }

        /// <summary>The neuron it feeds, from 1; none for a shared bias.</summary>
        public int? To { get; }

        /// <summary>The parameter's value.</summary>
        public double Value { get; }

        /// <summary>dLoss/dparameter, when the row comes from a gradient.</summary>
        public double? Gradient { get; }

        /// <summary>The seed-style name of a weight (see <see cref="ParameterId.WeightName"/>).</summary>
        public static string WeightName(int layer, int from, int to) => ParameterId.WeightName(layer, from, to);

        /// <summary>The name of a bias: b{layer} when shared, b{layer}_{to} per neuron.</summary>
        public static string BiasName(int layer, int? to) => ParameterId.BiasName(layer, to);
    }
}
