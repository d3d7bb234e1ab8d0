using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using BackpropPS.Core;
using BackpropPS.Core.Training;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Turns records into a data set for a network. One target column of labels (text, or any single
    /// column when the network has several outputs) becomes one-hot targets, one output per label; with
    /// one output and two labels, the target is 1 for the second label and 0 for the first.
    /// </summary>
    internal static class RecordDataset
    {
        public static (Dataset Data, DataSchema Schema) Build(IReadOnlyList<PSObject> records,
            IReadOnlyList<string> inputColumns, IReadOnlyList<string> targetColumns, Network network) =>
            Build(records, inputColumns, targetColumns, network.InputSize, network.OutputSize, network.Schema);

        /// <summary>
        /// As for a network of <paramref name="inputSize"/> inputs and <paramref name="outputSize"/> outputs that
        /// was trained with the schema <paramref name="known"/> (or null); Get-BackpropDataset -AsDataset reads Iris this way.
        /// </summary>
        public static (Dataset Data, DataSchema Schema) Build(IReadOnlyList<PSObject> records,
            IReadOnlyList<string> inputColumns, IReadOnlyList<string> targetColumns, int inputSize, int outputSize, DataSchema known)
        {
            if (records.Count == 0)
                throw BackpropException.Argument("EmptyData", "Expected records through the pipeline; none came.");
            targetColumns = targetColumns ?? known?.TargetColumns;
            if (targetColumns == null || targetColumns.Count == 0)
            {
                throw BackpropException.Argument("MissingTargetColumn",
                    "Expected -TargetColumn to name the column(s) holding the wanted outputs.");
            }
            inputColumns = inputColumns ?? (known != null && known.InputColumns.Count > 0 ? known.InputColumns : null)
                ?? RecordReader.ColumnNames(records[0]).Where(c => !targetColumns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToArray();
            if (inputColumns.Count != inputSize)
            {
                throw BackpropException.Argument("InputSizeMismatch",
                    $"The network takes {inputSize} inputs; got {inputColumns.Count} input columns ({string.Join(", ", inputColumns)}).");
            }

            Matrix inputs = RecordReader.Numbers(records, inputColumns);
            bool labelled = targetColumns.Count == 1 &&
                (known?.IsClassifier == true || outputSize > 1 || !RecordReader.AllNumeric(records, targetColumns[0]));
            if (!labelled)
            {
                if (targetColumns.Count != outputSize)
                {
                    throw BackpropException.Argument("TargetSizeMismatch",
                        $"The network has {Wording.Count(outputSize, "output")}; got {Wording.Count(targetColumns.Count, "target column")} ({string.Join(", ", targetColumns)}).");
                }
                return (new Dataset(inputs, RecordReader.Numbers(records, targetColumns)), new DataSchema(inputColumns, targetColumns));
            }

            string column = targetColumns[0];
            string[] cells = records.Select((r, i) => RecordReader.Text(r, column, i + 1)).ToArray();
            IReadOnlyList<string> labels = known?.IsClassifier == true
                ? known.ClassLabels
                : cells.Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToArray();
            var schema = new DataSchema(inputColumns, targetColumns, labels);
            if (!schema.FitsOutputs(outputSize))
            {
                throw BackpropException.Argument("ClassCountMismatch",
                    $"Column '{column}' has {Wording.Count(labels.Count, "label")} ({string.Join(", ", labels)}); the network has {Wording.Count(outputSize, "output")}: " +
                    "one per label, or one output for two labels.");
            }
            // One output for two labels is the probability of the second; otherwise the targets are one-hot.
            int width = outputSize;
            var targets = new double[records.Count * width];
            for (int r = 0; r < cells.Length; r++)
            {
                int index = LabelIndex(labels, cells[r], column, r + 1);
                if (width == 1) targets[r] = index;
                else targets[r * width + index] = 1.0;
            }
            return (new Dataset(inputs, new Matrix(records.Count, width, targets)), schema);
        }

        /// <summary>The output a label belongs to; a label the network never saw is an <c>UnknownLabel</c> error.</summary>
        public static int LabelIndex(IReadOnlyList<string> labels, string label, string column, int row)
        {
            for (int k = 0; k < labels.Count; k++) if (string.Equals(labels[k], label, StringComparison.Ordinal)) return k;
            throw new BackpropException("UnknownLabel", BackpropErrorKind.InvalidData,
                $"Record {row}, column '{column}': the label '{label}' is not one the network was trained on ({string.Join(", ", labels)}).");
        }
    }
}
