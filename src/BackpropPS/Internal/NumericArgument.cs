using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using BackpropPS.Core;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Turns what a user types for a sample or a batch into a Matrix: <c>0.05, 0.10</c> is one sample,
    /// <c>@(0.05, 0.10), @(0.2, 0.3)</c> a batch of two; numeric strings (from Import-Csv) count as numbers.
    /// </summary>
    internal static class NumericArgument
    {
        /// <summary>One row, or one row per element when the elements are themselves lists; <paramref name="rowName"/> names a row in errors.</summary>
        public static Matrix ToBatch(object value, string parameterName, string rowName = "sample")
        {
            value = Unwrap(value);
            if (value is Matrix matrix) return matrix;
            var items = Items(value);
            if (items.Count > 0 && items.All(IsSequence))
            {
                var rows = items.Select((row, r) => Numbers(Items(row), parameterName, $"{rowName} {r + 1}")).ToArray();
                int width = rows[0].Length;
                int ragged = Array.FindIndex(rows, row => row.Length != width);
                if (ragged >= 0)
                {
                    throw BackpropException.Argument("RaggedBatch",
                        $"Every {rowName} of -{parameterName} must have {width} values like the first; {rowName} {ragged + 1} has {rows[ragged].Length}.");
                }
                return Matrix.FromRows(rows);
            }
            return Matrix.FromRow(Numbers(items, parameterName, "the " + rowName));
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
            return IsSequence(value) ? ((IEnumerable)value).Cast<object>().Select(Unwrap).ToList() : new List<object> { value };
        }

        public static bool IsSequence(object value) => value is IEnumerable && !(value is string);

        public static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;

        /// <summary>A number from a number or a numeric string; <paramref name="position"/> says where it was, for the error.</summary>
        public static double ToDouble(object value, string parameterName, string position)
        {
            value = Unwrap(value);
            if (value != null && !(value is bool) && !IsSequence(value) &&
                LanguagePrimitives.TryConvertTo(value, CultureInfo.InvariantCulture, out double number))
            {
                return number;
            }
            string shown = value == null ? "$null" : $"'{value}' ({value.GetType().Name})";
            throw BackpropException.Argument("NonNumericArgument",
                $"Expected numbers for -{parameterName}; {position} is {shown}.");
        }

        private static double[] Numbers(IList<object> items, string parameterName, string sample)
        {
            if (items.Count == 0)
                throw BackpropException.Argument("EmptyArgument", $"Expected at least one number for -{parameterName}; {sample} is empty.");
            return items.Select((item, i) => ToDouble(item, parameterName, $"value {i + 1} of {sample}")).ToArray();
        }
    }
}
