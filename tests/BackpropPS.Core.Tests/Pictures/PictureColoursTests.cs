using System.Linq;
using System.Xml.Linq;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Teaching;
using static BackpropPS.Core.Tests.Pictures.SvgQuery;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>One palette, one meaning per colour: blue positive or raised, orange negative or lowered, red only a highlight.</summary>
public class PictureColoursTests
{
    private static readonly string Blue = PictureColours.Positive, Orange = PictureColours.Negative;

    // Each connection's stroke, by its parameter's name.
    private static ILookup<string, string> Strokes(XDocument svg) => WithClass(svg, "connection")
        .ToLookup(e => (string)e.Attribute("data-parameter"), e => (string)e.Element(Svg + "line").Attribute("stroke"));

    private static string Legend(XDocument svg) => WithClass(svg, "legend").Single().Value;

    [Fact]
    public void ANetworksWeightsAreBlueAboveZeroAndOrangeBelowInTheDiagramTheDotFileAndTheWorksheet()
    {
        var network = new Network(new[] { new Layer(2, 1, new[] { 0.5, -0.25 }, new[] { 0.0 }, Activation.Sigmoid) });
        var svg = XDocument.Parse(SvgDiagram.ToText(Diagram.Of(network)));
        Assert.Equal(Blue, Strokes(svg)["w1_11"].Single());
        Assert.Equal(Orange, Strokes(svg)["w1_21"].Single());
        Assert.Contains("blue: positive weight, orange: negative", Legend(svg));
        string dot = DotDiagram.ToText(Diagram.Of(network));
        Assert.Contains($"\"x1\" -> \"o1\" [class=\"connection\", color=\"{Blue}\"", dot);
        Assert.Contains($"\"x2\" -> \"o1\" [class=\"connection\", color=\"{Orange}\"", dot);
        // The worksheet: the same colours for the same meaning (all the seed's weights are positive).
        var sheet = XDocument.Parse(SvgDiagram.ToText(Worksheet.Diagram(Exercise.StepByStep())));
        Assert.All(Strokes(sheet), g => Assert.Equal(Blue, g.Single()));
        Assert.Contains("blue: positive weight, orange: negative", Legend(sheet));
    }

    [Fact]
    public void AStepsChangesAreBlueWhenRaisedAndOrangeWhenLoweredAndTheLegendSaysSo()
    {
        // The seed step raises w2_12 and w2_22 (o2's delta is negative) and lowers the other six.
        var svg = XDocument.Parse(SvgDiagram.ToText(Diagram.Of(SeedWalkThrough.Step())));
        var strokes = Strokes(svg);
        Assert.Equal(new[] { "w2_12", "w2_22" }, strokes.Where(g => g.Single() == Blue).Select(g => g.Key));
        Assert.Equal(6, strokes.Count(g => g.Single() == Orange));
        Assert.Contains("blue: raised, orange: lowered", Legend(svg));
        // Its labels are written in their line's colour.
        Assert.All(WithClass(svg, "connection"), c => Assert.Equal((string)c.Element(Svg + "line").Attribute("stroke"), (string)c.Element(Svg + "text").Attribute("fill")));
        var gradient = XDocument.Parse(SvgDiagram.ToText(Diagram.Of(SeedWalkThrough.Step().Gradient)));
        Assert.Contains("blue: positive gradient (a step lowers the parameter), orange: negative (a step raises it)", Legend(gradient));
    }

    [Fact]
    public void WeightTilesNeuronTilesAndTwoClassMapsUseTheSameBlueAndOrange()
    {
        var tiles = WeightImages.Of(PictureFixtures.TinyNetwork());
        Assert.True(tiles.Signed);
        Assert.Equal("Each tile is scaled to its own largest |weight|: blue positive, white 0, orange negative", tiles.Legend);
        var svg = XDocument.Parse(SvgImages.ToText(tiles));
        // h1's weights are 1, -1, 0 and 0.5.
        Assert.Equal(new[] { Blue, Orange }, Pixels(WithClass(svg, "tile")[0]).Take(2).Select(r => (string)r.Attribute("fill")));
        Assert.Equal(Blue, PictureColours.Hex(HeatColours.Signed(1)));
        Assert.Equal(Orange, PictureColours.Hex(HeatColours.Signed(-1)));
        // A map of two classes: class 1 (the larger output) blue, class 0 orange.
        var frames = new[] { new BoundaryFrame(DecisionBoundary.Classes(Explain.BoundaryNetwork.Small(), new BoundaryGrid(-1, 1, -1, 1, 3)), "") };
        var map = XDocument.Parse(BoundarySvg.ToText(frames, new BoundarySettings()));
        Assert.Equal(new[] { Orange, Blue }, WithClass(map, "legend-entry").Select(e => (string)e.Element(Svg + "rect").Attribute("fill")));
    }

    [Fact]
    public void RedOnlyHighlightsAndNoSignOrLineColourIsRed()
    {
        Assert.DoesNotContain(PictureColours.Highlight, PictureColours.Lines);
        Assert.DoesNotContain(PictureColours.Highlight, HeatColours.Classes);
        Assert.Equal(new[] { Blue, Orange }, PictureColours.Lines.Take(2));
        Assert.Equal(PictureColours.Highlight, LearningRateChart.SuggestionColour);
        Assert.Equal((Blue, Orange, PictureColours.Zero), (PictureColours.OfSign(0.1), PictureColours.OfSign(-0.1), PictureColours.OfSign(0)));
        foreach (string legend in new[] { Diagram.Of(NetworkFactory.StepByStep()).Legend, Diagram.Of(SeedWalkThrough.Step()).Legend, Worksheet.Diagram(Exercise.StepByStep()).Legend })
            Assert.DoesNotMatch(@"\bred\b", legend);
        // The confusion matrix's cells: white to the same blue, more is bluer.
        var cm = XDocument.Parse(ConfusionHeatMap.ToText(new[] { "a", "b" }, new[,] { { 2, 0 }, { 0, 2 } }));
        Assert.Equal(Blue, (string)WithClass(cm, "cell")[0].Element(Svg + "rect").Attribute("fill"));
    }
}
