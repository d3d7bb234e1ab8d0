using System.Linq;
using static BackpropPS.Core.Tests.Errors;

namespace BackpropPS.Core.Tests;

/// <summary>
/// The checks the passes share (Validation): a batch of the wrong width or with values that are not finite, a
/// learning rate that is not a positive number, a network too large to allocate. Each is a BackpropException with
/// a stable ErrorId and a message naming what was expected.
/// </summary>
public class ValidationTests
{
    private static readonly Network Seed = NetworkFactory.StepByStep();

    [Fact]
    public void AnInputOfTheWrongLengthIsRejected()
    {
        var e = Fails(() => Backpropagation.Forward(Seed, Matrix.FromRow(1, 2, 3)));
        Assert.Equal("InputSizeMismatch", e.ErrorId);
        Assert.Contains("Expected 2 input values", e.Message);
        Assert.Contains("got 3", e.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ANonFiniteInputIsRejected(double bad) =>
        Assert.Equal("NonFiniteInput", Fails(() => Backpropagation.Forward(Seed, Matrix.FromRow(bad, 0))).ErrorId);

    [Fact]
    public void TargetsMustMatchTheOutputAndTheBatch()
    {
        var forward = Backpropagation.Forward(Seed, Matrix.FromRow(0.05, 0.10));
        Assert.Equal("TargetSizeMismatch", Fails(() => Backpropagation.Backward(forward, Matrix.FromRow(1))).ErrorId);
        Assert.Equal("NonFiniteTarget", Fails(() => Backpropagation.Backward(forward, Matrix.FromRow(double.NaN, 1))).ErrorId);
        Assert.Equal("BatchSizeMismatch", Fails(() => Backpropagation.Backward(forward, new Matrix(2, 2, new[] { 0.0, 1, 1, 0 }))).ErrorId);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TheLearningRateMustBePositiveAndFinite(double rate)
    {
        var gradient = Backpropagation.Backward(Backpropagation.Forward(Seed, Matrix.FromRow(0.05, 0.10)), Matrix.FromRow(0.01, 0.99));
        Assert.Equal("InvalidLearningRate", Fails(() => GradientDescent.Step(gradient, rate)).ErrorId);
    }

    [Theory]
    [InlineData(65536, 65536)]
    [InlineData(46341, 46341)]
    public void ALayerTooLargeForOneArrayIsRefusedBeforeAnythingIsAllocated(int inputs, int neurons)
    {
        var e = Assert.Throws<BackpropException>(() => NetworkFactory.Random(new[] { inputs, neurons }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 1));
        Assert.Equal("NetworkTooLarge", e.ErrorId);
        Assert.Equal(BackpropErrorKind.LimitsExceeded, e.Kind);
        Assert.Contains("more than one array can hold", e.Message);
    }

    [Fact]
    public void ANetworkTooLargeForMemoryIsRefusedWithTheSizeItWouldNeed()
    {
        // Each layer fits in an array; all of them together do not fit in the memory this process may use.
        long available = System.GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        int width = 40000, layers = (int)(available / (8L * width * width)) + 2;
        var sizes = Enumerable.Repeat(width, layers + 1).ToArray();
        var e = Assert.Throws<BackpropException>(() => NetworkFactory.Random(sizes, new[] { Activation.ReLU }, BiasMode.PerNeuron, Initialization.Auto, 1));
        Assert.Equal("NetworkTooLarge", e.ErrorId);
        Assert.Contains("GB of memory", e.Message);
    }
}
