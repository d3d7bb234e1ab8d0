using static BackpropPS.Core.Tests.Errors;

namespace BackpropPS.Core.Tests;

/// <summary>Which loss fits which output layer, and the loss a command uses when none is given.</summary>
public class LossesTests
{
    private static readonly Network Seed = NetworkFactory.StepByStep();

    [Fact]
    public void CrossEntropyNeedsASoftmaxOutput()
    {
        var forward = Backpropagation.Forward(Seed, Matrix.FromRow(0.05, 0.10));
        var e = Fails(() => Backpropagation.Backward(forward, Matrix.FromRow(0, 1), LossFunction.CrossEntropy));
        Assert.Equal("LossActivationMismatch", e.ErrorId);
        Assert.Contains("Softmax", e.Message);
    }

    [Fact]
    public void TheDefaultLossIsCrossEntropyForSoftmaxAndTheSeedsOtherwise()
    {
        Assert.Equal(LossFunction.HalfSquaredError, Losses.DefaultFor(NetworkFactory.StepByStep()));
        Network softmax = NetworkFactory.Random(new[] { 2, 3 }, new[] { Activation.Softmax }, BiasMode.PerNeuron, Initialization.Xavier, 1);
        Assert.Equal(LossFunction.CrossEntropy, Losses.DefaultFor(softmax));
    }
}
