using System.Globalization;
using System.Text;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// A matrix as text that survives any serializer: JSON rows of G17 numbers ("[[0.05,0.1]]"), which read
    /// back to the same doubles bit for bit on every .NET (where "R" is not always exact on .NET Framework).
    /// </summary>
    internal static class MatrixText
    {
        public static string Format(Matrix matrix)
        {
            var text = new StringBuilder(2 + matrix.Count * 8);
            double[] values = matrix.Data; // a matrix of floats widens here, once
            text.Append('[');
            for (int r = 0; r < matrix.Rows; r++)
            {
                text.Append(r == 0 ? "[" : ",[");
                for (int c = 0; c < matrix.Columns; c++)
                {
                    if (c > 0) text.Append(',');
                    text.Append(values[r * matrix.Columns + c].ToString("G17", CultureInfo.InvariantCulture));
                }
                text.Append(']');
            }
            return text.Append(']').ToString();
        }

        /// <summary>
        /// Reads what <see cref="Format"/> writes, and nothing else: rows of exactly <paramref name="columns"/> finite
        /// numbers, <paramref name="rows"/> of them when given, and never more than <paramref name="maxValues"/> numbers
        /// (so that a hand-edited text cannot make it allocate more than the object declared). Throws a FormatException
        /// that says where the text went wrong, for the caller to name the field.
        /// </summary>
        public static Matrix Parse(string text, int columns, int? rows, long maxValues)
        {
            if (text.Length < 4 || !text.StartsWith("[[", StringComparison.Ordinal) || !text.EndsWith("]]", StringComparison.Ordinal))
                throw new FormatException("not rows of numbers in brackets, as [[1,2],[3,4]]");
            var values = new List<double>(rows.HasValue ? (int)Math.Min((long)rows.Value * columns, maxValues) : 16);
            int row = 0, pos = 1;
            while (true)
            {
                if (pos >= text.Length || text[pos] != '[') throw new FormatException($"row {row + 1} does not start with '['");
                pos++;
                int count = 0;
                while (true)
                {
                    int end = pos;
                    while (end < text.Length && text[end] != ',' && text[end] != ']') end++;
                    if (end >= text.Length) throw new FormatException($"row {row + 1} does not end with ']'");
                    values.Add(Number(text.Substring(pos, end - pos), row, count));
                    count++;
                    if (count > columns) throw new FormatException($"row {row + 1} has more than {columns} numbers");
                    pos = end + 1;
                    if (text[end] == ']') break;
                }
                if (count != columns) throw new FormatException($"row {row + 1} has {Wording.Count(count, "number")}, not {columns}");
                row++;
                if ((rows.HasValue && row > rows.Value) || (long)row * columns > maxValues)
                    throw new FormatException($"it has more than {Wording.Count(rows ?? (int)(maxValues / columns), "row")}");
                if (pos == text.Length - 1) break; // the closing ']' of the whole
                if (text[pos] != ',') throw new FormatException($"row {row} is not followed by ',' or the closing ']'");
                pos++;
            }
            if (rows.HasValue && row != rows.Value) throw new FormatException($"it has {Wording.Count(row, "row")}, not {rows.Value}");
            return Matrix.Wrap(row, columns, values.ToArray());
        }

        private static double Number(string token, int row, int column)
        {
            const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
            if (!double.TryParse(token, Style, CultureInfo.InvariantCulture, out double value) || double.IsNaN(value) || double.IsInfinity(value))
            {
                string shown = token.Length > 30 ? token.Substring(0, 30) + "..." : token;
                throw new FormatException($"row {row + 1}, number {column + 1} is '{Wording.Visible(shown)}', not a finite number");
            }
            return value;
        }
    }
}
