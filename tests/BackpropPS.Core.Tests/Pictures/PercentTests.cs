using System.Globalization;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>Fractions as a reader sees them in a picture: percentages as the views print them, 100 % only for all.</summary>
public class PercentTests
{
    [Theory]
    [InlineData(0.98885793871866291, 2, "98.89 %")]
    [InlineData(0.9667, 1, "96.7 %")]
    [InlineData(1, 1, "100.0 %")]
    [InlineData(0, 2, "0.00 %")]
    [InlineData(0.999999998, 2, "> 99.99 %")]   // 4294967294 of 4294967302 is not all
    [InlineData(0.00001, 1, "< 0.1 %")]
    [InlineData(0.5, 0, "50 %")]
    [InlineData(double.NaN, 1, "none")]
    public void AFractionIsAPercentageAndOnlyAllIsAHundred(double fraction, int decimals, string text)
    {
        Assert.Equal(text, Percent.Of(fraction, decimals));
    }

    [Fact]
    public void APercentageHasADecimalPointInEveryCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("96.67 %", Percent.Of(0.96667, 2));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
