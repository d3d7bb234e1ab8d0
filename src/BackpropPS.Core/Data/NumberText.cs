using System.Globalization;

namespace BackpropPS.Core.Data
{
    /// <summary>
    /// Numbers written as text (CSV cells, string arguments): decimals only, in one culture (the invariant one
    /// unless a caller names another): an optional sign, digits with at most one decimal separator, an optional
    /// exponent, spaces around. Never PowerShell's casts, which read '1,5' as 15, '0x10' as 16 and '10kb' as
    /// 10240. NaN, Infinity and -Infinity (what Export-Csv writes for them) are read, so that they are refused
    /// as not finite rather than as not numbers.
    /// </summary>
    public static class NumberText
    {
        // Float is exactly the grammar above: no thousands separators, hex, currency, suffixes or parentheses.
        private const NumberStyles Style = NumberStyles.Float;

        /// <summary>The number <paramref name="text"/> stands for in <paramref name="culture"/> (null: invariant).</summary>
        public static bool TryParse(string text, CultureInfo culture, out double value)
        {
            value = 0;
            return text != null && double.TryParse(text, Style, culture ?? CultureInfo.InvariantCulture, out value);
        }

        /// <summary>
        /// For an error message, when <paramref name="text"/> looks like a number written another way ('1,5',
        /// '0x10', '10kb': it has a digit): the rule, and when the text is a number in the current culture
        /// (Export-Csv writes numbers in it) the <paramref name="cultureParameter"/> that reads it. Empty for
        /// text that is no number at all ('abc'); otherwise a sentence with its leading space.
        /// </summary>
        public static string Advice(string text, CultureInfo culture, string cultureParameter)
        {
            if (text == null || !text.Any(char.IsDigit)) return "";
            culture = culture ?? CultureInfo.InvariantCulture;
            string separator = culture.NumberFormat.NumberDecimalSeparator;
            string rule = culture.Equals(CultureInfo.InvariantCulture)
                ? $"Numbers are read with '{separator}' as the decimal separator, without thousands separators."
                : $"Numbers are read in {culture.Name}: '{separator}' as the decimal separator, without thousands separators.";
            CultureInfo current = CultureInfo.CurrentCulture;
            if (cultureParameter != null && !current.Equals(culture) && TryParse(text, current, out double there))
            {
                return " " + rule + $" In {current.Name}, the culture Export-Csv writes numbers in here, it reads as " +
                    $"{there.ToString("R", CultureInfo.InvariantCulture)}: read such a file with {cultureParameter} {current.Name}.";
            }
            return " " + rule;
        }
    }
}
