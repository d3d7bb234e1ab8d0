using System.Globalization;
using BackpropPS.Core.Data;

namespace BackpropPS.Internal
{
    /// <summary>
    /// One value a user gave where a number belongs (a cell, an element of -Input): a number of a numeric type
    /// as it is, text through <see cref="NumberText"/> in one culture, anything else not a number. PowerShell's
    /// own conversion is never used: it reads '1,5' as 15 and '10kb' as 10240.
    /// </summary>
    internal static class NumberValue
    {
        public static bool TryRead(object value, CultureInfo culture, out double number)
        {
            switch (value)
            {
                case double d: number = d; return true;
                case int i: number = i; return true;
                case string s: return NumberText.TryParse(s, culture, out number);
                case IConvertible c when IsNumeric(c.GetTypeCode()):
                    number = c.ToDouble(CultureInfo.InvariantCulture);
                    return true;
                default:
                    number = 0;
                    return false;
            }
        }

        /// <summary>
        /// A count: a whole number from 0 to <see cref="int.MaxValue"/>, as a number or as invariant text ('3', not
        /// '2.7', '0x10' or '1,000'); false for anything else, so the caller says what it expected.
        /// </summary>
        public static bool TryReadCount(object value, out int count)
        {
            count = 0;
            if (!TryRead(value, null, out double number) || number != Math.Floor(number) || number < 0 || number > int.MaxValue) return false;
            count = (int)number;
            return true;
        }

        // Bool and char are IConvertible too, but $true or 'A' is never meant as a number.
        private static bool IsNumeric(TypeCode code) => code >= TypeCode.SByte && code <= TypeCode.Decimal;
    }
}
