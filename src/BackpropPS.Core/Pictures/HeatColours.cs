namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// The colours of decision boundaries, after TensorFlow Playground and in the module's one palette
    /// (<see cref="PictureColours"/>): class 0 orange, class 1 blue, then the line colours. A point of the map is
    /// its predicted class's colour mixed with white by how sure the network is there (white on the boundary,
    /// where the two most likely classes tie); a neuron's output is orange below 0 and blue above, white at 0.
    /// </summary>
    public static class HeatColours
    {
        /// <summary>One colour per class, in label order (repeating after ten).</summary>
        public static readonly IReadOnlyList<string> Classes =
            new[] { PictureColours.Negative, PictureColours.Positive }.Concat(PictureColours.Lines.Skip(2)).ToArray();

        /// <summary>How far the map's colours go towards the class colour at full certainty, so that the points on top stand out.</summary>
        public const double MapStrength = 0.8;

        /// <summary>The colour of class <paramref name="label"/> (from 0).</summary>
        public static string Class(int label) => Classes[label % Classes.Count];

        /// <summary>
        /// The certainty at a point, 0 to 1: (p - 1/k) / (1 - 1/k) for the predicted class's probability p among k
        /// classes (for two classes |2p - 1|). Outputs that are not probabilities are clamped into range.
        /// </summary>
        public static double Certainty(double probability, int classes)
        {
            if (double.IsNaN(probability)) return 0;
            double chance = 1.0 / classes;
            return Math.Max(0, Math.Min(1, (probability - chance) / (1 - chance)));
        }

        /// <summary>
        /// The colour of a value from -1 (full orange) through 0 (white) to 1 (full blue), clamped, NaN white:
        /// a neuron's output mapped onto its activation's range.
        /// </summary>
        public static (byte R, byte G, byte B) Signed(double value) => PictureColours.Diverging(value);

        /// <summary><paramref name="colour"/> (#rrggbb) mixed with white: 0 is white, 1 the colour itself.</summary>
        public static (byte R, byte G, byte B) Mix(string colour, double share) => PictureColours.Mix(colour, share);

        /// <summary>
        /// A neuron's output as a value from -1 to 1: sigmoid and softmax outputs (0 to 1) as 2a - 1, tanh as it
        /// is, and unbounded ones (ReLU, LeakyReLU, Linear) divided by <paramref name="largest"/>, the largest |a| of
        /// the neuron over the grid (so each tile uses its full range).
        /// </summary>
        public static double NeuronValue(double a, Activation activation, double largest)
        {
            switch (activation)
            {
                case Activation.Sigmoid:
                case Activation.Softmax: return 2 * a - 1;
                case Activation.Tanh: return a;
                default: return largest > 0 ? a / largest : 0;
            }
        }
    }
}
