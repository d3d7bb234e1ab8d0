using System.Linq;
using System.Xml.Linq;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;
using static BackpropPS.Core.Tests.Pictures.PictureFixtures;
using static BackpropPS.Core.Tests.Pictures.SvgQuery;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>Sample grids: a data set's images with their labels, and with a network its misclassified ones.</summary>
public class SampleImagesTests
{
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
}
