using BackpropPS.Core.Pictures;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>The colours of the maps: white on the boundary, the class colour where the network is sure.</summary>
public class HeatColoursTests
{
    [Fact]
    public void Colours_WhiteOnTheBoundary_TheClassColourWhereSure()
    {
        Assert.Equal(0, HeatColours.Certainty(0.5, 2));
        Assert.Equal(0.5, HeatColours.Certainty(0.75, 2), 12);
        Assert.Equal(1, HeatColours.Certainty(1, 2));
        Assert.Equal(0, HeatColours.Certainty(1.0 / 3, 3), 12);
        Assert.Equal(1, HeatColours.Certainty(1.7, 2));   // outputs that are no probabilities are clamped
        Assert.Equal(((byte)255, (byte)255, (byte)255), HeatColours.Mix("#0877BD", 0));
        Assert.Equal(((byte)0x08, (byte)0x77, (byte)0xBD), HeatColours.Mix("#0877BD", 1));
        Assert.Equal(((byte)0xF5, (byte)0x93, (byte)0x22), HeatColours.Signed(-1));
        Assert.Equal(((byte)255, (byte)255, (byte)255), HeatColours.Signed(0));
        Assert.Equal(((byte)0x08, (byte)0x77, (byte)0xBD), HeatColours.Signed(5));
        // Half way from white (255) to 0x08 (8) rounds to 132.
        Assert.Equal((byte)132, HeatColours.Signed(0.5).R);
        Assert.Equal(0.5, HeatColours.NeuronValue(0.75, Activation.Sigmoid, 9), 12);
        Assert.Equal(-0.25, HeatColours.NeuronValue(-0.25, Activation.Tanh, 9), 12);
        Assert.Equal(0.5, HeatColours.NeuronValue(3, Activation.ReLU, 6), 12);
    }
}
