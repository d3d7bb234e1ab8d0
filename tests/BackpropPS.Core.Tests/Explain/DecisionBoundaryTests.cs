using System.IO.Compression;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using System;
using BackpropPS.Core.Data;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests;

/// <summary>Decision boundaries (issue 12): the grid, the maps against a plain recomputation, the colours, the PNG and the SVG.</summary>
public class DecisionBoundaryTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private static XElement[] WithClass(XContainer svg, string cssClass) =>
        svg.Descendants().Where(e => (string)e.Attribute("class") == cssClass).ToArray();

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    // The seed network by hand: h = sigmoid(W1 x + 0.35), o = sigmoid(W2 h + 0.60).
    private static double[] SeedByHand(double x1, double x2)
    {
        double h1 = Sigmoid(0.15 * x1 + 0.20 * x2 + 0.35), h2 = Sigmoid(0.25 * x1 + 0.30 * x2 + 0.35);
        return new[] { Sigmoid(0.40 * h1 + 0.45 * h2 + 0.60), Sigmoid(0.50 * h1 + 0.55 * h2 + 0.60) };
    }

    // 2-2-1: tanh hidden, sigmoid output, with known weights.
    private static Network Small(DataSchema schema = null) => new Network(new[]
    {
        new Layer(2, 2, new[] { 1.5, -2.0, 0.5, 1.0 }, new[] { 0.25, -0.5 }, Activation.Tanh),
        new Layer(2, 1, new[] { 2.0, -3.0 }, new[] { 0.1 }, Activation.Sigmoid),
    }, schema);

    private static double SmallByHand(double u, double v) =>
        Sigmoid(2.0 * Math.Tanh(1.5 * u - 2.0 * v + 0.25) - 3.0 * Math.Tanh(0.5 * u + 1.0 * v - 0.5) + 0.1);

    [Fact]
    public void GridPointsRunFromEndToEndInclusive_LowestYFirst()
    {
        var grid = new BoundaryGrid(-1, 1, 10, 20, 5);
        Assert.Equal(new[] { -1, -0.5, 0, 0.5, 1 }, Enumerable.Range(0, 5).Select(grid.X));
        Assert.Equal(new[] { 10, 12.5, 15, 17.5, 20 }, Enumerable.Range(0, 5).Select(grid.Y));
        Assert.Equal(25, grid.Count);
        Matrix points = grid.Points(6, 4);   // row 1 (y 12.5), columns 1 to 4
        Assert.Equal(new[] { -0.5, 12.5, 0, 12.5, 0.5, 12.5, 1, 12.5 }, points.ToArray());
    }

    [Fact]
    public void GridFromData_AddsTheMarginOfEachSpan_AndHalfAUnitAroundAConstantColumn()
    {
        var inputs = Matrix.FromRows(new[] { new[] { 0.0, 3 }, new[] { 2.0, 3 }, new[] { 1.0, 3 } });
        var grid = BoundaryGrid.FromData(inputs, 10, 0.1);
        Assert.Equal((-0.2, 2.2), (grid.XMin, grid.XMax));
        Assert.Equal((2.5, 3.5), (grid.YMin, grid.YMax));
        var given = BoundaryGrid.FromData(inputs, 10, 0.1, yRange: (-4, 4));
        Assert.Equal((-0.2, 2.2, -4.0, 4.0), (given.XMin, given.XMax, given.YMin, given.YMax));
        var both = BoundaryGrid.FromData(null, 3, 0.1, (0, 1), (5, 6));
        Assert.Equal(3, both.Resolution);
    }

    [Theory]
    [InlineData(1, -1, 0, 1, 10, "InvalidRange")]
    [InlineData(0, 0, 0, 1, 10, "InvalidRange")]
    [InlineData(0, 1, 0, double.NaN, 10, "InvalidRange")]
    [InlineData(0, 1, 0, double.PositiveInfinity, 10, "InvalidRange")]
    [InlineData(0, 1, 0, 1, 1, "InvalidResolution")]
    [InlineData(0, 1, 0, 1, 1001, "InvalidResolution")]
    public void BadGridsAreRefused(double x0, double x1, double y0, double y1, int resolution, string errorId)
    {
        var e = Assert.Throws<BackpropException>(() => new BoundaryGrid(x0, x1, y0, y1, resolution));
        Assert.Equal(errorId, e.ErrorId);
    }

    [Fact]
    public void GridFromData_RefusesDataOfOtherThanTwoColumns_NoDataWithoutRanges_AndANegativeMargin()
    {
        var three = new Matrix(1, 3, new[] { 1.0, 2, 3 });
        Assert.Equal("NotTwoInputColumns", Assert.Throws<BackpropException>(() => BoundaryGrid.FromData(three, 10)).ErrorId);
        Assert.Equal("MissingRange", Assert.Throws<BackpropException>(() => BoundaryGrid.FromData(null, 10, 0.1, (0, 1))).ErrorId);
        Assert.Equal("InvalidMargin", Assert.Throws<BackpropException>(() => BoundaryGrid.FromData(three, 10, -0.1)).ErrorId);
    }

    [Fact]
    public void SeedNetwork_ProbabilitiesAreItsOutputsAtEveryPoint_ComputedByHand()
    {
        var grid = new BoundaryGrid(-3, 3, -2, 4, 7);
        BoundaryMap map = DecisionBoundary.Classes(NetworkFactory.StepByStep(), grid);
        Assert.Equal(new[] { "0", "1" }, map.Labels);
        for (int point = 0; point < grid.Count; point++)
        {
            double x = -3 + point % 7, y = -2 + point / 7;
            double[] expected = SeedByHand(x, y);
            Assert.Equal(expected[0], map.Probability(point, 0), 12);
            Assert.Equal(expected[1], map.Probability(point, 1), 12);
            Assert.Equal(expected[1] > expected[0] ? 1 : 0, map.Predicted(point));
        }
    }

    [Fact]
    public void StandardizedNetwork_TheGridIsInRawUnits_AndScaledAsPredictionScalesIt()
    {
        var scaling = new InputScaling(new[] { 10.0, -5 }, new[] { 2.0, 4 });
        var network = Small(new DataSchema(new[] { "height", "weight" }, new[] { "label" }, null, scaling));
        var grid = new BoundaryGrid(6, 14, -13, 3, 9);
        BoundaryMap map = DecisionBoundary.Classes(network, grid);
        Assert.Equal(new[] { "0", "1" }, map.Labels);
        for (int point = 0; point < grid.Count; point++)
        {
            double x = 6 + point % 9, y = -13 + 2 * (point / 9);
            double p = SmallByHand((x - 10) / 2, (y + 5) / 4);
            Assert.Equal(1 - p, map.Probability(point, 0), 12);
            Assert.Equal(p, map.Probability(point, 1), 12);
            Assert.Equal(p >= 0.5 ? 1 : 0, map.Predicted(point));
        }
        // The same answer as the network's own prediction of that raw point.
        double[] predicted = Backpropagation.Forward(network, network.PrepareInputs(Matrix.FromRow(7, 1))).Output.ToArray();
        Assert.Equal(predicted[0], map.Probability(1 + 9 * 7, 1), 15);
    }

    [Fact]
    public void AClassifiersLabelsComeFromItsSchema_OneOutputForTwoLabelsGivesBoth()
    {
        var network = Small(new DataSchema(new[] { "a", "b" }, new[] { "kind" }, new[] { "cat", "dog" }));
        BoundaryMap map = DecisionBoundary.Classes(network, new BoundaryGrid(0, 1, 0, 1, 2));
        Assert.Equal(new[] { "cat", "dog" }, map.Labels);
        double p = SmallByHand(1, 1);
        Assert.Equal(p, map.Probability(3, 1), 12);
    }

    [Fact]
    public void ANetworkWithoutTwoInputsIsRefused()
    {
        Network three = NetworkFactory.Random(new[] { 3, 2 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 1);
        var e = Assert.Throws<BackpropException>(() => DecisionBoundary.Classes(three, new BoundaryGrid(0, 1, 0, 1, 2)));
        Assert.Equal("NotTwoInputs", e.ErrorId);
        Assert.Contains("3-2", e.Message);
    }

    [Fact]
    public void NeuronMaps_AreEachHiddenNeuronsOutput_NamedAsTheModuleNamesThem()
    {
        var grid = new BoundaryGrid(-1, 1, -1, 1, 5);
        NeuronMap map = DecisionBoundary.Neurons(Small(), grid, 1);
        Assert.Equal(new[] { "h1", "h2" }, map.Names);
        Assert.Equal(Activation.Tanh, map.Activation);
        for (int point = 0; point < grid.Count; point++)
        {
            double x = grid.X(point % 5), y = grid.Y(point / 5);
            Assert.Equal(Math.Tanh(1.5 * x - 2.0 * y + 0.25), map.Value(point, 0), 12);
            Assert.Equal(Math.Tanh(0.5 * x + 1.0 * y - 0.5), map.Value(point, 1), 12);
        }
        Assert.Equal(new[] { "o1" }, DecisionBoundary.Neurons(Small(), grid, 2).Names);
        Assert.Equal("LayerNotFound", Assert.Throws<BackpropException>(() => DecisionBoundary.Neurons(Small(), grid, 3)).ErrorId);
    }

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

    [Fact]
    public void PngChecksums_MatchTheirPublishedCheckValues()
    {
        // CRC-32 of "123456789" is CBF43926 (ISO 3309); Adler-32 of "Wikipedia" is 11E60398 (RFC 1950's example).
        Assert.Equal(0xCBF43926u, PngImage.Crc(0xFFFFFFFFu, Encoding.ASCII.GetBytes("123456789")) ^ 0xFFFFFFFFu);
        Assert.Equal(0x11E60398u, PngImage.Adler32(Encoding.ASCII.GetBytes("Wikipedia")));
    }

    [Fact]
    public void Png_IsAValidFileWhosePixelsInflateBackUnchanged()
    {
        const int width = 3, height = 2;
        byte[] rgb = Enumerable.Range(0, 3 * width * height).Select(k => (byte)(k * 13)).ToArray();
        byte[] png = PngImage.Encode(width, height, rgb);
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png.Take(8));
        var chunks = Chunks(png);
        Assert.Equal(new[] { "IHDR", "IDAT", "IEND" }, chunks.Select(c => c.Type));
        byte[] header = chunks[0].Data;
        Assert.Equal(width, BigEndian(header, 0));
        Assert.Equal(height, BigEndian(header, 4));
        Assert.Equal(new byte[] { 8, 2, 0, 0, 0 }, header.Skip(8));
        byte[] zlib = chunks[1].Data;
        Assert.Equal(0, ((zlib[0] << 8) | zlib[1]) % 31);   // a valid zlib header
        byte[] raw = Inflate(zlib);
        Assert.Equal((uint)BigEndian(zlib, zlib.Length - 4), PngImage.Adler32(raw));
        for (int row = 0; row < height; row++)
        {
            Assert.Equal(0, raw[row * (3 * width + 1)]);   // filter None
            Assert.Equal(rgb.Skip(row * 3 * width).Take(3 * width), raw.Skip(row * (3 * width + 1) + 1).Take(3 * width));
        }
    }

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
        Assert.Equal(("160", "160", "#0877BD"), ((string)circles[0].Attribute("cx"), (string)circles[0].Attribute("cy"), (string)circles[0].Attribute("fill")));
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

    private static (string Type, byte[] Data)[] Chunks(byte[] png)
    {
        var chunks = new System.Collections.Generic.List<(string, byte[])>();
        for (int at = 8; at < png.Length;)
        {
            int length = BigEndian(png, at);
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            byte[] data = png.Skip(at + 8).Take(length).ToArray();
            uint crc = PngImage.Crc(0xFFFFFFFFu, png.Skip(at + 4).Take(4 + length).ToArray()) ^ 0xFFFFFFFFu;
            Assert.Equal(crc, (uint)BigEndian(png, at + 8 + length));
            chunks.Add((type, data));
            at += 12 + length;
        }
        return chunks.ToArray();
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var deflated = new MemoryStream(zlib, 2, zlib.Length - 6);
        using var inflate = new DeflateStream(deflated, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        return raw.ToArray();
    }

    private static int BigEndian(byte[] data, int at) => (data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3];
}
