using System.Globalization;

namespace BackpropPS.Core.Explain
{
    /// <summary>
    /// The seed's names for the nodes of a network: inputs x1, x2, ...; output neurons o1, o2, ...; hidden
    /// neurons h1, h2, ... (h{layer}_{neuron} when there is more than one hidden layer). Counting is from 1.
    /// </summary>
    public static class NeuronNames
    {
        /// <summary>The name of input <paramref name="input"/> (from 1).</summary>
        public static string Input(int input) => "x" + input.ToString(CultureInfo.InvariantCulture);

        /// <summary>The name of neuron <paramref name="neuron"/> of layer <paramref name="layer"/> (both from 1).</summary>
        public static string Neuron(Network network, int layer, int neuron)
        {
            string j = neuron.ToString(CultureInfo.InvariantCulture);
            int layers = network.Layers.Count;
            if (layer == layers) return "o" + j;
            return layers == 2 ? "h" + j : $"h{layer.ToString(CultureInfo.InvariantCulture)}_{j}";
        }

        /// <summary>The name of node <paramref name="node"/> in column <paramref name="column"/>: 0 is the inputs, then each layer.</summary>
        public static string Node(Network network, int column, int node) =>
            column == 0 ? Input(node) : Neuron(network, column, node);
    }
}
