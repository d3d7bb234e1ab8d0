namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// One side of a matrix product, as a view: row-major rows of <see cref="Data"/> from <see cref="Offset"/>,
    /// <see cref="Stride"/> apart, read as stored or transposed. A row index makes a view of chosen stored rows
    /// (a shuffled batch of a data set) without copying them.
    /// </summary>
    internal readonly struct MatrixOperand
    {
        public readonly double[] Data;
        public readonly int Offset;
        public readonly int Stride;
        public readonly bool Transposed;
        public readonly int[] RowIndex;
        public readonly int RowIndexOffset;

        private MatrixOperand(double[] data, int offset, int stride, bool transposed, int[] rowIndex, int rowIndexOffset)
        {
            Data = data;
            Offset = offset;
            Stride = stride;
            Transposed = transposed;
            RowIndex = rowIndex;
            RowIndexOffset = rowIndexOffset;
        }

        /// <summary>A row-major matrix with rows <paramref name="stride"/> apart, read as stored.</summary>
        public static MatrixOperand Rows(double[] data, int stride, int offset = 0) =>
            new MatrixOperand(data, offset, stride, false, null, 0);

        /// <summary>The transpose of a row-major matrix with rows <paramref name="stride"/> apart.</summary>
        public static MatrixOperand TransposeOf(double[] data, int stride, int offset = 0) =>
            new MatrixOperand(data, offset, stride, true, null, 0);

        /// <summary>Rows <c>index[start]</c>, <c>index[start + 1]</c>, ... of a row-major matrix, read as stored.</summary>
        public static MatrixOperand Gather(double[] data, int stride, int[] index, int start) =>
            new MatrixOperand(data, 0, stride, false, index ?? throw new ArgumentNullException(nameof(index)), start);

        /// <summary>Where stored row <paramref name="row"/> of the view starts in <see cref="Data"/>.</summary>
        public int RowStart(int row) => Offset + (RowIndex == null ? row : RowIndex[RowIndexOffset + row]) * Stride;

        /// <summary>Element (r, c) of the operand as the product reads it.</summary>
        public double this[int r, int c] => Transposed ? Data[RowStart(c) + r] : Data[RowStart(r) + c];
    }
}
