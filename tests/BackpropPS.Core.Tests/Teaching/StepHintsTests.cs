using static BackpropPS.Core.Tests.Teaching.SeedExercise;

namespace BackpropPS.Core.Tests.Teaching;

/// <summary>The formula of each quantity, in the worksheet's names.</summary>
public class StepHintsTests
{
    [Fact]
    public void TheHintsNameTheFormulas()
    {
        Assert.Equal("z_h1 = w1_11*x1 + w1_21*x2 + b1", Seed.Find("z_h1").Hint);
        Assert.Equal("delta_o1 = (a_o1 - y1) * a_o1(1 - a_o1)", Seed.Find("delta_o1").Hint);
        Assert.Equal("delta_h1 = (w2_11*delta_o1 + w2_12*delta_o2) * a_h1(1 - a_h1)", Seed.Find("delta_h1").Hint);
        Assert.Equal("dE/db1 = delta_h1 + delta_h2", Seed.Find("dE/db1").Hint);
        Assert.Equal("w2_11 = old w2_11 - 0.5 * dE/dw2_11", Seed.Find("w2_11").Hint);
    }
}
