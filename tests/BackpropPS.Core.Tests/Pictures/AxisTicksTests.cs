using System;
using System.Globalization;
using System.Linq;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>A value axis's ticks: at least four labels at round numbers, from below the smallest value to above the largest, spaced to be read.</summary>
public class AxisTicksTests
{
    // Pixels between neighbouring labels on an axis of the given length, from the first label to the last.
    private static double[] Gaps(AxisTicks ticks, double pixels)
    {
        Func<double, double> at = ticks.Logarithmic ? Math.Log10 : v => v;
        double span = at(ticks.Maximum) - at(ticks.Minimum);
        return Enumerable.Range(1, ticks.Labels.Count - 1).Select(k => (at(ticks.Labels[k]) - at(ticks.Labels[k - 1])) / span * pixels).ToArray();
    }

    [Fact]
    public void TheReadmesIrisLossGetsAtLeastFourRoundLabelsFromBelowTheLastLossToAboveTheFirst()
    {
        // OxyPlot chose 0.5 and 1 for this loss (1.07 falling to 0.046) on a 270-pixel axis: the final loss had no label near it.
        AxisTicks ticks = AxisTicks.For(0.0457, 1.066, 270, logarithmic: false);
        Assert.False(ticks.Logarithmic);
        Assert.True(ticks.Labels.Count >= AxisTicks.MinLabels, $"{ticks.Labels.Count} labels");
        Assert.True(ticks.Minimum <= 0.0457 && ticks.Maximum >= 1.066);
        Assert.All(Gaps(ticks, 270), g => Assert.True(g >= AxisTicks.MinGap, $"gap {g}"));
        // Round numbers, written as a reader expects them.
        Assert.Contains("0.3", ticks.Labels.Select(AxisTicks.Format));
        Assert.Equal("0", AxisTicks.Format(ticks.Minimum));
    }

    [Theory]
    [InlineData(0.0457, 1.066, false)]    // the Iris run: 23 times
    [InlineData(4.47e-5, 0.125, true)]    // the XOR sweep: more than three decades
    [InlineData(0.01, 1, false)]          // exactly 100 times is not more than 100
    [InlineData(0.0099, 1, true)]
    [InlineData(0, 1, false)]             // a loss of 0 has no place on a log axis
    public void AnAxisIsLogarithmicWhenTheValuesSpanMoreThanAHundredFold(double low, double high, bool logarithmic)
    {
        Assert.Equal(logarithmic, AxisTicks.ShouldBeLogarithmic(low, high));
    }

    [Theory]
    [InlineData(4.47e-5, 0.125, 200)]
    [InlineData(0.0019, 0.041, 270)]
    [InlineData(0.021, 0.029, 270)]       // less than a decade: round steps, not decades
    [InlineData(1e-300, 1e300, 300)]
    [InlineData(0.5, 0.5, 300)]           // one value
    public void ALogAxisHasAtLeastFourLabelsReachingTheData(double low, double high, double pixels)
    {
        AxisTicks ticks = AxisTicks.For(low, high, pixels, logarithmic: true);
        Assert.True(ticks.Logarithmic);
        Assert.True(ticks.Labels.Count >= AxisTicks.MinLabels, string.Join(", ", ticks.Labels));
        Assert.True(ticks.Minimum <= low && ticks.Maximum >= high && ticks.Minimum > 0);
        Assert.All(Gaps(ticks, pixels), g => Assert.True(g >= AxisTicks.CrowdedGap, $"gap {g}"));
        Assert.Equal(ticks.Labels.OrderBy(t => t), ticks.Labels);
    }

    [Theory]
    [InlineData(-3, 7, 300)]
    [InlineData(0.3, 0.3, 300)]
    [InlineData(0.30000001, 0.30000004, 300)]
    [InlineData(-1e308, 1e308, 300)]
    [InlineData(1e6, 3e6, 60)]            // a short axis: four labels 15 pixels apart rather than two
    public void ALinearAxisHasAtLeastFourLabelsReachingTheData(double low, double high, double pixels)
    {
        AxisTicks ticks = AxisTicks.For(low, high, pixels, logarithmic: false);
        Assert.True(ticks.Labels.Count >= AxisTicks.MinLabels || double.IsInfinity(high - low), string.Join(", ", ticks.Labels));
        Assert.True(ticks.Minimum <= low && ticks.Maximum >= high);
        Assert.All(ticks.Labels, t => Assert.False(double.IsNaN(t) || double.IsInfinity(t)));
    }

    [Fact]
    public void AnAxisTooShortForFourReadableLabelsHasFewerRatherThanOverlappingOnes()
    {
        AxisTicks ticks = AxisTicks.For(0, 1, 30, logarithmic: false);
        Assert.True(ticks.Labels.Count < AxisTicks.MinLabels);
        Assert.All(Gaps(ticks, 30), g => Assert.True(g >= AxisTicks.CrowdedGap));
    }

    [Fact]
    public void LabelsAreDecimalsFromAThousandthOnAndPowersOfTenBelow()
    {
        Assert.Equal(new[] { "0", "0.0001", "0.3", "2.5", "1200", "1E-5", "2.5E-7" },
            new[] { 0, 1e-4, 0.3, 2.5, 1200, 1e-5, 2.5e-7 }.Select(AxisTicks.Format));
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("0.3", AxisTicks.Format(0.3));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
