using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using BackpropPS.Core.Pictures;
using static BackpropPS.Core.Tests.Pictures.PictureFixtures;
using static BackpropPS.Core.Tests.Pictures.SvgQuery;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>The confusion heat map: a cell per pair with its count and share, escaped labels, the same text in every culture.</summary>
public class ConfusionHeatMapTests
{
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
        Assert.Equal("actual versicolor, predicted virginica: 3 (6.0 % of versicolor)", cell.Element(Svg + "title").Value);
        // Shade by the share of the row: a whole row is the full blue, nothing is white.
        Assert.Equal("#2b6cb0", (string)cells[0].Element(Svg + "rect").Attribute("fill"));
        Assert.Equal("#ffffff", (string)cells[1].Element(Svg + "rect").Attribute("fill"));
        Assert.Equal("Confusion matrix: accuracy 96.67 % (145 of 150)", WithClass(svg, "caption").Single().Value);
        Assert.Equal(labels, WithClass(svg, "predicted-label").Select(t => t.Value));
        Assert.Equal(labels, WithClass(svg, "actual-label").Select(t => t.Value));
        Assert.Equal(new[] { "Predicted", "Actual" }, WithClass(svg, "axis-title").Select(t => t.Value));
        Assert.Equal("recall 94.00 % (n = 50)", WithClass(svg, "row-note")[1].Value);
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
        Assert.Equal("Mine: accuracy 66.67 % (4 of 6)", WithClass(svg, "caption").Single().Value);
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
    public void MoreClassesThanAPictureDrawsAreRefusedAndLargeTotalsDoNotOverflow()
    {
        string[] many = Enumerable.Range(0, ConfusionHeatMap.MaxLabels + 1).Select(k => "c" + k).ToArray();
        var e = Assert.Throws<BackpropException>(() => ConfusionHeatMap.ToText(many, new int[many.Length, many.Length]));
        Assert.Equal("TooManyClasses", e.ErrorId);
        Assert.Equal(BackpropErrorKind.LimitsExceeded, e.Kind);
        var counts = new int[,] { { int.MaxValue, int.MaxValue }, { 0, int.MaxValue } };
        Assert.Contains("(4294967294 of 6442450941)", ConfusionHeatMap.ToText(new[] { "a", "b" }, counts));
    }
}
