using System.Globalization;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Pictures
{
    /// <summary>What a grid of sample images shows.</summary>
    public sealed class SampleImageSettings
    {
        /// <summary>At most this many tiles.</summary>
        public int Count { get; set; } = 36;

        /// <summary>Pixels per image row; null for the square root of the input count.</summary>
        public int? ImageWidth { get; set; }

        /// <summary>Tiles per row; 0 for a near-square grid.</summary>
        public int Columns { get; set; }

        /// <summary>A network whose predictions are shown as "true → predicted" captions, or null.</summary>
        public Network Network { get; set; }

        /// <summary>Only the samples <see cref="Network"/> gets wrong.</summary>
        public bool MisclassifiedOnly { get; set; }
    }

    /// <summary>
    /// The samples of a data set as grey-scale images with their labels, ink dark on white. Pixels from 0
    /// (white) to 1 (black), as image data sets hold them; a data set with values outside [0, 1] (such as
    /// Digits' 0-16) is scaled from its smallest value to its largest, the same for every tile so they compare.
    /// </summary>
    public static class SampleImages
    {
        private const string Arrow = " \u2192 ";

        /// <summary>The grid of <paramref name="rows"/> (sample indices from 0, in that order) as the settings say.</summary>
        public static ImageGrid Of(Dataset data, IEnumerable<int> rows, SampleImageSettings settings = null)
        {
            if (data == null) throw new ArgumentNullException(nameof(data));
            settings = settings ?? new SampleImageSettings();
            int[] candidates = (rows ?? throw new ArgumentNullException(nameof(rows))).ToArray();
            foreach (int row in candidates)
            {
                if (row < 0 || row >= data.Count)
                    throw BackpropException.Argument("SampleNotFound", $"Expected sample indices from 0 to {data.Count - 1}; got {row}.");
            }
            if (settings.MisclassifiedOnly && settings.Network == null)
                throw BackpropException.Argument("MisclassifiedWithoutNetwork", "Misclassified samples need the network that classifies them.");
            if (!data.Inputs.IsFinite())
                throw BackpropException.Argument("NonFiniteInput", "Every pixel must be a finite number; the data set has NaN or infinity.");
            int width = ImageGrid.WidthOf(data.Inputs.Columns, settings.ImageWidth, "Each sample has");
            IReadOnlyList<string> labels = SampleClasses.Labels(data);
            var (low, high) = Range(data.Inputs);

            var tiles = new List<ImageTile>();
            string title;
            if (settings.Network == null)
            {
                foreach (int row in candidates.Take(settings.Count))
                    tiles.Add(Tile(data, row, width, low, high, labels?[SampleClasses.Actual(data, row)] ?? "#" + Text(row), null));
                title = $"{Wording.Count(tiles.Count, "sample")} of {Text(data.Count)}" + (labels != null ? " with their labels" : "");
            }
            else
            {
                IReadOnlyList<string> predictedLabels = PredictedLabels(data, settings.Network, labels);
                int searched = 0, wrong = 0;
                foreach (var (row, predicted) in SampleClasses.Predict(settings.Network, data, candidates))
                {
                    if (tiles.Count == settings.Count) break;
                    searched++;
                    int actual = SampleClasses.Actual(data, row);
                    if (actual != predicted) wrong++;
                    if (settings.MisclassifiedOnly && actual == predicted) continue;
                    tiles.Add(Tile(data, row, width, low, high, labels[actual] + Arrow + predictedLabels[predicted], actual == predicted));
                }
                if (tiles.Count == 0 && candidates.Length > 0)
                {
                    throw new BackpropException("NoMisclassifiedSamples", BackpropErrorKind.InvalidOperation,
                        $"The network classifies all {Wording.Count(searched, "sample")} searched correctly; there is nothing to draw.");
                }
                title = settings.MisclassifiedOnly
                    ? $"{Text(wrong)} misclassified of the {Wording.Count(searched, "sample")} searched: true{Arrow}predicted"
                    : $"{Wording.Count(tiles.Count, "sample")}, {Text(wrong)} misclassified: true{Arrow}predicted";
            }
            string legend = string.Format(CultureInfo.InvariantCulture, "Pixels from {0} (white) to {1} (black)", SvgMarkup.Value(low), SvgMarkup.Value(high));
            return new ImageGrid(title, legend, tiles, settings.Columns);
        }

        // The network's own labels when it knows them (they must be the data set's), else the data set's.
        private static IReadOnlyList<string> PredictedLabels(Dataset data, Network network, IReadOnlyList<string> labels)
        {
            if (labels == null)
            {
                throw new BackpropException("NotAClassification", BackpropErrorKind.InvalidOperation,
                    "Predicted labels need a data set of classes (one-hot targets or a single 0/1 target); this one has numeric targets.");
            }
            bool fits = network.OutputSize == labels.Count || (network.OutputSize == 1 && labels.Count == 2);
            if (!fits)
            {
                throw BackpropException.Argument("ClassCountMismatch",
                    $"The data set has {Wording.Count(labels.Count, "label")} ({string.Join(", ", labels)}); the network has {Wording.Count(network.OutputSize, "output")}: one per label, or one output for two labels.");
            }
            DataSchema known = network.Schema;
            if (known != null && known.IsClassifier && !known.ClassLabels.SequenceEqual(labels, StringComparer.Ordinal))
            {
                throw BackpropException.Argument("ClassLabelMismatch",
                    $"The network was trained on the labels {string.Join(", ", known.ClassLabels)}; the data set's labels are {string.Join(", ", labels)}.");
            }
            return labels;
        }

        private static ImageTile Tile(Dataset data, int row, int width, double low, double high, string caption, bool? correct)
        {
            double[] pixels = data.Inputs.GetRow(row);
            var brightness = pixels.Select(v => high > low ? 1 - (v - low) / (high - low) : 1).ToArray();
            string tooltip = $"Sample {Text(row)}: {caption}" + (correct == false ? " (wrong)" : "");
            return new ImageTile(width, brightness, caption, tooltip, index: row, correct: correct);
        }

        // [0, 1] unless the data reaches beyond it.
        private static (double Low, double High) Range(Matrix inputs)
        {
            double low = 0, high = 1;
            foreach (double v in inputs.Data)
            {
                if (v < low) low = v;
                if (v > high) high = v;
            }
            return (low, high);
        }

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
