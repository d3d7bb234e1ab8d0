namespace BackpropPS.Core.Tests;

/// <summary>A step returns a new network and leaves the old one as it was, as the seed's update_params does.</summary>
public class GradientDescentTests
{
    [Fact]
    public void AnUpdateLeavesTheOldNetworkUnchanged()
    {
        var network = NetworkFactory.StepByStep();
        var before = NetworkJson.Serialize(network);
        var gradient = Backpropagation.Backward(Backpropagation.Forward(network, Matrix.FromRow(0.05, 0.10)), Matrix.FromRow(0.01, 0.99));
        var next = GradientDescent.Step(gradient, 0.5);
        Assert.Equal(before, NetworkJson.Serialize(network));
        Assert.NotEqual(before, NetworkJson.Serialize(next));
    }
}
