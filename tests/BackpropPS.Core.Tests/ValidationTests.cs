using System.Linq;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;
using BackpropPS.Core;

namespace BackpropPS.Core.Tests;

/// <summary>Bad input is a BackpropException with a stable ErrorId and a message naming what was expected.</summary>
public class ValidationTests
{
    private static readonly Network Seed = NetworkFactory.StepByStep();

    private static BackpropException Fails(System.Action action) => Assert.Throws<BackpropException>(action);

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

    [Fact]
    public void CrossEntropyNeedsASoftmaxOutput()
    {
        var forward = Backpropagation.Forward(Seed, Matrix.FromRow(0.05, 0.10));
        var e = Fails(() => Backpropagation.Backward(forward, Matrix.FromRow(0, 1), LossFunction.CrossEntropy));
        Assert.Equal("LossActivationMismatch", e.ErrorId);
        Assert.Contains("Softmax", e.Message);
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

    [Fact]
    public void LayersMustChain()
    {
        var first = new Layer(2, 3, new double[6], new double[3], Activation.ReLU);
        var second = new Layer(2, 1, new double[2], new double[1], Activation.Linear);
        Assert.Equal("LayerSizeMismatch", Fails(() => new Network(new[] { first, second })).ErrorId);
    }

    [Fact]
    public void ALayerNeedsTheRightNumberOfWeightsAndBiases()
    {
        Assert.Equal("WeightShapeMismatch", Fails(() => new Layer(2, 2, new double[3], new double[2], Activation.ReLU)).ErrorId);
        Assert.Equal("BiasShapeMismatch", Fails(() => new Layer(2, 2, new double[4], new double[2], Activation.ReLU, BiasMode.Shared)).ErrorId);
        Assert.Equal("NonFiniteParameter", Fails(() => new Layer(1, 1, new[] { double.NaN }, new double[1], Activation.ReLU)).ErrorId);
    }

    [Fact]
    public void RandomNetworksNeedSensibleSizes()
    {
        Assert.Equal("InvalidLayerSize", Fails(() => NetworkFactory.Random(new[] { 2 }, new[] { Activation.ReLU }, BiasMode.None, Initialization.Auto, 1)).ErrorId);
        Assert.Equal("InvalidLayerSize", Fails(() => NetworkFactory.Random(new[] { 2, 0 }, new[] { Activation.ReLU }, BiasMode.None, Initialization.Auto, 1)).ErrorId);
        Assert.Equal("ActivationCountMismatch", Fails(() => NetworkFactory.Random(new[] { 2, 3, 1 }, new[] { Activation.ReLU, Activation.ReLU, Activation.ReLU }, BiasMode.None, Initialization.Auto, 1)).ErrorId);
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

#if !CORE_NETSTANDARD
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
#endif

    [Fact]
    public void AGeneratedSetOfMoreThanTenMillionPointsIsRefused()
    {
        var e = Assert.Throws<BackpropException>(() => DatasetGenerator.Generate(DatasetName.Circle, int.MaxValue, 0, 1));
        Assert.Equal("InvalidCount", e.ErrorId);
        Assert.Contains("2,147,483,647", e.Message);
    }
}
