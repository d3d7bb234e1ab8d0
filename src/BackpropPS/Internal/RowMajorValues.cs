using System;
using System.Collections;
using System.Collections.Generic;

namespace BackpropPS.Internal
{
    /// <summary>
    /// The values of a <c>double[][]</c> or <c>double[,]</c>, row after row, as the list the Matrix constructor
    /// copies. The constructor copies a collection through <see cref="CopyTo"/>, so large data is copied once,
    /// block by block, straight into the matrix (no intermediate array, no value-by-value reading).
    /// </summary>
    internal sealed class RowMajorValues : IReadOnlyList<double>, ICollection<double>
    {
        private readonly double[][] _rows;
        private readonly double[,] _grid;
        private readonly int _width;

        /// <summary>Equally long rows (the caller has checked them) of <paramref name="width"/> values.</summary>
        public RowMajorValues(double[][] rows, int width)
        {
            _rows = rows;
            _width = width;
            Count = rows.Length * width;
        }

        /// <summary>A two-dimensional array, one row per first index.</summary>
        public RowMajorValues(double[,] grid)
        {
            _grid = grid;
            _width = grid.GetLength(1);
            Count = grid.Length;
        }

        public int Count { get; }

        public bool IsReadOnly => true;

        public double this[int index] => _rows != null ? _rows[index / _width][index % _width] : _grid[index / _width, index % _width];

        public void CopyTo(double[] array, int arrayIndex)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (arrayIndex < 0 || array.Length - arrayIndex < Count) throw new ArgumentException("The array is too short.", nameof(array));
            if (_rows != null)
            {
                for (int r = 0; r < _rows.Length; r++) Array.Copy(_rows[r], 0, array, arrayIndex + r * _width, _width);
            }
            else
            {
                // A double[,] is stored row after row, as a Matrix is.
                Buffer.BlockCopy(_grid, 0, array, arrayIndex * sizeof(double), Count * sizeof(double));
            }
        }

        public IEnumerator<double> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public bool Contains(double item)
        {
            foreach (double value in this) if (value.Equals(item)) return true;
            return false;
        }

        void ICollection<double>.Add(double item) => throw new NotSupportedException();

        void ICollection<double>.Clear() => throw new NotSupportedException();

        bool ICollection<double>.Remove(double item) => throw new NotSupportedException();
    }
}
