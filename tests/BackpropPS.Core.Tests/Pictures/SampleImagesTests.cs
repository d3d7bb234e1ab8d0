using System.Globalization;
using System.Linq;
using System.Threading;
using System.Xml.Linq;
using System;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests;

/// <summary>The pictures of issue 9: weight tiles, sample grids and the confusion heat map, parsed as XML and counted.</summary>
public class PictureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement[] WithClass(XContainer svg, string cssClass) =>
        svg.Descendants().Where(e => (string)e.Attribute("class") == cssClass).ToArray();

    private static XElement[] Pixels(XElement tile) => WithClass(tile, "pixels").Single().Elements(Svg + "rect").ToArray();

    // 4 inputs (a 2 x 2 image) into 3 neurons with known weights, then 2 outputs.
    private static Network TinyNetwork() => new Network(new[]
    {
        new Layer(4, 3, new[] { 1.0, -1, 0, 0.5, 2, 2, 2, 2, 0, 0, 0, 0 }, new[] { 0.0, 0, 0 }, Activation.Linear),
        new Layer(3, 2, Enumerable.Repeat(0.1, 6).ToArray(), new[] { 0.0, 0 }, Activation.Sigmoid),
    });

    // Three 2 x 2 images: the class is the brightest pixel's column pair (0: left, 1: right); pixels in [0, 1].
    private static Dataset TinyImages() => new Dataset(
        Matrix.FromRows(new[] { new[] { 1.0, 0, 1, 0 }, new[] { 0.0, 1, 0, 1 }, new[] { 0.0, 0.5, 0, 0 } }),
        Matrix.FromRows(new[] { new[] { 1.0, 0 }, new[] { 0.0, 1 }, new[] { 0.0, 1 } }),
        new DataSchema(new[] { "p0", "p1", "p2", "p3" }, new[] { "side" }, new[] { "left", "right" }));

    // Compares pixel 0 (output left) with pixel 3 (output right): right for samples 0 and 1, wrong (a tie, so left) for sample 2.
    private static Network Picker() => new Network(new[]
    {
        new Layer(4, 2, new[] { 1.0, 0, 0, 0, 0, 0, 0, 1 }, new[] { 0.0, 0 }, Activation.Linear),
    });

    [Fact]
    public void WeightTilesHaveOnePixelPerInputAndTheNeuronsNames()
    {
        var svg = XDocument.Parse(SvgImages.ToText(WeightImages.Of(TinyNetwork())));
        Assert.Equal(Svg + "svg", svg.Root.Name);
        var tiles = WithClass(svg, "tile");
        Assert.Equal(new[] { "h1", "h2", "h3" }, tiles.Select(t => (string)t.Attribute("id")));
        Assert.All(tiles, t => Assert.Equal(4, Pixels(t).Length));
        Assert.Equal(new[] { "h1", "h2", "h3" }, tiles.Select(t => WithClass(t, "label").Single().Value));
        // Symmetric around 0 by each tile's own largest |weight|: +1 white, -1 black, 0 mid-grey, 0.5 in between.
        Assert.Equal(new[] { "#ffffff", "#000000", "#808080", "#bfbfbf" }, Pixels(tiles[0]).Select(r => (string)r.Attribute("fill")));
        Assert.All(Pixels(tiles[1]), r => Assert.Equal("#ffffff", (string)r.Attribute("fill")));
        Assert.All(Pixels(tiles[2]), r => Assert.Equal("#808080", (string)r.Attribute("fill")));
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

    [Fact]
    public void SamplesAreInkOnWhiteWithTheirLabels()
    {
        var svg = XDocument.Parse(SvgImages.ToText(SampleImages.Of(TinyImages(), new[] { 2, 0 })));
        var tiles = WithClass(svg, "tile");
        Assert.Equal(new[] { "2", "0" }, tiles.Select(t => (string)t.Attribute("data-index")));
        Assert.Equal(new[] { "right", "left" }, tiles.Select(t => WithClass(t, "label").Single().Value));
        Assert.Equal(new[] { "#ffffff", "#808080", "#ffffff", "#ffffff" }, Pixels(tiles[0]).Select(r => (string)r.Attribute("fill")));
        Assert.Equal(new[] { "#000000", "#ffffff", "#000000", "#ffffff" }, Pixels(tiles[1]).Select(r => (string)r.Attribute("fill")));
        Assert.Null(tiles[0].Attribute("data-correct"));
    }

    [Fact]
    public void DigitsPixelsFromZeroToSixteenAreScaledByTheLargest()
    {
        var data = new Dataset(Matrix.FromRows(new[] { new[] { 0.0, 8, 16, 4 } }), Matrix.FromRows(new[] { new[] { 1.0, 0 } }));
        var grid = SampleImages.Of(data, new[] { 0 });
        Assert.Equal(new[] { 1, 0.5, 0, 0.75 }, grid.Tiles[0].Brightness);
        Assert.Equal("0", grid.Tiles[0].Caption);   // no schema: one-hot columns are numbered
        Assert.Equal("Pixels from 0 (white) to 16 (black)", grid.Legend);
        var regression = new Dataset(Matrix.FromRows(new[] { new[] { 0.0, 1, 0, 1 } }), Matrix.FromRows(new[] { new[] { 0.25, 3 } }));
        Assert.Equal("#0", SampleImages.Of(regression, new[] { 0 }).Tiles[0].Caption);
    }

    [Fact]
    public void MisclassifiedSamplesShowTrueAndPredictedLabels()
    {
        var settings = new SampleImageSettings { Network = Picker(), MisclassifiedOnly = true };
        var svg = XDocument.Parse(SvgImages.ToText(SampleImages.Of(TinyImages(), new[] { 0, 1, 2 }, settings)));
        var tile = Assert.Single(WithClass(svg, "tile"));
        Assert.Equal(("2", "false"), ((string)tile.Attribute("data-index"), (string)tile.Attribute("data-correct")));
        Assert.Equal("right \u2192 left", WithClass(tile, "label").Single().Value);
        Assert.Contains("1 misclassified of the 3 samples searched", WithClass(svg, "caption").Single().Value);

        var all = SampleImages.Of(TinyImages(), new[] { 0, 1, 2 }, new SampleImageSettings { Network = Picker() });
        Assert.Equal(new bool?[] { true, true, false }, all.Tiles.Select(t => t.Correct));
        Assert.Equal("left \u2192 left", all.Tiles[0].Caption);
        var first = SampleImages.Of(TinyImages(), new[] { 0, 1, 2 }, new SampleImageSettings { Network = Picker(), Count = 2 });
        Assert.Equal(2, first.Tiles.Count);
    }

    [Fact]
    public void PredictionsNeedAFittingClassifier()
    {
        var right = new SampleImageSettings { Network = Picker(), MisclassifiedOnly = true };
        Assert.Equal("NoMisclassifiedSamples", Assert.Throws<BackpropException>(() => SampleImages.Of(TinyImages(), new[] { 0, 1 }, right)).ErrorId);
        var threeClasses = new Dataset(Matrix.FromRows(new[] { new[] { 1.0, 0, 0, 0 } }), Matrix.FromRows(new[] { new[] { 0.0, 0, 1 } }));
        Assert.Equal("ClassCountMismatch", Assert.Throws<BackpropException>(() =>
            SampleImages.Of(threeClasses, new[] { 0 }, new SampleImageSettings { Network = Picker() })).ErrorId);
        var trained = Picker().WithSchema(new DataSchema(new string[0], new string[0], new[] { "right", "left" }));
        Assert.Equal("ClassLabelMismatch", Assert.Throws<BackpropException>(() =>
            SampleImages.Of(TinyImages(), new[] { 0 }, new SampleImageSettings { Network = trained })).ErrorId);
        Assert.Equal("SampleNotFound", Assert.Throws<BackpropException>(() => SampleImages.Of(TinyImages(), new[] { 3 })).ErrorId);
        Assert.Equal("MisclassifiedWithoutNetwork", Assert.Throws<BackpropException>(() =>
            SampleImages.Of(TinyImages(), new[] { 0 }, new SampleImageSettings { MisclassifiedOnly = true })).ErrorId);
        var wrongSize = new Network(new[] { new Layer(9, 2, new double[18], new double[2], Activation.Linear) });
        Assert.Equal("InputSizeMismatch", Assert.Throws<BackpropException>(() =>
            SampleImages.Of(TinyImages(), new[] { 0 }, new SampleImageSettings { Network = wrongSize })).ErrorId);
    }

    [Fact]
    public void PredictionsOfManySamplesGoThroughInChunks()
    {
        // 1,300 samples is more than two chunks; every one must come back, in order, with the forward pass's class.
        var rows = Enumerable.Range(0, 1300).Select(k => new[] { k % 2 == 0 ? 1.0 : 0, 0, 0, k % 2 == 0 ? 0.0 : 1 }).ToArray();
        var onehot = Enumerable.Range(0, 1300).Select(k => new[] { 1.0, 0 }).ToArray();
        var data = new Dataset(Matrix.FromRows(rows), Matrix.FromRows(onehot));
        var predicted = SampleClasses.Predict(Picker(), data, Enumerable.Range(0, 1300).Reverse()).ToArray();
        Assert.Equal(Enumerable.Range(0, 1300).Reverse(), predicted.Select(p => p.Row));
        Assert.All(predicted, p => Assert.Equal(p.Row % 2, p.Predicted));
    }

    [Fact]
    public void TheConfusionHeatMapHasACellPerPairWithItsCount()
    {
        string[] labels = { "setosa", "versicolor", "virginica" };
        var counts = new[,] { { 50, 0, 0 }, { 0, 47, 3 }, { 0, 2, 48 } };
        var svg = XDocument.Parse(ConfusionHeatMap.ToText(labels, counts));
        var cells = WithClass(svg, "cell");
        Assert.Equal(9, cells.Length);
        Assert.Equal(new[] { "50", "0", "0", "0", "47", "3", "0", "2", "48" }, cells.Select(c => WithClass(c, "count").Single().Value));
        var cell = cells.Single(c => (string)c.Attribute("data-actual") == "versicolor" && (string)c.Attribute("data-predicted") == "virginica");
        Assert.Equal("3", (string)cell.Attribute("data-count"));
        Assert.Equal("actual versicolor, predicted virginica: 3 (6 % of versicolor)", cell.Element(Svg + "title").Value);
        // Shade by the share of the row: a whole row is the full blue, nothing is white.
        Assert.Equal("#2b6cb0", (string)cells[0].Element(Svg + "rect").Attribute("fill"));
        Assert.Equal("#ffffff", (string)cells[1].Element(Svg + "rect").Attribute("fill"));
        Assert.Equal("Confusion matrix: accuracy 0.9667 (145 of 150)", WithClass(svg, "caption").Single().Value);
        Assert.Equal(labels, WithClass(svg, "predicted-label").Select(t => t.Value));
        Assert.Equal(labels, WithClass(svg, "actual-label").Select(t => t.Value));
        Assert.Equal(new[] { "Predicted", "Actual" }, WithClass(svg, "axis-title").Select(t => t.Value));
        Assert.Equal("recall 0.94 (n = 50)", WithClass(svg, "row-note")[1].Value);
    }

    [Fact]
    public void LabelsAreEscapedAndNumbersIgnoreTheCulture()
    {
        string[] labels = { "a<b", "\"x\" & y" };
        var counts = new[,] { { 1, 2 }, { 0, 3 } };
        string invariant = ConfusionHeatMap.ToText(labels, counts, "Mine");
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, ConfusionHeatMap.ToText(labels, counts, "Mine"));
            Assert.Equal(SvgImages.ToText(WeightImages.Of(TinyNetwork())), SvgImages.ToText(WeightImages.Of(TinyNetwork())));
            Assert.DoesNotContain("0,5", SvgImages.ToText(SampleImages.Of(TinyImages(), new[] { 2 })));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
        var svg = XDocument.Parse(invariant);
        Assert.Equal(labels, WithClass(svg, "actual-label").Select(t => t.Value));
        Assert.Equal("Mine: accuracy 0.6667 (4 of 6)", WithClass(svg, "caption").Single().Value);
        Assert.Equal("InvalidConfusionMatrix", Assert.Throws<BackpropException>(() => ConfusionHeatMap.ToText(labels, new int[3, 3])).ErrorId);
    }

    [Fact]
    public void CharactersXmlCannotHoldBecomeReplacementCharacters()
    {
        // A label read from data may hold a control character or a lone surrogate; the file must still parse.
        string[] labels = { "a\u0001b", "c\ud800", "\ud83d\ude00" };
        var svg = XDocument.Parse(ConfusionHeatMap.ToText(labels, new int[3, 3]));
        Assert.Equal(new[] { "a\ufffdb", "c\ufffd", "\ud83d\ude00" }, WithClass(svg, "actual-label").Select(t => t.Value));
        Assert.Equal("a\ufffdb", (string)WithClass(svg, "cell")[0].Attribute("data-actual"));
    }

    [Fact]
    public void AGridRefusesMoreTilesThanCanBeRead()
    {
        var tile = new ImageTile(1, new[] { 0.5 }, "x");
        Assert.Equal("TooManyImages", Assert.Throws<BackpropException>(() => new ImageGrid("t", "l", Enumerable.Repeat(tile, 401).ToArray())).ErrorId);
        Assert.Equal(20, new ImageGrid("t", "l", Enumerable.Repeat(tile, 400).ToArray()).Columns);
        Assert.Equal("NoImages", Assert.Throws<BackpropException>(() => new ImageGrid("t", "l", new ImageTile[0])).ErrorId);
    }
}
