namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// One side of a matrix product, as a view: row-major rows of <see cref="Data"/> from <see cref="Offset"/>,
    /// <see cref="Stride"/> apart, read as stored or transposed. A row index makes a view of chosen stored rows
    /// (a shuffled batch of a data set) without copying them. <typeparamref name="T"/> is double or float.
    /// </summary>
    internal readonly struct MatrixOperand<T> where T : unmanaged
    {
        public readonly T[] Data;
        public readonly int Offset;
        public readonly int Stride;
        public readonly bool Transposed;
        public readonly int[] RowIndex;
        public readonly int RowIndexOffset;

        internal MatrixOperand(T[] data, int offset, int stride, bool transposed, int[] rowIndex, int rowIndexOffset)
        {
            Data = data;
            Offset = offset;
            Stride = stride;
            Transposed = transposed;
            RowIndex = rowIndex;
            RowIndexOffset = rowIndexOffset;
        }

        /// <summary>Where stored row <paramref name="row"/> of the view starts in <see cref="Data"/>.</summary>
        public int RowStart(int row) => Offset + (RowIndex == null ? row : RowIndex[RowIndexOffset + row]) * Stride;

        /// <summary>Element (r, c) of the operand as the product reads it.</summary>
        public T this[int r, int c] => Transposed ? Data[RowStart(c) + r] : Data[RowStart(r) + c];
    }

    /// <summary>The views <see cref="MatrixOperand{T}"/> can be: rows as stored, a transpose, chosen rows.</summary>
    internal static class MatrixOperand
    {
        /// <summary>A row-major matrix with rows <paramref name="stride"/> apart, read as stored.</summary>
        public static MatrixOperand<T> Rows<T>(T[] data, int stride, int offset = 0) where T : unmanaged =>
            new MatrixOperand<T>(data, offset, stride, false, null, 0);

        /// <summary>The transpose of a row-major matrix with rows <paramref name="stride"/> apart.</summary>
        public static MatrixOperand<T> TransposeOf<T>(T[] data, int stride, int offset = 0) where T : unmanaged =>
            new MatrixOperand<T>(data, offset, stride, true, null, 0);

        /// <summary>Rows <c>index[start]</c>, <c>index[start + 1]</c>, ... of a row-major matrix, read as stored.</summary>
        public static MatrixOperand<T> Gather<T>(T[] data, int stride, int[] index, int start) where T : unmanaged =>
            new MatrixOperand<T>(data, 0, stride, false, index ?? throw new ArgumentNullException(nameof(index)), start);
    }
}
