using System.Globalization;
using System.IO;
using System.Xml;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// The few SVG writing helpers the pictures share. XmlWriter escapes every text and attribute, and every
    /// number goes through <see cref="N"/>, so a label such as "a &lt; b" or a German culture cannot break the file.
    /// </summary>
    internal static class SvgMarkup
    {
        public const string Ns = "http://www.w3.org/2000/svg";

        /// <summary>An XmlWriter for a standalone SVG document (no XML declaration: the file's encoding is the writer's).</summary>
        public static XmlWriter Create(TextWriter writer) => XmlWriter.Create(writer,
            new XmlWriterSettings { Indent = true, IndentChars = " ", NewLineChars = "\n", OmitXmlDeclaration = true });

        /// <summary>Opens the root svg element with a white background and the document's title.</summary>
        public static void StartDocument(XmlWriter xml, double width, double height, string title)
        {
            xml.WriteStartElement("svg", Ns);
            Attributes(xml, "width", N(width), "height", N(height), "viewBox", $"0 0 {N(width)} {N(height)}",
                "font-family", PictureFonts.Family, "font-size", "12");
            xml.WriteElementString("title", Ns, Clean(title));
            Element(xml, "rect", "width", "100%", "height", "100%", "fill", "white");
        }

        public static void Text(XmlWriter xml, string text, double x, double y, string anchor, string cssClass, params string[] more)
        {
            xml.WriteStartElement("text", Ns);
            Attributes(xml, "x", N(x), "y", N(y), "text-anchor", anchor, "class", cssClass);
            Attributes(xml, more);
            xml.WriteString(Clean(text));
            xml.WriteEndElement();
        }

        public static void Element(XmlWriter xml, string name, params string[] attributes)
        {
            xml.WriteStartElement(name, Ns);
            Attributes(xml, attributes);
            xml.WriteEndElement();
        }

        /// <summary>Opens a g element with the given attributes and a title (the tooltip a browser shows).</summary>
        public static void StartGroup(XmlWriter xml, string tooltip, params string[] attributes)
        {
            xml.WriteStartElement("g", Ns);
            Attributes(xml, attributes);
            if (tooltip != null) xml.WriteElementString("title", Ns, Clean(tooltip));
        }

        // Name/value pairs; a null value leaves the attribute out.
        public static void Attributes(XmlWriter xml, params string[] pairs)
        {
            for (int k = 0; k < pairs.Length; k += 2)
                if (pairs[k + 1] != null) xml.WriteAttributeString(pairs[k], Clean(pairs[k + 1]));
        }

        /// <summary>
        /// Refuses a title SVG cannot hold: control characters other than tab and line breaks (which start a
        /// new line of the caption), and halves of a surrogate pair. Such a title stopped the writer half-way.
        /// </summary>
        public static void CheckTitle(string title)
        {
            if (title == null) throw new ArgumentNullException(nameof(title));
            for (int k = 0; k < title.Length; k++)
            {
                char c = title[k];
                bool pair = char.IsHighSurrogate(c) && k + 1 < title.Length && char.IsLowSurrogate(title[k + 1]);
                if (pair) { k++; continue; }
                if ((char.IsControl(c) && c != '\t' && c != '\n' && c != '\r') || char.IsSurrogate(c))
                {
                    throw BackpropException.Argument("InvalidTitle",
                        $"Expected a title of printable text (line breaks allowed); '{Wording.Visible(title)}' holds the character U+{(int)c:X4} at position {k + 1}.");
                }
            }
        }

        /// <summary>
        /// <paramref name="text"/> with the characters XML cannot hold (control characters, lone surrogates)
        /// as U+FFFD: a label from a data set must not make the writer throw or the file unreadable.
        /// </summary>
        public static string Clean(string text)
        {
            if (text == null) return null;
            char[] chars = null;
            for (int k = 0; k < text.Length; k++)
            {
                char c = text[k];
                bool pair = char.IsHighSurrogate(c) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]);
                if (pair) { k++; continue; }
                bool valid = (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
                if (valid) continue;
                chars = chars ?? text.ToCharArray();
                chars[k] = '\uFFFD';
            }
            return chars == null ? text : new string(chars);
        }

        /// <summary>A coordinate: at most one decimal, always a decimal point.</summary>
        public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

        /// <summary>A value for a reader: four significant digits, invariant culture.</summary>
        public static string Value(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

        /// <summary>A grey from black (0) to white (1) as #rrggbb; out-of-range values are clamped, NaN is mid-grey.</summary>
        public static string Grey(double brightness)
        {
            if (double.IsNaN(brightness)) brightness = 0.5;
            int level = (int)Math.Round(255 * Math.Max(0, Math.Min(1, brightness)));
            return "#" + level.ToString("x2", CultureInfo.InvariantCulture) + level.ToString("x2", CultureInfo.InvariantCulture) +
                level.ToString("x2", CultureInfo.InvariantCulture);
        }

        /// <summary>The width of <paramref name="text"/> in pixels at <paramref name="fontSize"/> in the widest of the pictures' fonts.</summary>
        public static double TextWidth(string text, double fontSize, bool bold = false) => PictureFonts.Width(text, fontSize, bold);
    }
}
