using System;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>The range test's schedule: from the lowest rate to the highest, one ratio per step.</summary>
public class LearningRateRangeTests
{
    [Theory]
    [InlineData(1e-6, 10, 300)]
    [InlineData(1e-7, 3.7, 97)]
    [InlineData(0.1, 0.3, 2)]
    public void TheScheduleStartsAndEndsExactlyAtTheRangeAndGrowsByOneRatio(double min, double max, int steps)
    {
        var range = new LearningRateRange { MinLearningRate = min, MaxLearningRate = max, Steps = steps };
        Assert.Equal(min, range.RateAt(1));
        Assert.Equal(max, range.RateAt(steps));
        // Every step multiplies by the same ratio, (max / min)^(1 / (steps - 1)).
        double ratio = Math.Exp(Math.Log(max / min) / (steps - 1));
        for (int s = 2; s <= steps; s++) Assert.Equal(ratio, range.RateAt(s) / range.RateAt(s - 1), 1e-12);
    }

    [Fact]
    public void MoreStepsThanATestTakesAreRefused()
    {
        Assert.Equal("TooManySteps", Assert.Throws<BackpropException>(() => new LearningRateRange { Steps = LearningRateRange.MaxSteps + 1 }.Validate()).ErrorId);
        new LearningRateRange { Steps = LearningRateRange.MaxSteps }.Validate();
    }
}
