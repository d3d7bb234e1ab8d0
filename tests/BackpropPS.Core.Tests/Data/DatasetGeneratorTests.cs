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
    public void AGeneratedSetOfMoreThanTenMillionPointsIsRefused()
    {
        var e = Assert.Throws<BackpropException>(() => DatasetGenerator.Generate(DatasetName.Circle, int.MaxValue, 0, 1));
        Assert.Equal("InvalidCount", e.ErrorId);
        Assert.Contains("2,147,483,647", e.Message);
    }
}
