using System.Collections;
using System.Globalization;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// The fields of an object that came through a job, a remote session or Import-Clixml (a Deserialized.* property
    /// bag), read as strictly as the network file reader reads a file: each of the kind it must be and in its range,
    /// or an <c>InvalidDeserializedObject</c> error that names the object and the field, what came and what was
    /// expected. A Clixml file is text anyone can edit, so nothing in it is taken on trust.
    /// </summary>
    internal sealed class DeserializedObject
    {
        private readonly PSObject _source;
        private readonly string _prefix;

        /// <param name="source">The property bag (or a live object, whose properties read the same way).</param>
        /// <param name="noun">What the object is, for messages: "epoch row", "data set 'Digits'".</param>
        /// <param name="prefix">The path of a nested object's fields: "GradientFlow[1]." for the second row of the list.</param>
        public DeserializedObject(PSObject source, string noun, string prefix = "")
        {
            _source = source;
            Noun = noun;
            _prefix = prefix;
        }

        /// <summary>What the object is, for messages.</summary>
        public string Noun { get; }

        /// <summary>The same fields under a name that says more (a data set's, once its Name is read).</summary>
        public DeserializedObject Called(string noun) => new DeserializedObject(_source, noun, _prefix);

        /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
        public int Whole(string name, string expected, int min, int max = int.MaxValue) =>
            OptionalWhole(name, expected, min, max) ?? throw Invalid(name, expected);

        /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when the field is missing or empty.</summary>
        public int? OptionalWhole(string name, string expected, int min, int max = int.MaxValue)
        {
            object value = Get(name);
            if (value == null) return null;
            if (!IsWhole(value)) throw Invalid(name, expected);
            decimal whole = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            if (whole < min || whole > max) throw Invalid(name, expected);
            return (int)whole;
        }

        /// <summary>A finite number that <paramref name="allowed"/> (when given) takes.</summary>
        public double Number(string name, string expected, Func<double, bool> allowed = null) =>
            OptionalNumber(name, expected, allowed) ?? throw Invalid(name, expected);

        /// <summary>A finite number that <paramref name="allowed"/> (when given) takes, or null when the field is missing or empty.</summary>
        public double? OptionalNumber(string name, string expected, Func<double, bool> allowed = null)
        {
            object value = Get(name);
            if (value == null) return null;
            if (!IsNumber(value)) throw Invalid(name, expected);
            double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (double.IsNaN(number) || double.IsInfinity(number) || (allowed != null && !allowed(number))) throw Invalid(name, expected);
            return number;
        }

        /// <summary>Any number, NaN and infinities included (the loss of a learning-rate test's blow-up).</summary>
        public double AnyNumber(string name, string expected)
        {
            object value = Get(name);
            if (!IsNumber(value)) throw Invalid(name, expected);
            return Convert.ToDouble(value, CultureInfo.InvariantCulture);
        }

        /// <summary>$true or $false.</summary>
        public bool Flag(string name) => Get(name) is bool flag ? flag : throw Invalid(name, "$true or $false");

        /// <summary>Text, or null when the field is missing or empty.</summary>
        public string OptionalText(string name, string expected)
        {
            object value = Get(name);
            if (value == null) return null;
            return value as string ?? throw Invalid(name, expected);
        }

        /// <summary>A duration of 0 or more.</summary>
        public TimeSpan Duration(string name) =>
            Get(name) is TimeSpan time && time >= TimeSpan.Zero ? time : throw Invalid(name, "a duration of 0 or more");

        /// <summary>
        /// One of the names of <typeparamref name="T"/>: a defined value of the enumeration (as PowerShell sends one),
        /// or one of its names in any case (not what Enum.Parse also takes: "0", "Sigmoid, Tanh", " ReLU").
        /// </summary>
        public T Choice<T>(string name) where T : struct
        {
            object value = Get(name);
            string expected = "one of " + string.Join(", ", Enum.GetNames(typeof(T)));
            if (value is string text)
            {
                string known = Enum.GetNames(typeof(T)).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                return known != null ? (T)Enum.Parse(typeof(T), known) : throw Invalid(name, expected);
            }
            if (value is T live && Enum.IsDefined(typeof(T), live)) return live;
            if (IsWhole(value))
            {
                decimal number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (number >= int.MinValue && number <= int.MaxValue && Enum.IsDefined(typeof(T), (int)number)) return (T)Enum.ToObject(typeof(T), (int)number);
            }
            throw Invalid(name, expected);
        }

        /// <summary>A list of text, or null when the field is missing or empty.</summary>
        public IReadOnlyList<string> OptionalStrings(string name, string expected)
        {
            object value = Get(name);
            if (value == null) return null;
            if (!(value is IEnumerable items) || value is string) throw Invalid(name, expected);
            var strings = new List<string>();
            foreach (object item in items) strings.Add(Unwrap(item) as string ?? throw Invalid(name, expected));
            return strings;
        }

        /// <summary>The objects of a list, each read as strictly as this one; an empty list when the field is missing or empty.</summary>
        public IReadOnlyList<DeserializedObject> Items(string name, string expected)
        {
            object value = Get(name);
            if (value == null) return Array.Empty<DeserializedObject>();
            if (!(value is IEnumerable items) || value is string) throw Invalid(name, expected);
            return items.Cast<object>().Select((item, k) => Nested(item, $"{name}[{k}]", expected)).ToList();
        }

        /// <summary>The object a field holds (an epoch row's Network), or null when the field is missing or empty.</summary>
        public object Raw(string name) => Get(name);

        /// <summary>The object a field holds, read as strictly as this one.</summary>
        public DeserializedObject Nested(object value, string field, string expected)
        {
            object item = Unwrap(value);
            if (item == null || item is string || item is bool || IsNumber(item) || item is IEnumerable) throw Invalid(field, Describe(item), expected);
            return new DeserializedObject(PSObject.AsPSObject(value), Noun, _prefix + field + ".");
        }

        /// <summary>Checks a field that sums up others (StepsTaken): when it came, it must say what they say.</summary>
        public void Agrees(string name, object expected, string because)
        {
            object value = Get(name);
            if (value == null && expected == null) return;
            if (value != null && expected != null && IsNumber(value) && IsNumber(expected) &&
                Convert.ToDouble(value, CultureInfo.InvariantCulture).Equals(Convert.ToDouble(expected, CultureInfo.InvariantCulture))) return;
            throw Invalid(name, $"{(expected == null ? "empty" : Describe(expected))} ({because})");
        }

        /// <summary>The refusal of a field: what it holds and what was expected.</summary>
        public BackpropException Invalid(string name, string expected) =>
            Invalid(name, _source.Properties[name] == null ? "missing" : Describe(Get(name)), expected);

        /// <summary>The object as a whole does not hold together (a schema that does not fit, a loss its network cannot take).</summary>
        public BackpropException Refused(string why, Exception inner = null) =>
            new BackpropException("InvalidDeserializedObject", BackpropErrorKind.InvalidData, $"The deserialized {Noun} does not hold together: {why}", inner);

        private BackpropException Invalid(string name, string got, string expected) =>
            new BackpropException("InvalidDeserializedObject", BackpropErrorKind.InvalidData,
                $"The deserialized {Noun}: field '{_prefix}{name}' is {got}; expected {expected}.");

        private object Get(string name) => Unwrap(_source.Properties[name]?.Value);

        // A number or text as itself; an object (a property bag) stays wrapped, as its properties are the wrapper's.
        private static object Unwrap(object value) => value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;

        private static bool IsWhole(object value) =>
            value is int || value is long || value is short || value is sbyte || value is byte || value is ushort || value is uint || value is ulong;

        private static bool IsNumber(object value) => value is double || value is float || IsWhole(value);

        // What came, for a message: the value as PowerShell shows it, never a .NET type name or a megabyte of text.
        private static string Describe(object value)
        {
            switch (value)
            {
                case null: return "empty";
                case string text: return text.Length == 0 ? "an empty text" : "the text '" + Wording.Visible(text.Length > 40 ? text.Substring(0, 40) + "..." : text) + "'";
                case bool flag: return flag ? "$true" : "$false";
                case double number: return number.ToString("R", CultureInfo.InvariantCulture);
                case float number: return number.ToString("R", CultureInfo.InvariantCulture);
                case TimeSpan time: return time.ToString("c", CultureInfo.InvariantCulture);
                case Enum choice: return choice.ToString();
                case PSObject _: return "an object";
                case IEnumerable items: return "a list of " + Wording.Count(items.Cast<object>().Count(), "item");
                default: return IsWhole(value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : "an object";
            }
        }
    }
}
