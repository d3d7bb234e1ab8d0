using System.Globalization;
using BackpropPS.Core.Data;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Reads the properties of rows that come back to be drawn (a run's epochs, gradient-flow rows, or those rows
    /// read back with Import-Csv): numbers of numeric types, or text that is a decimal in the culture given.
    /// </summary>
    internal static class RowValues
    {
        /// <summary>
        /// The property as a number; a missing or empty one is none, or with <paramref name="required"/> an error.
        /// <paramref name="invalid"/> makes the error from what is wrong and the advice on numbers in text.
        /// </summary>
        public static double? Number(PSObject row, string property, bool required, CultureInfo culture, Func<string, string, BackpropException> invalid)
        {
            object value = NumericArgument.Unwrap(row.Properties[property]?.Value);
            if (value == null || (value is string s && s.Trim().Length == 0))
            {
                if (required) throw invalid($"got one without {property}", "");
                return null;
            }
            if (!NumberValue.TryRead(value, culture, out double number))
            {
                string advice = value is string text ? NumberText.Advice(text, culture, "-Culture") : "";
                throw invalid($"its {property} is {UserValue.Describe(value)}, not a number", advice);
            }
            return number;
        }

        /// <summary>The property as invariant text (a run's name, a label); empty when it is missing.</summary>
        public static string Text(object value) => Convert.ToString(NumericArgument.Unwrap(value), CultureInfo.InvariantCulture);
    }
}
