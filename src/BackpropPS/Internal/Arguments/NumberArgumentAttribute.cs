using System.Collections;
using System.Globalization;
using BackpropPS.Core.Data;

namespace BackpropPS.Internal
{
    /// <summary>
    /// The rule for every numeric parameter: text (-LearningRate '0.5', a value from Import-Csv) must be an
    /// invariant-culture decimal, and a whole-number parameter takes no fraction. Without it PowerShell's binder
    /// casts: -LearningRate '0,5' runs as 5, -Epochs '1,000' as 1000, -Epochs 2.5 as 2 and -Seed 7.5 as 8.
    /// Numbers of numeric types pass through when they fit. A test reflects over every cmdlet so that no numeric
    /// parameter goes without one of the two attributes below.
    /// </summary>
    internal abstract class NumberArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = NumericArgument.Unwrap(inputData);
            if (value == null) return inputData;
            if (!NumericArgument.IsSequence(value)) return Read(value);
            var numbers = new ArrayList();
            foreach (object item in (IEnumerable)value) numbers.Add(Read(NumericArgument.Unwrap(item)));
            return numbers.ToArray();
        }

        /// <summary>One value, as the parameter's element type takes it; anything else is refused in the user's terms.</summary>
        protected abstract object Read(object value);

        /// <summary>The value as a number: a number of a numeric type, or invariant decimal text; null for anything else.</summary>
        protected static double? Number(object value)
        {
            switch (value)
            {
                case string text: return NumberText.TryParse(text, null, out double parsed) ? parsed : (double?)null;
                case bool _: return null; // $true is no number, though PowerShell would cast it to 1
                default: return NumberValue.TryRead(value, null, out double number) ? number : (double?)null;
            }
        }

        /// <summary>The binding error: PowerShell reports it as ParameterArgumentTransformationError on the parameter.</summary>
        protected static Exception Refused(string expected, object value)
        {
            string advice = value is string text ? NumberText.Advice(text, null, null) : "";
            return new ArgumentTransformationMetadataException($"Expected {expected}; got {UserValue.Describe(value)}.{advice}");
        }
    }

    /// <summary>On a parameter of type double (or double[]): a number, text only as an invariant-culture decimal.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class DecimalNumberAttribute : NumberArgumentAttribute
    {
        /// <inheritdoc />
        protected override object Read(object value) => Number(value) ?? throw Refused("a number", value);
    }

    /// <summary>On a parameter of type int (or int[]): a whole number that fits, from a number or from invariant-culture text.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class WholeNumberAttribute : NumberArgumentAttribute
    {
        /// <inheritdoc />
        protected override object Read(object value)
        {
            double? number = Number(value);
            if (number == null) throw Refused("a whole number", value);
            double n = number.Value;
            if (double.IsNaN(n)) throw Refused("a whole number", value);
            if (n != Math.Floor(n)) throw Refused("a whole number, without a fraction", value);
            if (n < int.MinValue || n > int.MaxValue)
            {
                throw Refused(string.Format(CultureInfo.InvariantCulture, "a whole number from {0:N0} to {1:N0}", int.MinValue, int.MaxValue), value);
            }
            return (int)n;
        }
    }
}
