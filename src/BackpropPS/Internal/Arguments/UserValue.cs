using System.Collections;
using System.Globalization;

namespace BackpropPS.Internal
{
    /// <summary>A value as the user typed or piped it, for messages: never a .NET type name.</summary>
    internal static class UserValue
    {
        public static string Describe(object given)
        {
            object value = NumericArgument.Unwrap(given);
            switch (value)
            {
                case null: return "$null";
                case string s: return s.Length == 0 ? "an empty string" : $"'{s}'";
                case bool b: return b ? "$true" : "$false";
                case double d: return d.ToString("R", CultureInfo.InvariantCulture);
                case float f: return f.ToString("R", CultureInfo.InvariantCulture);
                case IConvertible number when number.GetTypeCode() >= TypeCode.SByte && number.GetTypeCode() <= TypeCode.Decimal:
                    return number.ToString(CultureInfo.InvariantCulture);
                case Network n: return "a network (" + n.Shape + ")";
                case IDictionary dictionary: return $"a hashtable of {Wording.Count(dictionary.Count, "entry", "entries")}";
                case ICollection list: return list.Count == 0 ? "an empty list" : $"a list of {Wording.Count(list.Count, "value")}";
                case IEnumerable _: return "a list";
            }
            // PowerShell's own rendering, as the prompt shows the value ("@{a=1}" for a custom object).
            // The wrapper, when there is one, holds a custom object's properties.
            string shown = PSObject.AsPSObject(given).ToString();
            return shown.Length == 0 ? "an empty object" : $"'{shown}'";
        }
    }
}
