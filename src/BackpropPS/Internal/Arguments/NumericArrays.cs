namespace BackpropPS.Internal
{
    /// <summary>
    /// The typed arrays a script builds for large data (<c>double[]</c>, <c>double[][]</c>, <c>double[,]</c>),
    /// read into a Matrix with block copies: no value goes through PowerShell's conversions one by one.
    /// Errors are the ones the general path in <see cref="NumericArgument"/> gives for the same values.
    /// </summary>
    internal static class NumericArrays
    {
        /// <summary>The batch in <paramref name="value"/>, or null when it is not one of the typed arrays read here.</summary>
        public static Matrix TryRead(object value, string parameterName, string rowName)
        {
            switch (value)
            {
                case double[] row:
                    if (row.Length == 0) throw NumericArgument.Empty(parameterName, "the " + rowName);
                    return Matrix.FromRow(row);
                case double[][] rows:
                    return FromJagged(rows, parameterName, rowName);
                case double[,] grid:
                    return FromGrid(grid, parameterName, rowName);
                default:
                    return null;
            }
        }

        /// <summary>One row per inner array; null for what only the general path reads (no rows, a $null row).</summary>
        private static Matrix FromJagged(double[][] rows, string parameterName, string rowName) =>
            CheckedRows(rows, parameterName, rowName) == null ? null : Matrix.FromRows(rows);

        /// <summary>
        /// The rows of a double[][] batch, checked as <see cref="TryRead"/> checks them (no empty or ragged row), to be
        /// read where they are; null when <paramref name="value"/> is not a double[][] of rows this reads.
        /// </summary>
        public static double[][] CheckedRows(object value, string parameterName, string rowName)
        {
            if (!(value is double[][] rows) || rows.Length == 0 || Array.IndexOf(rows, null) >= 0) return null;
            // The general path converts every row before it compares lengths, so an empty row is reported first.
            for (int r = 0; r < rows.Length; r++)
            {
                if (rows[r].Length == 0) throw NumericArgument.Empty(parameterName, $"{rowName} {r + 1}");
            }
            int width = rows[0].Length;
            for (int r = 1; r < rows.Length; r++)
            {
                if (rows[r].Length != width) throw NumericArgument.Ragged(parameterName, rowName, width, r, rows[r].Length);
            }
            return rows;
        }

        /// <summary>A two-dimensional array keeps its shape: one row per first index.</summary>
        private static Matrix FromGrid(double[,] grid, string parameterName, string rowName)
        {
            int rows = grid.GetLength(0), columns = grid.GetLength(1);
            if (rows == 0 || columns == 0) throw NumericArgument.Empty(parameterName, "the " + rowName);
            return Matrix.FromArray(grid);
        }
    }
}
