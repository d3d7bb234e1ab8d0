using BackpropPS.Core.Explain;

namespace BackpropPS.Core.Tests.Explain;

/// <summary>A training step as one object: it keeps the network before unchanged, and a bad learning rate fails before any work.</summary>
public class TrainingStepTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void TheStepKeepsTheNetworkBeforeUnchanged()
    {
        var network = NetworkFactory.StepByStep();
        var step = TrainingStep.Take(network, Matrix.FromRow(0.05, 0.10), Matrix.FromRow(0.01, 0.99), LossFunction.HalfSquaredError, 0.5);
        Assert.Same(network, step.Before);
        Assert.Equal(0.15, network.Layers[0].Weights[0]);
        Assert.Equal(0.149780716133, step.After.Layers[0].Weights[0], Tolerance);
    }

    [Fact]
    public void ABadLearningRateFailsBeforeAnyWork()
    {
        var e = Assert.Throws<BackpropException>(() => TrainingStep.Take(NetworkFactory.StepByStep(),
            Matrix.FromRow(0.05, 0.10), Matrix.FromRow(0.01, 0.99), LossFunction.HalfSquaredError, 0));
        Assert.Equal("InvalidLearningRate", e.ErrorId);
    }
}
