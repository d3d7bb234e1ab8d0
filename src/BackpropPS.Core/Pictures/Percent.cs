using System.Globalization;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// A fraction as a person reads it in a picture (captions, titles, legends, tooltips): a percentage with the
    /// decimals the module's views print (an epoch's accuracy with 1, an accuracy report's with 2), "96.7 %".
    /// 100 % means all and 0 % none: a fraction that would round to either is shown as "&gt; 99.99 %" or "&lt; 0.01 %".
    /// The objects' properties stay fractions.
    /// </summary>
    public static class Percent
    {
        /// <summary><paramref name="fraction"/> (0 to 1) as a percentage with <paramref name="decimals"/> decimals (0 to 6).</summary>
        public static string Of(double fraction, int decimals)
        {
            if (decimals < 0 || decimals > 6) throw new ArgumentOutOfRangeException(nameof(decimals));
            if (double.IsNaN(fraction) || double.IsInfinity(fraction)) return "none";
            string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
            double percent = Math.Round(fraction * 100, decimals, MidpointRounding.AwayFromZero);
            double least = Math.Pow(10, -decimals);
            if (percent >= 100 && fraction < 1) return "> " + (100 - least).ToString(format, CultureInfo.InvariantCulture) + " %";
            if (percent <= 0 && fraction > 0) return "< " + least.ToString(format, CultureInfo.InvariantCulture) + " %";
            return percent.ToString(format, CultureInfo.InvariantCulture) + " %";
        }
    }
}
