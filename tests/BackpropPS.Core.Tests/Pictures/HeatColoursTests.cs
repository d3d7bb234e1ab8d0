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
        // A neuron's output: the sign colours, orange (#c05621) below 0, blue (#2b6cb0) above, white at 0.
        Assert.Equal(((byte)0xC0, (byte)0x56, (byte)0x21), HeatColours.Signed(-1));
        Assert.Equal(((byte)255, (byte)255, (byte)255), HeatColours.Signed(0));
        Assert.Equal(((byte)0x2B, (byte)0x6C, (byte)0xB0), HeatColours.Signed(5));
        // Half way from white (255) to 0x2B (43) is 149.
        Assert.Equal((byte)149, HeatColours.Signed(0.5).R);
        // Class 0 is the negative colour and class 1 the positive one, as in the diagrams.
        Assert.Equal((PictureColours.Negative, PictureColours.Positive), (HeatColours.Class(0), HeatColours.Class(1)));
        Assert.Equal(0.5, HeatColours.NeuronValue(0.75, Activation.Sigmoid, 9), 12);
        Assert.Equal(-0.25, HeatColours.NeuronValue(-0.25, Activation.Tanh, 9), 12);
        Assert.Equal(0.5, HeatColours.NeuronValue(3, Activation.ReLU, 6), 12);
    }
}
