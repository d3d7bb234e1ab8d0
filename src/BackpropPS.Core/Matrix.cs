using System.Collections;
using System.Globalization;

namespace BackpropPS.Core
{
    /// <summary>
    /// An immutable row-major matrix of doubles: a layer's weights (out x in) or a batch (samples x values).
    /// It also reads as a flat list of its values, so a one-row matrix (one sample) reads as a plain vector.
    /// A data set's inputs may be stored as floats (<see cref="Precision"/> Single: half the memory); they read
    /// as the doubles they are exactly.
    /// </summary>
    public sealed class Matrix : IReadOnlyList<double>
    {
        // Never handed out: code inside the core may read them, nothing may change them once wrapped. One is null.
        private readonly double[] _doubles;
        private readonly float[] _singles;

        /// <summary>Creates a matrix from a copy of <paramref name="values"/>, row-major.</summary>
        public Matrix(int rows, int columns, IReadOnlyList<double> values)
            : this(rows, columns, CopyChecked(rows, columns, values))
        {
        }

        private Matrix(int rows, int columns, double[] data)
        {
            Rows = rows;
            Columns = columns;
            _doubles = data;
        }

        private Matrix(int rows, int columns, float[] data)
        {
            Rows = rows;
            Columns = columns;
            _singles = data;
        }

        /// <summary>
        /// The values as doubles, row-major; core code only. A matrix stored as floats widens them into a new array
        /// at every call: code that runs often reads <see cref="Singles"/> or <see cref="Values{T}"/> instead.
        /// </summary>
        internal double[] Data => _doubles ?? Kernels.Scalar.Widen(_singles);

        /// <summary>The values as stored when the matrix holds floats, else null; core code only.</summary>
        internal float[] Singles => _singles;

        /// <summary>How the values are stored: Double, or Single for a data set loaded with -Precision Single.</summary>
        public Precision Precision => _singles != null ? Precision.Single : Precision.Double;

        /// <summary>The stored array, which must be of <typeparamref name="T"/>; core code only.</summary>
        internal T[] Values<T>() where T : unmanaged =>
            (Kernels.Scalar.IsSingle<T>() ? (object)_singles : _doubles) as T[]
            ?? throw new InvalidOperationException($"The matrix is stored as {Precision}, not {Kernels.Scalar.PrecisionOf<T>()}.");

        /// <summary>
        /// This matrix stored as <paramref name="precision"/>: itself when it is, else a copy (rounded or widened). A
        /// finite value beyond float's range (about 3.4e38) is refused (ValueOutOfSingleRange): as a float it would be infinite.
        /// </summary>
        internal Matrix ToPrecision(Precision precision)
        {
            if (precision == Precision) return this;
            if (precision == Precision.Double) return new Matrix(Rows, Columns, Kernels.Scalar.Widen(_singles));
            float[] rounded = Kernels.Scalar.Round(_doubles);
            if (!Kernels.ElementWise.AllFinite(rounded))
            {
                for (int k = 0; k < rounded.Length; k++)
                {
                    if (float.IsInfinity(rounded[k]) && !double.IsInfinity(_doubles[k]))
                        throw Validation.OutOfSingleRange(_doubles[k], $"row {k / Columns + 1}, column {k % Columns + 1}");
                }
            }
            return new Matrix(Rows, Columns, rounded);
        }

        /// <summary>Number of rows (samples, or neurons for weights).</summary>
        public int Rows { get; }

        /// <summary>Number of columns (values per sample, or inputs for weights).</summary>
        public int Columns { get; }

        /// <summary>Rows x Columns.</summary>
        public int Count => _singles?.Length ?? _doubles.Length;

        /// <summary>The value at a row and column, both counted from 0.</summary>
        public double this[int row, int column]
        {
            get
            {
                if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
                if ((uint)column >= (uint)Columns) throw new ArgumentOutOfRangeException(nameof(column));
                return this[row * Columns + column];
            }
        }

        /// <summary>The value at a flat row-major index.</summary>
        public double this[int index] => _singles != null ? _singles[index] : _doubles[index];

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

        /// <summary>Wraps an array of floats the caller gives up (a matrix of <see cref="Precision"/> Single); core code only.</summary>
        internal static Matrix Wrap(int rows, int columns, float[] data) => new Matrix(rows, columns, data);

        /// <summary>A copy of one row, counted from 0.</summary>
        public double[] GetRow(int row)
        {
            if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
            var copy = new double[Columns];
            if (_singles != null) for (int c = 0; c < Columns; c++) copy[c] = _singles[row * Columns + c];
            else Array.Copy(_doubles, row * Columns, copy, 0, Columns);
            return copy;
        }

        /// <summary>A copy of every value, row-major.</summary>
        public double[] ToArray() => _singles != null ? Data : (double[])_doubles.Clone();

        /// <summary>A copy as an array of rows.</summary>
        public double[][] ToRows() => Enumerable.Range(0, Rows).Select(GetRow).ToArray();

        /// <summary>True when every value is finite (no NaN, no infinity).</summary>
        public bool IsFinite()
        {
            // This runs on every input and target of every pass.
            return _singles != null ? Kernels.ElementWise.AllFinite(_singles) : Kernels.ElementWise.AllFinite(_doubles);
        }

        /// <inheritdoc />
        public IEnumerator<double> GetEnumerator() =>
            _singles != null ? _singles.Select(v => (double)v).GetEnumerator() : ((IEnumerable<double>)_doubles).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>
        /// Values to 15 significant digits, as PowerShell shows a double (0.3925, not 0.39249999999999996);
        /// rows in brackets when there is more than one. The values themselves are exact.
        /// </summary>
        public override string ToString()
        {
            string Row(int r) => string.Join(", ",
                Enumerable.Range(0, Columns).Select(c => this[r * Columns + c].ToString("G15", CultureInfo.InvariantCulture)));
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
