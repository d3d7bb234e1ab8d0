using static BackpropPS.Core.Tests.Errors;

namespace BackpropPS.Core.Tests;

/// <summary>Random networks: the same seed gives the same bits, initial weights stay within their limit, sizes must make sense.</summary>
public class NetworkFactoryTests
{
    [Fact]
    public void TheSameSeedGivesTheSameBits()
    {
        var a = NetworkFactory.Random(new[] { 4, 8, 3 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 7);
        var b = NetworkFactory.Random(new[] { 4, 8, 3 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 7);
        var c = NetworkFactory.Random(new[] { 4, 8, 3 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 8);
        Assert.Equal(NetworkJson.Serialize(a), NetworkJson.Serialize(b));
        Assert.NotEqual(NetworkJson.Serialize(a), NetworkJson.Serialize(c));
    }

    [Fact]
    public void InitialWeightsStayWithinTheXavierLimit()
    {
        var network = NetworkFactory.Random(new[] { 10, 20 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Xavier, 1);
        double limit = System.Math.Sqrt(6.0 / 30);
        Assert.All(network.Layers[0].Weights, w => Assert.InRange(w, -limit, limit));
        Assert.All(network.Layers[0].Biases, b => Assert.Equal(0.0, b));
    }

    [Fact]
    public void RandomNetworksNeedSensibleSizes()
    {
        Assert.Equal("InvalidLayerSize", Fails(() => NetworkFactory.Random(new[] { 2 }, new[] { Activation.ReLU }, BiasMode.None, Initialization.Auto, 1)).ErrorId);
        Assert.Equal("InvalidLayerSize", Fails(() => NetworkFactory.Random(new[] { 2, 0 }, new[] { Activation.ReLU }, BiasMode.None, Initialization.Auto, 1)).ErrorId);
        Assert.Equal("ActivationCountMismatch", Fails(() => NetworkFactory.Random(new[] { 2, 3, 1 }, new[] { Activation.ReLU, Activation.ReLU, Activation.ReLU }, BiasMode.None, Initialization.Auto, 1)).ErrorId);
    }
}
