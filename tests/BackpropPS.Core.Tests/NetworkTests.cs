using static BackpropPS.Core.Tests.Errors;

namespace BackpropPS.Core.Tests;

/// <summary>A network's layers chain: each takes as many inputs as the layer before has neurons.</summary>
public class NetworkTests
{
    [Fact]
    public void LayersMustChain()
    {
        var first = new Layer(2, 3, new double[6], new double[3], Activation.ReLU);
        var second = new Layer(2, 1, new double[2], new double[1], Activation.Linear);
        Assert.Equal("LayerSizeMismatch", Fails(() => new Network(new[] { first, second })).ErrorId);
    }
}
