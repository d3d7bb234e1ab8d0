using static BackpropPS.Core.Tests.Errors;

namespace BackpropPS.Core.Tests;

/// <summary>A layer keeps copies of the arrays it is given, and refuses weights and biases of the wrong shape.</summary>
public class LayerTests
{
    [Fact]
    public void ALayerKeepsACopyOfTheArraysItWasGiven()
    {
        var weights = new[] { 1.0, 2.0 };
        var biases = new[] { 3.0 };
        var layer = new Layer(2, 1, weights, biases, Activation.Linear);
        weights[0] = 99;
        biases[0] = 99;
        layer.Weights.ToArray()[1] = 99;
        Assert.Equal(new[] { 1.0, 2.0 }, layer.Weights.ToArray());
        Assert.Equal(3.0, layer.Biases[0]);
    }

    [Fact]
    public void ALayerNeedsTheRightNumberOfWeightsAndBiases()
    {
        Assert.Equal("WeightShapeMismatch", Fails(() => new Layer(2, 2, new double[3], new double[2], Activation.ReLU)).ErrorId);
        Assert.Equal("BiasShapeMismatch", Fails(() => new Layer(2, 2, new double[4], new double[2], Activation.ReLU, BiasMode.Shared)).ErrorId);
        Assert.Equal("NonFiniteParameter", Fails(() => new Layer(1, 1, new[] { double.NaN }, new double[1], Activation.ReLU)).ErrorId);
    }
}
