using System.Globalization;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// Every colour the pictures use, and what it means, in one place (about_BackpropPS lists them for users).
    /// One meaning per colour: blue is a positive number or one that went up (a positive weight, a raised weight,
    /// class 1 or the larger output), orange a negative one or one that went down, grey zero; red marks what the
    /// picture points at (a misclassified image, the suggested learning rate). Lines of a chart take the
    /// <see cref="Lines"/> colours in turn, each named in the legend; there the colour says which line, not a sign.
    /// </summary>
    public static class PictureColours
    {
        /// <summary>Blue: positive, raised, class 1; the fill of a confusion matrix's cells.</summary>
        public const string Positive = "#2b6cb0";

        /// <summary>Orange: negative, lowered, class 0. Dark enough for text on white (contrast 4.5 : 1).</summary>
        public const string Negative = "#c05621";

        /// <summary>The name of <see cref="Positive"/> in legends.</summary>
        public const string PositiveName = "blue";

        /// <summary>The name of <see cref="Negative"/> in legends.</summary>
        public const string NegativeName = "orange";

        /// <summary>Grey: exactly zero, or no change.</summary>
        public const string Zero = "#888888";

        /// <summary>Red: what the picture points at (a misclassified image, the suggested learning rate); never a sign.</summary>
        public const string Highlight = "#c53030";

        /// <summary>Text that explains (legends, notes), lighter than the numbers.</summary>
        public const string Note = "#555555";

        /// <summary>
        /// The colours of lines and classes, in turn: the sign colours first (a loss chart's training and validation
        /// loss; a two-class map's classes 1 and 0 are <see cref="Positive"/> and <see cref="Negative"/>), then eight
        /// more that are neither a sign nor red.
        /// </summary>
        public static readonly IReadOnlyList<string> Lines = new[]
            { Positive, Negative, "#2f855a", "#6b46c1", "#8c564b", "#d53f8c", "#4a5568", "#b7791f", "#00a3c4", "#1a365d" };

        /// <summary>The colour of a signed number: blue above 0, orange below, grey at 0 (and for NaN).</summary>
        public static string OfSign(double value) => value > 0 ? Positive : value < 0 ? Negative : Zero;

        /// <summary>
        /// The colour of a value from -1 (full orange) through 0 (white) to 1 (full blue), clamped, NaN white: a
        /// neuron's output on its activation's range, or a weight on its tile's largest |weight|.
        /// </summary>
        public static (byte R, byte G, byte B) Diverging(double value)
        {
            if (double.IsNaN(value)) value = 0;
            value = Math.Max(-1, Math.Min(1, value));
            return Mix(value < 0 ? Negative : Positive, Math.Abs(value));
        }

        /// <summary><paramref name="colour"/> (#rrggbb) mixed with white: 0 is white, 1 the colour itself.</summary>
        public static (byte R, byte G, byte B) Mix(string colour, double share)
        {
            int rgb = int.Parse(colour.Substring(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            byte Channel(int full) => (byte)Math.Round(255 + (full - 255) * share);
            return (Channel((rgb >> 16) & 0xFF), Channel((rgb >> 8) & 0xFF), Channel(rgb & 0xFF));
        }

        /// <summary>A colour as #rrggbb (lower case).</summary>
        public static string Hex((byte R, byte G, byte B) colour) =>
            string.Format(CultureInfo.InvariantCulture, "#{0:x2}{1:x2}{2:x2}", colour.R, colour.G, colour.B);
    }
}
