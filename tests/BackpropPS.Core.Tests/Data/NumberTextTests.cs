using System.Globalization;
using BackpropPS.Core.Data;

namespace BackpropPS.Core.Tests.Data;

/// <summary>Numbers in text: invariant decimals only, never PowerShell's casts ('1,5' is 15 there, '10kb' 10240).</summary>
public class NumberTextTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-0.05", -0.05)]
    [InlineData("+2", 2.0)]
    [InlineData("1e-3", 0.001)]
    [InlineData("2.5E+2", 250.0)]
    [InlineData(" 7 ", 7.0)]
    [InlineData(".5", 0.5)]
    public void ReadsInvariantDecimals(string text, double expected)
    {
        Assert.True(NumberText.TryParse(text, null, out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1,000")]
    [InlineData("0x10")]
    [InlineData("10kb")]
    [InlineData("1d")]
    [InlineData("1.2.3")]
    [InlineData("$5")]
    [InlineData("(5)")]
    [InlineData("1_000")]
    [InlineData("")]
    [InlineData("abc")]
    public void RefusesEverythingElse(string text)
    {
        Assert.False(NumberText.TryParse(text, null, out _));
        Assert.False(NumberText.TryParse(text, CultureInfo.InvariantCulture, out _));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void ReadsNonFiniteSpellingsSoTheyCanBeRefusedAsNotFinite(string text)
    {
        Assert.True(NumberText.TryParse(text, null, out double value));
        Assert.False(double.IsFinite(value));
    }

    [Fact]
    public void ANamedCultureReadsItsOwnDecimalSeparatorAndNoGrouping()
    {
        Assert.True(NumberText.TryParse("0,5", German, out double half));
        Assert.Equal(0.5, half);
        Assert.False(NumberText.TryParse("1.000", German, out _));
        Assert.False(NumberText.TryParse("1.000,5", German, out _));
    }

    [Fact]
    public void AdviceIsOnlyForTextThatLooksLikeANumber()
    {
        Assert.Equal("", NumberText.Advice("abc", null, "-Culture"));
        Assert.Contains("'.' as the decimal separator", NumberText.Advice("0x10", null, "-Culture"));
    }

    [Fact]
    public void AdviceNamesTheCultureThatReadsTheText()
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = German;
            Assert.EndsWith("In de-DE, the culture Export-Csv writes numbers in here, it reads as 0.5: read such a file with -Culture de-DE.",
                NumberText.Advice("0,5", null, "-Culture"));
            Assert.DoesNotContain("de-DE", NumberText.Advice("0,5", null, null));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
