using System.Linq;
using BackpropPS.Core.Data;

namespace BackpropPS.Core.Tests.Data;

/// <summary>The generated two-dimensional sets: balanced, seeded and bounded, and of a size that can be held.</summary>
public class DatasetGeneratorTests
{
    [Theory]
    [InlineData(DatasetName.Circle)]
    [InlineData(DatasetName.Spiral)]
    [InlineData(DatasetName.Gauss)]
    [InlineData(DatasetName.Moons)]
    public void GeneratedSetsAreBalancedSeededAndBounded(DatasetName name)
    {
        var a = DatasetGenerator.Generate(name, 101, 0, 4);
        var b = DatasetGenerator.Generate(name, 101, 0, 4);
        Assert.Equal(a.Inputs.ToArray(), b.Inputs.ToArray());
        Assert.Equal(51, a.Targets.Count(t => t == 0));
        Assert.All(a.Inputs, v => Assert.InRange(v, -1.6, 1.6));
    }

    [Fact]
    public void AGeneratedSetOfMoreThanTenMillionPointsIsRefusedNamingTheCap()
    {
        Assert.Equal(2, DatasetGenerator.Generate(DatasetName.Circle, 2, 0, 1).Count);
        foreach (int count in new[] { DatasetGenerator.MaxCount + 1, int.MaxValue })
        {
            var e = Assert.Throws<BackpropException>(() => DatasetGenerator.Generate(DatasetName.Circle, count, 0, 1));
            Assert.Equal("CountTooLarge", e.ErrorId);
            Assert.Equal(BackpropErrorKind.LimitsExceeded, e.Kind);
            Assert.Contains("at most 10,000,000 points, the cap", e.Message);
            Assert.Contains(Wording.Number(count), e.Message);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(int.MinValue)]
    public void FewerThanTwoPointsAreRefused(int count)
    {
        var e = Assert.Throws<BackpropException>(() => DatasetGenerator.Generate(DatasetName.Moons, count, 0, 1));
        Assert.Equal("InvalidCount", e.ErrorId);
        Assert.Equal(BackpropErrorKind.InvalidArgument, e.Kind);
    }

    [Theory]
    [InlineData(10.000000000000002)]
    [InlineData(1e308)]
    [InlineData(double.MaxValue)]
    public void NoiseAboveTheCapIsRefusedNamingIt(double noise)
    {
        var e = Assert.Throws<BackpropException>(() => DatasetGenerator.Generate(DatasetName.Moons, 10, noise, 1));
        Assert.Equal("NoiseTooLarge", e.ErrorId);
        Assert.Equal(BackpropErrorKind.LimitsExceeded, e.Kind);
        Assert.Contains("at most 10, the cap", e.Message);
    }

    [Theory]
    [InlineData(-0.5, "-0.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void NegativeOrNonFiniteNoiseIsRefusedInTheInvariantCulture(double noise, string text)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var e = Assert.Throws<BackpropException>(() => DatasetGenerator.Generate(DatasetName.Spiral, 10, noise, 1));
            Assert.Equal("InvalidNoise", e.ErrorId);
            Assert.EndsWith($"got {text}.", e.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(DatasetName.Circle)]
    [InlineData(DatasetName.Spiral)]
    [InlineData(DatasetName.Gauss)]
    [InlineData(DatasetName.Moons)]
    public void TheLargestNoiseGivesFinitePoints(DatasetName name)
    {
        var data = DatasetGenerator.Generate(name, 10_000, DatasetGenerator.MaxNoise, 1);
        Assert.True(data.Inputs.IsFinite());
    }
}
