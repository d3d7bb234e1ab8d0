namespace BackpropPS.Core.Data
{
    /// <summary>What a cell of a record holds, as far as telling numbers from labels goes.</summary>
    public enum CellKind
    {
        /// <summary>No value, or only spaces.</summary>
        Empty,
        /// <summary>A number (of a numeric type, or text that reads as one).</summary>
        Number,
        /// <summary>Anything else: text such as a class label.</summary>
        Text,
    }

    /// <summary>
    /// Records as the core reads them: rows of named cells. The caller reads the cells (the cmdlets read
    /// PowerShell objects in a culture), and its errors name the record (counted from 1) and the column;
    /// <see cref="RecordData"/> decides what the cells mean. Rows here count from 0.
    /// </summary>
    public interface IRecordTable
    {
        /// <summary>Number of records.</summary>
        int Count { get; }

        /// <summary>The columns of record <paramref name="row"/>, in order.</summary>
        IReadOnlyList<string> Columns(int row);

        /// <summary>True when record <paramref name="row"/> has <paramref name="column"/> (names are case-insensitive).</summary>
        bool HasColumn(int row, string column);

        /// <summary>What the cell holds; a missing column is a <c>MissingColumn</c> error.</summary>
        CellKind Kind(int row, string column);

        /// <summary>The cell as a number; anything else is a <c>NonNumericCell</c> or <c>NonFiniteCell</c> error.</summary>
        double Number(int row, string column);

        /// <summary>The cell as text (a class label); an empty cell is an <c>EmptyCell</c> error.</summary>
        string Text(int row, string column);
    }
}
