using System.Globalization;
using System.Text;

namespace BackpropPS.Internal
{
    /// <summary>Cells and lines for the views that lay out their own text: invariant numbers, padded columns, wrapped lists.</summary>
    internal static class ViewText
    {
        /// <summary>The console width a newcomer has: the views fit in it.</summary>
        public const int Width = 120;

        /// <summary>A cell as the prompt shows it: numbers in the invariant culture, nothing for null.</summary>
        public static string Cell(object value)
        {
            object bare = value is PSObject wrapped ? wrapped.BaseObject : value;
            return bare == null ? "" : bare is IFormattable number ? number.ToString(null, CultureInfo.InvariantCulture) : bare.ToString();
        }

        /// <summary>A fraction as a percentage with one decimal (0.979 is "97.9 %"); nothing for null or a non-number.</summary>
        public static string Percent(object value)
        {
            object bare = value is PSObject wrapped ? wrapped.BaseObject : value;
            return bare is double || bare is float || bare is decimal || bare is int
                ? Convert.ToDouble(bare, CultureInfo.InvariantCulture).ToString("P1", CultureInfo.InvariantCulture)
                : Cell(bare);
        }

        /// <summary>
        /// Rows of cells as a table, each column as wide as its widest cell, one space between columns, a dashed line
        /// under the header; <paramref name="right"/> says which columns are right-aligned. The last column wraps at
        /// <paramref name="wrapAt"/> (after a ", ") onto lines indented to it, when that is given.
        /// </summary>
        public static string Table(IReadOnlyList<string> header, IReadOnlyList<string[]> rows, Func<int, bool> right, int wrapAt = 0)
        {
            int columns = header.Count;
            var widths = new int[columns];
            for (int c = 0; c < columns; c++) widths[c] = Math.Max(header[c].Length, rows.Select(r => r[c].Length).DefaultIfEmpty(0).Max());
            int indent = widths.Take(columns - 1).Sum() + columns - 1;
            // The room the last column has; a few words at least, should the others fill the line.
            int room = Math.Max(wrapAt - indent, 20);
            var text = new StringBuilder();
            Line(text, header, widths, right);
            Line(text, header.Select(h => new string('-', h.Length)).ToArray(), widths, right);
            foreach (string[] row in rows)
            {
                var pieces = wrapAt > 0 ? Wrap(row[columns - 1], room) : new List<string> { row[columns - 1] };
                Line(text, row.Take(columns - 1).Concat(new[] { pieces[0] }).ToArray(), widths, right);
                foreach (string more in pieces.Skip(1)) text.Append(' ', indent).Append(more).Append('\n');
            }
            return text.ToString();
        }

        /// <summary>The width of <see cref="Table"/>'s lines without wrapping.</summary>
        public static int TableWidth(IReadOnlyList<string> header, IReadOnlyList<string[]> rows) =>
            Enumerable.Range(0, header.Count).Sum(c => Math.Max(header[c].Length, rows.Select(r => r[c].Length).DefaultIfEmpty(0).Max())) + header.Count - 1;

        private static void Line(StringBuilder text, IReadOnlyList<string> cells, int[] widths, Func<int, bool> right)
        {
            var line = new StringBuilder();
            for (int c = 0; c < cells.Count; c++)
            {
                if (c > 0) line.Append(' ');
                line.Append(right(c) ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        // A list "a: 1, b: 2, ..." in lines of at most width characters, broken after a comma (a longer item stands alone).
        private static List<string> Wrap(string list, int width)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            string[] items = list.Split(new[] { ", " }, StringSplitOptions.None);
            for (int k = 0; k < items.Length; k++)
            {
                string item = items[k];
                int comma = k < items.Length - 1 ? 1 : 0;
                if (line.Length > 0 && line.Length + 2 + item.Length + comma > width)
                {
                    lines.Add(line.Append(',').ToString());
                    line.Clear();
                }
                if (line.Length > 0) line.Append(", ");
                line.Append(item);
            }
            lines.Add(line.ToString());
            return lines;
        }
    }
}
