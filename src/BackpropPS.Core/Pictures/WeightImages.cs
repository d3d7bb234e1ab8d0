using System.Globalization;
using BackpropPS.Core.Explain;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// What a layer learned, as pictures: the input weights of each neuron laid out as an image the size of its
    /// input (28 x 28 for 784 inputs), one tile per neuron. Each tile is scaled symmetrically around 0 by its own
    /// largest |weight|, in the pictures' sign colours: full blue is that weight positive, full orange the same
    /// weight negative and white 0. Tiles show each neuron's pattern, not which neuron has the largest weights.
    /// </summary>
    public static class WeightImages
    {
        /// <summary>
        /// The tiles of layer <paramref name="layer"/> (from 1) for <paramref name="neurons"/> (from 1; null for
        /// all), each <paramref name="imageWidth"/> pixels wide (null: the square root of the input count).
        /// </summary>
        public static ImageGrid Of(Network network, int layer = 1, int? imageWidth = null, IReadOnlyList<int> neurons = null, int columns = 0)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            if (layer < 1 || layer > network.Layers.Count)
            {
                throw BackpropException.Argument("LayerNotFound",
                    $"Expected a layer from 1 to {network.Layers.Count} (the network is {network.Shape}); got {layer}.");
            }
            Layer weights = network.Layers[layer - 1];
            int width = ImageGrid.WidthOf(weights.InputSize, imageWidth, $"Layer {layer} takes");
            int[] picked = (neurons ?? Enumerable.Range(1, weights.OutputSize).ToArray()).ToArray();
            if (picked.Length > ImageGrid.MaxTiles)
            {
                throw new BackpropException("TooManyImages", BackpropErrorKind.LimitsExceeded,
                    $"Layer {layer} has {weights.OutputSize} neurons; at most {ImageGrid.MaxTiles} tiles fit one readable picture. Pick some with -Neuron, e.g. -Neuron (1..{ImageGrid.MaxTiles}).");
            }
            foreach (int j in picked)
            {
                if (j < 1 || j > weights.OutputSize)
                    throw BackpropException.Argument("NeuronNotFound", $"Expected neurons from 1 to {weights.OutputSize} (layer {layer}); got {j}.");
            }
            var tiles = picked.Select(j => Tile(network, layer, j, width)).ToArray();
            int height = weights.InputSize / width;
            return new ImageGrid(
                $"Layer {layer} of {network.Shape}: the input weights of {Wording.Count(picked.Length, "neuron")} as {width} x {height} images",
                $"Each tile is scaled to its own largest |weight|: {PictureColours.PositiveName} positive, white 0, {PictureColours.NegativeName} negative",
                tiles, columns, signed: true);
        }

        private static ImageTile Tile(Network network, int layer, int neuron, int width)
        {
            Matrix weights = network.Layers[layer - 1].Weights;
            double[] row = weights.GetRow(neuron - 1);
            double largest = row.Max(Math.Abs);
            var brightness = row.Select(w => largest > 0 ? 0.5 + 0.5 * w / largest : 0.5).ToArray();
            string name = NeuronNames.Neuron(network, layer, neuron);
            string tooltip = string.Format(CultureInfo.InvariantCulture, "{0}: weights from {1} to {2} (full {4} is +{3}, full {5} is -{3})",
                name, SvgMarkup.Value(row.Min()), SvgMarkup.Value(row.Max()), SvgMarkup.Value(largest), PictureColours.PositiveName, PictureColours.NegativeName);
            return new ImageTile(width, brightness, name, tooltip, id: name);
        }
    }
}
