using System.IO;
using System.Linq;
using System.Xml.Linq;
using System;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using static BackpropPS.Core.Tests.Explain.BoundaryNetwork;
using static BackpropPS.Core.Tests.Pictures.PngChunks;
using static BackpropPS.Core.Tests.Pictures.SvgQuery;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>Decision boundaries drawn: a panel per frame with the map as a PNG, the animation, the neuron tiles, thinned dots, round ticks.</summary>
public class BoundarySvgTests
{
    [Fact]
    public void Svg_OnePanelPerFrame_TheMapAsAPngOfItsPixels_TopRowTheHighestY()
    {
        var network = Small();
        var grid = new BoundaryGrid(-2, 2, -2, 2, 4);
        BoundaryMap map = DecisionBoundary.Classes(network, grid);
        var frames = new[] { new BoundaryFrame(map, "first", 1), new BoundaryFrame(map, "second", 2) };
        var points = Matrix.FromRows(new[] { new[] { 0.0, 0 }, new[] { 9.0, 0 }, new[] { -2.0, 2 } });
        var settings = new BoundarySettings { Title = "a < b", XName = "u", YName = "v", Points = points, PointClasses = new[] { 1, 0, 1 } };
        XDocument svg = XDocument.Parse(BoundarySvg.ToText(frames, settings));
        XElement[] panels = WithClass(svg, "panel");
        Assert.Equal(new[] { "1", "2" }, panels.Select(p => (string)p.Attribute("data-epoch")));
        Assert.Equal("a < b", WithClass(svg, "caption").Single().Value);
        Assert.Equal(new[] { "u", "v", "u", "v" }, WithClass(svg, "axis-title").Select(t => t.Value));
        // The point at 9 is outside the range and left out; (0, 0) is the middle of the plot.
        XElement[] circles = WithClass(panels[0], "point");
        Assert.Equal(2, circles.Length);
        Assert.Equal(("160", "160", PictureColours.Positive), ((string)circles[0].Attribute("cx"), (string)circles[0].Attribute("cy"), (string)circles[0].Attribute("fill")));
        string href = (string)WithClass(panels[0], "heatmap").Single().Attribute(XLink + "href");
        Assert.StartsWith("data:image/png;base64,", href);
        byte[] raw = Inflate(Chunks(Convert.FromBase64String(href.Substring(22)))[1].Data);
        byte[] pixels = BoundarySvg.Pixels(map);
        // Image row 0 is grid row 3 (y = 2): pixel (column 1, image row 0) is grid point 3 * 4 + 1.
        int point = 13, predicted = map.Predicted(point);
        var colour = HeatColours.Mix(HeatColours.Class(predicted), HeatColours.MapStrength * HeatColours.Certainty(map.Probability(point, predicted), 2));
        Assert.Equal(new[] { colour.R, colour.G, colour.B }, pixels.Skip(3).Take(3));
        Assert.Equal(pixels.Take(12), raw.Skip(1).Take(12));
        Assert.Equal(new[] { "0", "1" }, WithClass(svg, "legend-entry").Select(e => (string)e.Attribute("data-label")));
    }

    [Fact]
    public void AnimatedSvg_OneFramePerEpoch_ShownInTurn_TheLastVisibleWithoutSmil()
    {
        var grid = new BoundaryGrid(-1, 1, -1, 1, 3);
        var frames = Enumerable.Range(1, 4).Select(k => new BoundaryFrame(DecisionBoundary.Classes(Small(), grid), $"Epoch {k}", k)).ToArray();
        XDocument svg = XDocument.Parse(BoundarySvg.ToText(frames, new BoundarySettings { FrameSeconds = 0.5 }, animate: true));
        Assert.Single(WithClass(svg, "panel"));
        XElement[] shown = WithClass(svg, "frame");
        Assert.Equal(new[] { "1", "2", "3", "4" }, shown.Select(f => (string)f.Attribute("data-epoch")));
        Assert.Equal(new[] { "hidden", "hidden", "hidden", "visible" }, shown.Select(f => (string)f.Attribute("visibility")));
        XElement[] animations = shown.Select(f => f.Element(Svg + "animate")).ToArray();
        Assert.All(animations, a => Assert.Equal("2s", (string)a.Attribute("dur")));
        Assert.Equal(new[] { "0;0.25", "0;0.25;0.5", "0;0.5;0.75", "0;0.75" }, animations.Select(a => (string)a.Attribute("keyTimes")));
        Assert.Equal("hidden;visible;hidden", (string)animations[1].Attribute("values"));
        var e = Assert.Throws<BackpropException>(() => BoundarySvg.ToText(frames, new BoundarySettings { FrameSeconds = 0 }, animate: true));
        Assert.Equal("InvalidFrameDuration", e.ErrorId);
    }

    [Fact]
    public void NeuronTiles_OnePerNeuron_IdsAreTheirNames()
    {
        Network network = NetworkFactory.Random(new[] { 2, 5, 3, 1 }, new[] { Activation.ReLU, Activation.Sigmoid, Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 4);
        NeuronMap map = DecisionBoundary.Neurons(network, new BoundaryGrid(-1, 1, -1, 1, 10), 1);
        XDocument svg = XDocument.Parse(new Func<string>(() =>
        {
            var writer = new StringWriter();
            BoundarySvg.WriteNeurons(map, new BoundarySettings(), writer);
            return writer.ToString();
        })());
        XElement[] tiles = WithClass(svg, "tile");
        Assert.Equal(new[] { "h1_1", "h1_2", "h1_3", "h1_4", "h1_5" }, tiles.Select(t => (string)t.Attribute("id")));
        Assert.All(tiles, t => Assert.Single(WithClass(t, "neuron-map")));
        var e = Assert.Throws<BackpropException>(() => BoundarySvg.WriteNeurons(map, new BoundarySettings(), new StringWriter(), new[] { 6 }));
        Assert.Equal("NeuronNotFound", e.ErrorId);
    }

    [Fact]
    public void ALargeDataSetIsThinnedEvenlyToAtMost5000Dots()
    {
        const int count = 12_000;
        var values = new double[2 * count];
        for (int k = 0; k < count; k++) { values[2 * k] = (k % 100) / 100.0; values[2 * k + 1] = (k / 100) / 120.0; }
        var settings = new BoundarySettings { Points = new Matrix(count, 2, values) };
        var frames = new[] { new BoundaryFrame(DecisionBoundary.Classes(Small(), new BoundaryGrid(0, 1, 0, 1, 2)), "") };
        XElement[] dots = WithClass(XDocument.Parse(BoundarySvg.ToText(frames, settings)), "point");
        Assert.Equal(4000, dots.Length);   // every third of 12,000
        Assert.Equal(1, BoundarySvg.PointStride(5000));
        Assert.Equal(2, BoundarySvg.PointStride(5001));
    }

    [Fact]
    public void Ticks_AreRoundNumbersInsideTheRange()
    {
        Assert.Equal(new[] { -1, -0.5, 0, 0.5, 1 }, BoundarySvg.Ticks(-1.16, 1.22));
        Assert.Equal(new[] { 4.0, 5, 6, 7, 8 }, BoundarySvg.Ticks(3.5, 8.4));
        Assert.Equal(new[] { 0, 200.0, 400, 600, 800, 1000 }, BoundarySvg.Ticks(0, 1000));
    }
}
