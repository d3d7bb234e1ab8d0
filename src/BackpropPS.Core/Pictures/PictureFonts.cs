namespace BackpropPS.Core.Pictures
{
    /// <summary>A font whose advance widths <see cref="PictureFonts"/> knows.</summary>
    public enum MeasuredFont
    {
        /// <summary>DejaVu Sans: what most Linux systems draw "sans-serif" in, and the widest of the three.</summary>
        DejaVuSans,
        /// <summary>Liberation Sans, whose widths are Arial's (Arial on Windows and macOS; Liberation Sans on Linux).</summary>
        LiberationSans,
    }

    /// <summary>
    /// The fonts every picture names and the room its text takes. A viewer draws a picture in the first font of
    /// <see cref="Family"/> it has, and a picture is laid out before anyone knows which: so text is measured as
    /// the widest of DejaVu Sans, Liberation Sans and Arial (Liberation Sans has Arial's widths), and fits in
    /// whichever a viewer picks. Measured with the advance widths of the fonts themselves (<see cref="FontWidths"/>),
    /// the same on every machine: no font needs to be installed where the picture is made.
    /// </summary>
    public static class PictureFonts
    {
        /// <summary>
        /// The font stack of every picture: Arial where it is (Windows, macOS), its metric twin Liberation Sans on
        /// Linux, else DejaVu Sans; the widths of all three are known.
        /// </summary>
        public const string Family = "Arial, Liberation Sans, DejaVu Sans, sans-serif";

        /// <summary>The height of a line of text, as a share of the font size (DejaVu Sans's ascent and descent are 1.16 em).</summary>
        public const double LineHeight = 1.2;

        private static readonly Dictionary<char, int> Index =
            FontWidths.Characters.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => p.k);

        /// <summary>The width in pixels of the widest line of <paramref name="text"/>, in the widest of the fonts.</summary>
        public static double Width(string text, double fontSize, bool bold = false) =>
            Math.Max(Width(text, fontSize, bold, MeasuredFont.DejaVuSans), Width(text, fontSize, bold, MeasuredFont.LiberationSans));

        /// <summary>The width in pixels of the widest line of <paramref name="text"/> in one font.</summary>
        public static double Width(string text, double fontSize, bool bold, MeasuredFont font)
        {
            if (string.IsNullOrEmpty(text)) return 0;
            short[] widths = font == MeasuredFont.DejaVuSans
                ? (bold ? FontWidths.DejaVuSansBold : FontWidths.DejaVuSans)
                : (bold ? FontWidths.LiberationSansBold : FontWidths.LiberationSans);
            double widest = 0, line = 0;
            for (int k = 0; k < text.Length; k++)
            {
                char c = text[k];
                if (c == '\n') { widest = Math.Max(widest, line); line = 0; continue; }
                if (c == '\r') continue;
                // A character the tables do not hold (a surrogate pair counts once) is taken as 1 em, wider than any they hold.
                if (char.IsHighSurrogate(c) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1])) k++;
                line += Index.TryGetValue(c, out int i) ? (double)widths[i] / FontWidths.UnitsPerEm : 1.0;
            }
            return Math.Max(widest, line) * fontSize;
        }

        /// <summary>The height in pixels of <paramref name="text"/>'s lines.</summary>
        public static double Height(string text, double fontSize) =>
            (string.IsNullOrEmpty(text) ? 1 : text.Split('\n').Length) * fontSize * LineHeight;
    }
}
