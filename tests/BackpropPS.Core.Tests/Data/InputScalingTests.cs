using System.Linq;
using BackpropPS.Core.Data;

namespace BackpropPS.Core.Tests.Data;

/// <summary>Standardising the inputs: every column to mean 0 and variance 1.</summary>
public class InputScalingTests
{
    [Fact]
    public void StandardisedColumnsHaveMeanZeroAndVarianceOne()
    {
        var data = DatasetGenerator.Generate(DatasetName.Moons, 40, 0.1, 2);
        var scaled = InputScaling.Fit(data.Inputs).Apply(data.Inputs);
        for (int c = 0; c < 2; c++)
        {
            var column = Enumerable.Range(0, 40).Select(r => scaled[r, c]).ToArray();
            Assert.Equal(0.0, column.Average(), 12);
            Assert.Equal(1.0, column.Select(v => v * v).Average(), 12);
        }
    }
}
