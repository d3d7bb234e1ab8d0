using System.Globalization;
using BackpropPS.Core.Data;

namespace BackpropPS.Internal
{
    /// <summary>Piped records as the core's <see cref="IRecordTable"/>: this side only reads their cells, in one culture.</summary>
    internal sealed class RecordTable : IRecordTable
    {
        private readonly IReadOnlyList<PSObject> _records;
        private readonly CultureInfo _culture;

        /// <param name="records">The records, in order.</param>
        /// <param name="culture">The culture of numbers in text; null for the invariant culture.</param>
        public RecordTable(IReadOnlyList<PSObject> records, CultureInfo culture)
        {
            _records = records;
            _culture = culture;
        }

        public int Count => _records.Count;

        public IReadOnlyList<string> Columns(int row) => RecordReader.ColumnNames(_records[row]).ToArray();

        public bool HasColumn(int row, string column) => RecordReader.HasColumn(_records[row], column);

        public CellKind Kind(int row, string column) => RecordReader.Kind(_records[row], column, row + 1, _culture);

        public double Number(int row, string column) => RecordReader.Number(_records[row], column, row + 1, _culture);

        public string Text(int row, string column) => RecordReader.Text(_records[row], column, row + 1);
    }
}
