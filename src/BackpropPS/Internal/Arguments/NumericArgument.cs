using System.Collections;
using BackpropPS.Core.Data;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Turns what a user types for a sample or a batch into a Matrix: <c>0.05, 0.10</c> is one sample,
    /// <c>@(0.05, 0.10), @(0.2, 0.3)</c> a batch of two; numeric strings (from Import-Csv) count as numbers
    /// when they are invariant-culture decimals (<see cref="NumberValue"/>).
    /// A Matrix is taken as it is, and typed arrays (<c>double[]</c>, <c>double[][]</c>, <c>double[,]</c>)
    /// are copied whole by <see cref="NumericArrays"/>.
    /// </summary>
    internal static class NumericArgument
    {
        /// <summary>One row, or one row per element when the elements are themselves lists; <paramref name="rowName"/> names a row in errors.</summary>
        public static Matrix ToBatch(object value, string parameterName, string rowName = "sample")
        {
            value = Unwrap(value);
            if (value is Matrix matrix) return matrix;
            Matrix typed = NumericArrays.TryRead(value, parameterName, rowName);
            if (typed != null) return typed;
            // What a user types most (-Input 0.05, 0.10): one sample of plain numbers, read in one loop.
            if (value is object[] plain && TryPlainNumbers(plain, out double[] sample)) return Matrix.FromRow(sample);

            IList<object> items = Items(value);
            if (items.Count > 0 && AllSequences(items))
            {
                var rows = new double[items.Count][];
                for (int r = 0; r < rows.Length; r++) rows[r] = Numbers(items[r], parameterName, rowName, r + 1);
                int width = rows[0].Length;
                for (int r = 1; r < rows.Length; r++)
                {
                    if (rows[r].Length != width) throw Ragged(parameterName, rowName, width, r, rows[r].Length);
                }
                var data = new double[rows.Length * width];
                for (int r = 0; r < rows.Length; r++) Array.Copy(rows[r], 0, data, r * width, width);
                return new Matrix(rows.Length, width, data);
            }
            return Matrix.FromRow(Numbers(items, parameterName, rowName, 0));
        }

        /// <summary>
        /// Inputs for a network of <paramref name="inputSize"/> inputs: as <see cref="ToBatch"/>, except that for
        /// a network with one input a flat list (<c>-Input 1, 2, 3</c>) is one sample per value.
        /// </summary>
        public static Matrix ToInputs(object value, string parameterName, int inputSize)
        {
            Matrix inputs = ToBatch(value, parameterName);
            return inputs.Rows == 1 && inputSize == 1 && inputs.Columns > 1 ? new Matrix(inputs.Columns, 1, inputs) : inputs;
        }

        /// <summary>
        /// Targets for a batch of <paramref name="samples"/>: as <see cref="ToBatch"/>, except that for a network
        /// with one output a flat list (<c>-Target 0, 1, 1, 0</c>) is one target per sample.
        /// </summary>
        public static Matrix ToTargets(object value, string parameterName, int samples, int outputs)
        {
            Matrix targets = ToBatch(value, parameterName);
            if (targets.Rows != 1 || samples == 1 || outputs != 1) return targets;
            if (targets.Columns != samples)
            {
                throw BackpropException.Argument("BatchSizeMismatch",
                    $"Expected one target per input sample ({samples}); got a list of {targets.Columns} values.");
            }
            return new Matrix(samples, 1, targets);
        }

        /// <summary>The -Input and -Target samples of a command that runs <paramref name="network"/> and checks its outputs.</summary>
        public static (Matrix Inputs, Matrix Targets) ToSamples(object input, object target, Network network)
        {
            Matrix inputs = ToInputs(input, "Input", network.InputSize);
            return (inputs, ToTargets(target, "Target", inputs.Rows, network.OutputSize));
        }

        /// <summary>Elements of a sequence, or the value itself as a one-element list.</summary>
        public static IList<object> Items(object value)
        {
            value = Unwrap(value);
            if (!IsSequence(value)) return new List<object> { value };
            var items = value is ICollection collection ? new List<object>(collection.Count) : new List<object>();
            foreach (object item in (IEnumerable)value) items.Add(Unwrap(item));
            return items;
        }

        public static bool IsSequence(object value) => value is IEnumerable && !(value is string);

        public static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;

        /// <summary>A number from a number or a numeric string; <paramref name="position"/> says where it was, for the error.</summary>
        public static double ToDouble(object value, string parameterName, string position)
        {
            value = Unwrap(value);
            if (TryNumber(value, out double number)) return number;
            throw NonNumeric(value, parameterName, position);
        }

        /// <summary>The <c>EmptyArgument</c> error: <paramref name="sample"/> ("the sample", "sample 3") has no values.</summary>
        public static BackpropException Empty(string parameterName, string sample) =>
            BackpropException.Argument("EmptyArgument", $"Expected at least one number for -{parameterName}; {sample} is empty.");

        /// <summary>The <c>RaggedBatch</c> error for row <paramref name="index"/> (from 0) of <paramref name="length"/> values.</summary>
        public static BackpropException Ragged(string parameterName, string rowName, int width, int index, int length) =>
            BackpropException.Argument("RaggedBatch",
                $"Every {rowName} of -{parameterName} must have {width} values like the first; {rowName} {index + 1} has {length}.");

        // Numbers of numeric types as they are; text as an invariant-culture decimal (NumberValue), never
        // through PowerShell's casts, which read '0,05' as 5.
        private static bool TryNumber(object value, out double number) => NumberValue.TryRead(value, null, out number);

        // True when every element is a double or an int (PowerShell's own numbers), which reads as itself.
        private static bool TryPlainNumbers(object[] items, out double[] numbers)
        {
            numbers = null;
            if (items.Length == 0) return false;
            var values = new double[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                switch (items[i])
                {
                    case double d: values[i] = d; break;
                    case int n: values[i] = n; break;
                    default: return false;
                }
            }
            numbers = values;
            return true;
        }

        private static bool AllSequences(IList<object> items)
        {
            for (int i = 0; i < items.Count; i++) if (!IsSequence(items[i])) return false;
            return true;
        }

        // The values of one row; rowNumber counts from 1, and 0 means the only sample. Positions for errors are
        // spelled out only when there is an error. A double[] row is only read (copied into the matrix), never kept.
        private static double[] Numbers(object row, string parameterName, string rowName, int rowNumber)
        {
            row = Unwrap(row);
            if (row is double[] typed)
            {
                if (typed.Length == 0) throw Empty(parameterName, Sample(rowName, rowNumber));
                return typed;
            }
            return Numbers(Items(row), parameterName, rowName, rowNumber);
        }

        private static double[] Numbers(IList<object> items, string parameterName, string rowName, int rowNumber)
        {
            if (items.Count == 0) throw Empty(parameterName, Sample(rowName, rowNumber));
            var numbers = new double[items.Count];
            for (int i = 0; i < numbers.Length; i++)
            {
                if (!TryNumber(items[i], out numbers[i]))
                    throw NonNumeric(items[i], parameterName, $"value {i + 1} of {Sample(rowName, rowNumber)}");
            }
            return numbers;
        }

        private static string Sample(string rowName, int rowNumber) => rowNumber == 0 ? "the " + rowName : $"{rowName} {rowNumber}";

        private static BackpropException NonNumeric(object value, string parameterName, string position)
        {
            string advice = value is string text ? NumberText.Advice(text, null, null) : "";
            return BackpropException.Argument("NonNumericArgument",
                $"Expected numbers for -{parameterName}; {position} is {UserValue.Describe(value)}.{advice}");
        }
    }
}
