using BackpropPS.Core.Training;

namespace BackpropPS.Core.Data
{
    /// <summary>
    /// Turns records into a data set for a network: which columns are inputs and targets, whether the target
    /// column holds class labels (then encoded by <see cref="LabelEncoding"/>) or numbers, and the schema the
    /// trained network keeps.
    /// </summary>
    public static class RecordData
    {
        /// <summary>
        /// The data set and schema of <paramref name="table"/> for a network of <paramref name="inputSize"/> inputs and
        /// <paramref name="outputSize"/> outputs, trained before with <paramref name="known"/> (or null).
        /// </summary>
        /// <param name="table">The records.</param>
        /// <param name="inputColumns">The input columns; null for the known ones, or else every column but the targets.</param>
        /// <param name="targetColumns">The target columns; null for the known ones.</param>
        /// <param name="inputSize">The network's inputs.</param>
        /// <param name="outputSize">The network's outputs.</param>
        /// <param name="known">The schema of the network, or null.</param>
        public static (Dataset Data, DataSchema Schema) Read(IRecordTable table, IReadOnlyList<string> inputColumns,
            IReadOnlyList<string> targetColumns, int inputSize, int outputSize, DataSchema known)
        {
            if (table == null) throw new ArgumentNullException(nameof(table));
            if (table.Count == 0) throw BackpropException.Argument("EmptyData", "Expected records through the pipeline; none came.");
            targetColumns = targetColumns ?? known?.TargetColumns;
            if (targetColumns == null || targetColumns.Count == 0)
            {
                throw BackpropException.Argument("MissingTargetColumn",
                    "Expected -TargetColumn to name the column(s) holding the wanted outputs.");
            }
            // A misspelt target column would otherwise count as one more input column.
            EnsureColumns(table, targetColumns);
            inputColumns = inputColumns ?? (known != null && known.InputColumns.Count > 0 ? known.InputColumns : null)
                ?? table.Columns(0).Where(c => !targetColumns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToArray();
            EnsureColumns(table, inputColumns);
            EnsureInputCount(inputColumns, inputSize);

            Matrix inputs = Numbers(table, inputColumns);
            if (!IsLabelled(table, targetColumns, outputSize, known))
            {
                if (targetColumns.Count != outputSize)
                {
                    throw BackpropException.Argument("TargetSizeMismatch",
                        $"The network has {Wording.Count(outputSize, "output")}; got {Wording.Count(targetColumns.Count, "target column")} ({string.Join(", ", targetColumns)}).");
                }
                return (new Dataset(inputs, Numbers(table, targetColumns)), new DataSchema(inputColumns, targetColumns));
            }

            string column = targetColumns[0];
            string[] cells = Enumerable.Range(0, table.Count).Select(r => table.Text(r, column)).ToArray();
            LabelEncoding encoding = known?.IsClassifier == true
                ? new LabelEncoding(known.ClassLabels, outputSize, "The network's schema")
                : LabelEncoding.FromCells(cells, outputSize, $"Column '{column}'");
            return (new Dataset(inputs, encoding.Encode(cells, column)), new DataSchema(inputColumns, targetColumns, encoding.Labels));
        }

        /// <summary>
        /// A single target column holds class labels for a network trained on labels, for several outputs (one
        /// per label), and for one output when no cell is a number. A column of numbers with a stray 'NA' or an
        /// empty cell is numbers with a mistake, which the numeric reading then names.
        /// </summary>
        private static bool IsLabelled(IRecordTable table, IReadOnlyList<string> targetColumns, int outputSize, DataSchema known)
        {
            if (targetColumns.Count != 1) return false;
            if (known?.IsClassifier == true || outputSize > 1) return true;
            for (int r = 0; r < table.Count; r++) if (table.Kind(r, targetColumns[0]) == CellKind.Number) return false;
            return true;
        }

        /// <summary>One input column per input of the network: the InputSizeMismatch error names the columns that came.</summary>
        public static void EnsureInputCount(IReadOnlyList<string> inputColumns, int inputSize)
        {
            if (inputColumns.Count != inputSize)
            {
                throw BackpropException.Argument("InputSizeMismatch",
                    $"The network takes {inputSize} inputs; got {inputColumns.Count} input columns ({string.Join(", ", inputColumns)}).");
            }
        }

        // The first record shows the columns; a later record without one is named when its cell is read.
        private static void EnsureColumns(IRecordTable table, IReadOnlyList<string> columns)
        {
            foreach (string column in columns)
            {
                if (!table.HasColumn(0, column))
                {
                    throw new BackpropException("MissingColumn", BackpropErrorKind.InvalidData,
                        $"Record 1 has no column '{column}'. Its columns are: {string.Join(", ", table.Columns(0))}.");
                }
            }
        }

        private static Matrix Numbers(IRecordTable table, IReadOnlyList<string> columns)
        {
            var data = new double[table.Count * columns.Count];
            for (int r = 0; r < table.Count; r++)
                for (int c = 0; c < columns.Count; c++)
                    data[r * columns.Count + c] = table.Number(r, columns[c]);
            return new Matrix(table.Count, columns.Count, data);
        }
    }
}
