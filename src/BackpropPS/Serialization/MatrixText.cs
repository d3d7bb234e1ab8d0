using System.Globalization;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// A matrix as text that survives any serializer: JSON rows of G17 numbers ("[[0.05,0.1]]"), which read
    /// back to the same doubles bit for bit on every .NET (where "R" is not always exact on .NET Framework).
    /// </summary>
    internal static class MatrixText
    {
        public static string Format(Matrix matrix) =>
            "[" + string.Join(",", Enumerable.Range(0, matrix.Rows).Select(r =>
                "[" + string.Join(",", matrix.GetRow(r).Select(v => v.ToString("G17", CultureInfo.InvariantCulture))) + "]")) + "]";

        public static Matrix Parse(string text)
        {
            if (string.IsNullOrEmpty(text) || !text.StartsWith("[[", StringComparison.Ordinal) || !text.EndsWith("]]", StringComparison.Ordinal))
                throw new FormatException("Expected a matrix as JSON rows of numbers.");
            double[][] rows = text.Substring(2, text.Length - 4)
                .Split(new[] { "],[" }, StringSplitOptions.None)
                .Select(row => row.Split(',').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
                .ToArray();
            return Matrix.FromRows(rows);
        }
    }
}
