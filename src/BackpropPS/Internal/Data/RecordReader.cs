using System.Collections;
using System.Globalization;
using BackpropPS.Core.Data;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Reads cells from records (Import-Csv rows, custom objects, hashtables). Errors name the record
    /// (counted from 1, as a person counts CSV data rows) and the column.
    /// </summary>
    internal static class RecordReader
    {
        /// <summary>
        /// The record's properties in order; the keys of a dictionary, sorted when the dictionary has no order
        /// of its own (a Hashtable), so that the same records always give the same columns.
        /// </summary>
        public static IEnumerable<string> ColumnNames(PSObject record)
        {
            if (!(record.BaseObject is IDictionary dictionary)) return record.Properties.Select(p => p.Name);
            var keys = dictionary.Keys.Cast<object>().Select(k => k.ToString());
            return dictionary is Hashtable ? keys.OrderBy(k => k, StringComparer.Ordinal) : keys;
        }

        /// <summary>True when the record has the column (names are case-insensitive, as in PowerShell).</summary>
        public static bool HasColumn(PSObject record, string column) =>
            record.BaseObject is IDictionary dictionary ? dictionary.Contains(column) || Key(dictionary, column) != null
                : record.Properties[column] != null;

        /// <summary>The cell's value; a missing column is a <c>MissingColumn</c> error.</summary>
        public static object Cell(PSObject record, string column, int row)
        {
            if (record.BaseObject is IDictionary dictionary)
            {
                object key = dictionary.Contains(column) ? column : Key(dictionary, column);
                if (key != null) return NumericArgument.Unwrap(dictionary[key]);
            }
            else
            {
                PSPropertyInfo property = record.Properties[column];
                if (property != null) return NumericArgument.Unwrap(property.Value);
            }
            throw new BackpropException("MissingColumn", BackpropErrorKind.InvalidData,
                $"Record {row} has no column '{column}'. Its columns are: {string.Join(", ", ColumnNames(record))}.");
        }

        /// <summary>What the cell holds: empty, a number in <paramref name="culture"/> (null: invariant), or text.</summary>
        public static CellKind Kind(PSObject record, string column, int row, CultureInfo culture)
        {
            object value = Cell(record, column, row);
            if (IsEmpty(value)) return CellKind.Empty;
            return NumberValue.TryRead(value, culture, out double _) ? CellKind.Number : CellKind.Text;
        }

        /// <summary>
        /// The cell as a number: a number of a numeric type, or text that is a decimal in <paramref name="culture"/>
        /// (null: invariant). Anything else is a <c>NonNumericCell</c> error, NaN and infinities <c>NonFiniteCell</c>.
        /// </summary>
        public static double Number(PSObject record, string column, int row, CultureInfo culture)
        {
            object value = Cell(record, column, row);
            if (!IsEmpty(value) && NumberValue.TryRead(value, culture, out double number))
            {
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    throw new BackpropException("NonFiniteCell", BackpropErrorKind.InvalidData,
                        $"Record {row}, column '{column}': expected a finite number; got {UserValue.Describe(value)}.");
                }
                return number;
            }
            string shown = IsEmpty(value) ? "an empty cell" : UserValue.Describe(value);
            string advice = value is string text && !IsEmpty(value) ? NumberText.Advice(text, culture, "-Culture") : "";
            throw new BackpropException("NonNumericCell", BackpropErrorKind.InvalidData,
                $"Record {row}, column '{column}': expected a number; got {shown}.{advice}");
        }

        /// <summary>The cell as text (a class label); an empty cell is an <c>EmptyCell</c> error.</summary>
        public static string Text(PSObject record, string column, int row)
        {
            object value = Cell(record, column, row);
            // Typed numbers as the invariant culture writes them, so that a label reads the same in every culture.
            string text = value is double d ? d.ToString("R", CultureInfo.InvariantCulture)
                : value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
            if (string.IsNullOrEmpty(text))
            {
                throw new BackpropException("EmptyCell", BackpropErrorKind.InvalidData,
                    $"Record {row}, column '{column}': expected a class label; the cell is empty.");
            }
            return text;
        }

        private static bool IsEmpty(object value) => value == null || (value is string s && s.Trim().Length == 0);

        private static object Key(IDictionary dictionary, string column) =>
            dictionary.Keys.Cast<object>().FirstOrDefault(k => string.Equals(k?.ToString(), column, StringComparison.OrdinalIgnoreCase));
    }
}
