using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using BackpropPS.Core;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Reads cells from records (Import-Csv rows, custom objects, hashtables). Errors name the record
    /// (counted from 1, as a person counts CSV data rows) and the column.
    /// </summary>
    internal static class RecordReader
    {
        /// <summary>
        /// A network piped where records are expected (<c>$net | Invoke-BackpropPrediction</c>) is a mistake
        /// worth naming: the <c>NetworkPipedAsRecord</c> error.
        /// </summary>
        public static ErrorRecord NetworkPipedAsRecord(PSObject record) =>
            record.BaseObject is Network
                ? ErrorRecords.Create("NetworkPipedAsRecord", ErrorCategory.InvalidArgument,
                    "Expected records through the pipeline; got a network. Give the network with -Network and pipe the records.", record)
                : null;

        /// <summary>
        /// The record's properties in order; the keys of a dictionary, sorted when the dictionary has no order
        /// of its own (a Hashtable), so that the same records always give the same columns.
        /// </summary>
        public static IEnumerable<string> ColumnNames(PSObject record)
        {
            if (!(record.BaseObject is IDictionary dictionary)) return record.Properties.Select(p => p.Name);
            var keys = dictionary.Keys.Cast<object>().Select(k => k.ToString());
            return dictionary is Hashtable ? keys.OrderBy(k => k, System.StringComparer.Ordinal) : keys;
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

        /// <summary>The cell as a number; empty or non-numeric cells are a <c>NonNumericCell</c> error.</summary>
        public static double Number(PSObject record, string column, int row)
        {
            object value = Cell(record, column, row);
            if (value != null && !(value is bool) && !NumericArgument.IsSequence(value) && !(value is string s && s.Trim().Length == 0) &&
                LanguagePrimitives.TryConvertTo(value, CultureInfo.InvariantCulture, out double number))
            {
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    throw new BackpropException("NonFiniteCell", BackpropErrorKind.InvalidData,
                        $"Record {row}, column '{column}': expected a finite number; got '{value}'.");
                }
                return number;
            }
            string shown = value == null || (value is string e && e.Trim().Length == 0) ? "an empty cell" : $"'{value}'";
            throw new BackpropException("NonNumericCell", BackpropErrorKind.InvalidData,
                $"Record {row}, column '{column}': expected a number; got {shown}.");
        }

        /// <summary>The cell as text (a class label).</summary>
        public static string Text(PSObject record, string column, int row)
        {
            object value = Cell(record, column, row);
            string text = value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : value?.ToString();
            if (string.IsNullOrEmpty(text))
            {
                throw new BackpropException("EmptyCell", BackpropErrorKind.InvalidData,
                    $"Record {row}, column '{column}': expected a class label; the cell is empty.");
            }
            return text;
        }

        /// <summary>One row per record of the given numeric columns.</summary>
        public static Matrix Numbers(IReadOnlyList<PSObject> records, IReadOnlyList<string> columns)
        {
            var data = new double[records.Count * columns.Count];
            for (int r = 0; r < records.Count; r++)
                for (int c = 0; c < columns.Count; c++)
                    data[r * columns.Count + c] = Number(records[r], columns[c], r + 1);
            return new Matrix(records.Count, columns.Count, data);
        }

        /// <summary>True when every cell of the column reads as a number.</summary>
        public static bool AllNumeric(IReadOnlyList<PSObject> records, string column)
        {
            for (int r = 0; r < records.Count; r++)
            {
                object value = Cell(records[r], column, r + 1);
                if (value == null || value is bool || (value is string s && s.Trim().Length == 0) ||
                    !LanguagePrimitives.TryConvertTo(value, CultureInfo.InvariantCulture, out double _))
                {
                    return false;
                }
            }
            return true;
        }

        private static object Key(IDictionary dictionary, string column) =>
            dictionary.Keys.Cast<object>().FirstOrDefault(k => string.Equals(k?.ToString(), column, System.StringComparison.OrdinalIgnoreCase));
    }
}
