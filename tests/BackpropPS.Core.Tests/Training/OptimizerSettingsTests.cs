using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>An optimizer's settings are checked when it is created.</summary>
public class OptimizerSettingsTests
{
    [Theory]
    [InlineData(OptimizerKind.Momentum, "InvalidMomentum")]
    [InlineData(OptimizerKind.Adam, "InvalidBeta1")]
    public void OutOfRangeSettingsAreRejected(OptimizerKind kind, string errorId)
    {
        var settings = new OptimizerSettings { Kind = kind, Momentum = kind == OptimizerKind.Momentum ? 1.0 : 0.9, Beta1 = kind == OptimizerKind.Adam ? -0.1 : 0.9 };
        Assert.Equal(errorId, Assert.Throws<BackpropException>(() => settings.Create()).ErrorId);
        Assert.Equal("InvalidLearningRate", Assert.Throws<BackpropException>(() => new OptimizerSettings { LearningRate = 0 }.Create()).ErrorId);
    }
}
