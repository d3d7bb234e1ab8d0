using System.Linq;
using System.Xml.Linq;
using BackpropPS.Core.Pictures;
using static BackpropPS.Core.Tests.Pictures.PictureFixtures;
using static BackpropPS.Core.Tests.Pictures.SvgQuery;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>Weight tiles: one pixel per input weight of each neuron, parsed as XML and counted.</summary>
public class WeightImagesTests
{
    [Fact]
    public void WeightTilesHaveOnePixelPerInputAndTheNeuronsNames()
    {
        var svg = XDocument.Parse(SvgImages.ToText(WeightImages.Of(TinyNetwork())));
        Assert.Equal(Svg + "svg", svg.Root.Name);
        var tiles = WithClass(svg, "tile");
        Assert.Equal(new[] { "h1", "h2", "h3" }, tiles.Select(t => (string)t.Attribute("id")));
        Assert.All(tiles, t => Assert.Equal(4, Pixels(t).Length));
        Assert.Equal(new[] { "h1", "h2", "h3" }, tiles.Select(t => WithClass(t, "label").Single().Value));
        // Symmetric around 0 by each tile's own largest |weight|, in the sign colours: +1 full blue, -1 full orange,
        // 0 white, 0.5 halfway from white to blue.
        string half = PictureColours.Hex(PictureColours.Mix(PictureColours.Positive, 0.5));
        Assert.Equal(new[] { PictureColours.Positive, PictureColours.Negative, "#ffffff", half }, Pixels(tiles[0]).Select(r => (string)r.Attribute("fill")));
        Assert.All(Pixels(tiles[1]), r => Assert.Equal(PictureColours.Positive, (string)r.Attribute("fill")));
        Assert.All(Pixels(tiles[2]), r => Assert.Equal("#ffffff", (string)r.Attribute("fill")));
        Assert.Equal(new[] { ("0", "0"), ("1", "0"), ("0", "1"), ("1", "1") },
            Pixels(tiles[0]).Select(r => ((string)r.Attribute("x"), (string)r.Attribute("y"))));
        Assert.StartsWith("h1: weights from -1 to 1", tiles[0].Element(Svg + "title").Value);
    }

    [Fact]
    public void ADigitsLayerIsEightByEightAndAFashionLayerTwentyEightSquare()
    {
        var digits = NetworkFactory.Random(new[] { 64, 10, 10 }, new[] { Activation.ReLU, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Xavier, 1);
        var grid = WeightImages.Of(digits);
        Assert.Equal((8, 8, 10, 4), (grid.Tiles[0].Width, grid.Tiles[0].Height, grid.Tiles.Count, grid.Columns));
        var fashion = NetworkFactory.Random(new[] { 784, 6, 10 }, new[] { Activation.ReLU, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Xavier, 1);
        var svg = XDocument.Parse(SvgImages.ToText(WeightImages.Of(fashion, columns: 2)));
        Assert.Equal(6, WithClass(svg, "tile").Length);
        Assert.All(WithClass(svg, "tile"), t => Assert.Equal(784, Pixels(t).Length));
        Assert.Equal(new[] { "o1", "o2" }, WithClass(XDocument.Parse(SvgImages.ToText(WeightImages.Of(digits, 2, imageWidth: 5, neurons: new[] { 1, 2 }))), "tile")
            .Select(t => (string)t.Attribute("id")));
    }

    [Fact]
    public void ALayerThatIsNotAnImageOrHasTooManyNeuronsIsRefused()
    {
        var net = TinyNetwork();
        Assert.Equal("NotAnImage", Assert.Throws<BackpropException>(() => WeightImages.Of(net, 2)).ErrorId);
        Assert.Equal((3, 1), (WeightImages.Of(net, 2, imageWidth: 3).Tiles[0].Width, WeightImages.Of(net, 2, imageWidth: 3).Tiles[0].Height));
        Assert.Equal("NotAnImage", Assert.Throws<BackpropException>(() => WeightImages.Of(net, 1, imageWidth: 3)).ErrorId);
        Assert.Equal(4, WeightImages.Of(net, 1, imageWidth: 4).Tiles[0].Width);
        Assert.Equal("LayerNotFound", Assert.Throws<BackpropException>(() => WeightImages.Of(net, 3)).ErrorId);
        Assert.Equal("NeuronNotFound", Assert.Throws<BackpropException>(() => WeightImages.Of(net, 1, neurons: new[] { 4 })).ErrorId);
        var wide = new Network(new[] { new Layer(4, 401, new double[1604], new double[401], Activation.Linear) });
        var e = Assert.Throws<BackpropException>(() => WeightImages.Of(wide));
        Assert.Equal("TooManyImages", e.ErrorId);
        Assert.Contains("at most 400", e.Message);
        Assert.Equal(400, WeightImages.Of(wide, neurons: Enumerable.Range(1, 400).ToArray()).Tiles.Count);
    }
}
