using System.Collections;
using System.Globalization;

namespace BackpropPS.Core
{
    /// <summary>
    /// An immutable row-major matrix of doubles: a layer's weights (out x in) or a batch (samples x values).
    /// It also reads as a flat list of its values, so a one-row matrix (one sample) reads as a plain vector.
    /// </summary>
    public sealed class Matrix : IReadOnlyList<double>
    {
        // Never handed out: code inside the core may read it, nothing may change it once wrapped.
        internal readonly double[] Data;

        /// <summary>Creates a matrix from a copy of <paramref name="values"/>, row-major.</summary>
        public Matrix(int rows, int columns, IReadOnlyList<double> values)
            : this(rows, columns, CopyChecked(rows, columns, values))
        {
        }

        private Matrix(int rows, int columns, double[] data)
        {
            Rows = rows;
            Columns = columns;
            Data = data;
        }

        /// <summary>Number of rows (samples, or neurons for weights).</summary>
        public int Rows { get; }

        /// <summary>Number of columns (values per sample, or inputs for weights).</summary>
        public int Columns { get; }

        /// <summary>Rows x Columns.</summary>
        public int Count => Data.Length;

        /// <summary>The value at a row and column, both counted from 0.</summary>
        public double this[int row, int column]
        {
            get
            {
                if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
                if ((uint)column >= (uint)Columns) throw new ArgumentOutOfRangeException(nameof(column));
                return Data[row * Columns + column];
            }
        }

        /// <summary>The value at a flat row-major index.</summary>
        public double this[int index] => Data[index];

        /// <summary>A one-row matrix holding a copy of <paramref name="values"/>.</summary>
        public static Matrix FromRow(params double[] values) =>
            new Matrix(1, values?.Length ?? throw new ArgumentNullException(nameof(values)), values);

        /// <summary>A matrix from equally long rows.</summary>
        public static Matrix FromRows(IReadOnlyList<IReadOnlyList<double>> rows)
        {
            if (rows == null) throw new ArgumentNullException(nameof(rows));
            int columns = rows.Count == 0 ? 0 : rows[0].Count;
            var data = new double[rows.Count * columns];
            for (int r = 0; r < rows.Count; r++)
            {
                if (rows[r].Count != columns)
                {
                    throw BackpropException.Argument("RaggedRows",
                        $"Every row must have {columns} values like the first; row {r + 1} has {rows[r].Count}.");
                }
                for (int c = 0; c < columns; c++) data[r * columns + c] = rows[r][c];
            }
            return new Matrix(rows.Count, columns, data);
        }

        /// <summary>A matrix from equally long rows, copied a row at a time (large data is never read value by value).</summary>
        public static Matrix FromRows(double[][] rows)
        {
            if (rows == null) throw new ArgumentNullException(nameof(rows));
            int columns = rows.Length == 0 ? 0 : rows[0]?.Length ?? 0;
            var data = new double[(long)rows.Length * columns];
            for (int r = 0; r < rows.Length; r++)
            {
                if (rows[r] == null || rows[r].Length != columns)
                {
                    throw BackpropException.Argument("RaggedRows",
                        $"Every row must have {columns} values like the first; row {r + 1} has {rows[r]?.Length ?? 0}.");
                }
                Array.Copy(rows[r], 0, data, (long)r * columns, columns);
            }
            return new Matrix(rows.Length, columns, data);
        }

        /// <summary>A matrix with the shape and a copy of the values of a two-dimensional array (one row per first index).</summary>
        public static Matrix FromArray(double[,] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            var data = new double[values.Length];
            // A double[,] is stored row after row, as a Matrix is.
            Buffer.BlockCopy(values, 0, data, 0, values.Length * sizeof(double));
            return new Matrix(values.GetLength(0), values.GetLength(1), data);
        }

        /// <summary>Wraps an array the caller gives up; core code only.</summary>
        internal static Matrix Wrap(int rows, int columns, double[] data) => new Matrix(rows, columns, data);

        /// <summary>A copy of one row, counted from 0.</summary>
        public double[] GetRow(int row)
        {
            if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
            var copy = new double[Columns];
            Array.Copy(Data, row * Columns, copy, 0, Columns);
            return copy;
        }

        /// <summary>A copy of every value, row-major.</summary>
        public double[] ToArray() => (double[])Data.Clone();

        /// <summary>A copy as an array of rows.</summary>
        public double[][] ToRows() => Enumerable.Range(0, Rows).Select(GetRow).ToArray();

        /// <summary>True when every value is finite (no NaN, no infinity).</summary>
        public bool IsFinite()
        {
            // A plain loop: this runs on every input and target of every pass.
            foreach (double v in Data) if (double.IsNaN(v) || double.IsInfinity(v)) return false;
            return true;
        }

        /// <inheritdoc />
        public IEnumerator<double> GetEnumerator() => ((IEnumerable<double>)Data).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>
        /// Values to 15 significant digits, as PowerShell shows a double (0.3925, not 0.39249999999999996);
        /// rows in brackets when there is more than one. The values themselves are exact.
        /// </summary>
        public override string ToString()
        {
            string Row(int r) => string.Join(", ",
                Enumerable.Range(0, Columns).Select(c => Data[r * Columns + c].ToString("G15", CultureInfo.InvariantCulture)));
            return Rows == 1 ? Row(0) : string.Join("; ", Enumerable.Range(0, Rows).Select(r => "[" + Row(r) + "]"));
        }

        private static double[] CopyChecked(int rows, int columns, IReadOnlyList<double> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            if (rows < 0 || columns < 0 || (long)rows * columns != values.Count)
            {
                throw BackpropException.Argument("MatrixShapeMismatch",
                    $"A {rows} x {columns} matrix needs {(long)rows * columns} values; got {values.Count}.");
            }
            return values.ToArray();
        }
    }
}
