using System.Linq;
using static BackpropPS.Core.Tests.Teaching.SeedExercise;

namespace BackpropPS.Core.Tests.Teaching;

/// <summary>The quantities a student computes, in the order they are computed, and their right values: the seed's.</summary>
public class StepQuantitiesTests
{
    [Fact]
    public void TheSeedExerciseAsksEveryQuantityOfTheStepInTheOrderAStudentComputesThem()
    {
        string[] names = Seed.Quantities.Select(q => q.Name).ToArray();
        Assert.Equal(new[] { "z_h1", "z_h2", "a_h1", "a_h2", "z_o1", "z_o2", "a_o1", "a_o2",
            "delta_o1", "delta_o2", "dE/dw2_11", "dE/dw2_12", "dE/dw2_21", "dE/dw2_22", "dE/db2",
            "delta_h1", "delta_h2", "dE/dw1_11", "dE/dw1_12", "dE/dw1_21", "dE/dw1_22", "dE/db1",
            "w1_11", "w1_12", "w1_21", "w1_22", "b1", "w2_11", "w2_12", "w2_21", "w2_22", "b2" }, names);
    }

    [Theory]
    [InlineData("a_o1", AO1)]
    [InlineData("a_o2", 0.772928465321)]
    [InlineData("delta_o1", DeltaO1)]
    [InlineData("delta_o2", DeltaO2)]
    [InlineData("delta_h1", DeltaH1)]
    [InlineData("delta_h2", 0.009954254705)]
    [InlineData("w1_11", 0.149780716133)]
    [InlineData("w1_21", 0.199561432266)]
    [InlineData("b1", 0.340637195303)]
    [InlineData("w2_12", 0.511301270239)]
    [InlineData("b2", 0.549799837444)]
    [InlineData("dE/db2", (0.60 - 0.549799837444) / 0.5)]
    [InlineData("dE/dw1_21", (0.20 - 0.199561432266) / 0.5)]
    public void TheRightValuesAreTheSeeds(string name, double value) => Assert.Equal(value, Expected(name), Tolerance);
}
