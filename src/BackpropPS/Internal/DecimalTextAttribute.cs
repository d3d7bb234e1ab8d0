using System;
using System.Collections;
using System.Management.Automation;
using BackpropPS.Core.Data;

namespace BackpropPS.Internal
{
    /// <summary>
    /// On a numeric parameter: text given for it (-LearningRate '0.5', a value from Import-Csv) must be an
    /// invariant-culture decimal. Without it PowerShell's binder casts, and -LearningRate '0,5' runs as 5,
    /// -Epochs '1,000' as 1000. Numbers of numeric types pass through untouched.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class DecimalTextAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = NumericArgument.Unwrap(inputData);
            if (value is string text) return Parse(text);
            if (!(value is IList list)) return inputData;
            var numbers = new object[list.Count];
            for (int i = 0; i < numbers.Length; i++)
            {
                object item = NumericArgument.Unwrap(list[i]);
                numbers[i] = item is string s ? Parse(s) : item;
            }
            return numbers;
        }

        private static double Parse(string text)
        {
            if (NumberText.TryParse(text, null, out double number)) return number;
            throw new ArgumentTransformationMetadataException(
                $"Expected a number; got {UserValue.Describe(text)}.{NumberText.Advice(text, null, null)}");
        }
    }
}
