using System.Linq;
using System.Xml.Linq;
using BackpropPS.Core.Pictures;
using static BackpropPS.Core.Tests.Pictures.SvgQuery;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>The network as SVG: one element per node and per connection, the right values, the values of a large one in tooltips.</summary>
public class SvgDiagramTests
{
    [Fact]
    public void TheSeedNetworkHasOneSvgElementPerNodeAndConnection()
    {
        var svg = XDocument.Parse(SvgDiagram.ToText(Diagram.Of(NetworkFactory.StepByStep())));
        Assert.Equal(Svg + "svg", svg.Root.Name);
        Assert.Equal(new[] { "x1", "x2" }, WithClass(svg, "input").Select(e => (string)e.Attribute("id")));
        Assert.Equal(new[] { "h1", "h2", "o1", "o2" }, WithClass(svg, "neuron").Select(e => (string)e.Attribute("id")));
        Assert.Equal(new[] { "b1", "b2" }, WithClass(svg, "bias").Select(e => (string)e.Attribute("id")));
        Assert.Equal(new[] { "w1_11", "w1_12", "w1_21", "w1_22", "w2_11", "w2_12", "w2_21", "w2_22" },
            WithClass(svg, "connection").Select(e => (string)e.Attribute("data-parameter")));
        Assert.Equal(4, WithClass(svg, "bias-connection").Length);
        var w121 = WithClass(svg, "connection").Single(e => (string)e.Attribute("data-parameter") == "w1_21");
        Assert.Equal(("x2", "h1"), ((string)w121.Attribute("data-from"), (string)w121.Attribute("data-to")));
        Assert.Equal("w1_21 = 0.2", w121.Element(Svg + "text").Value);
    }

    [Fact]
    public void AStepShowsOldToNewAndTheGradientInTheTooltip()
    {
        var svg = XDocument.Parse(SvgDiagram.ToText(Diagram.Of(SeedWalkThrough.Step())));
        var w211 = WithClass(svg, "connection").Single(e => (string)e.Attribute("data-parameter") == "w2_11");
        Assert.Equal("w2_11: 0.4 \u2192 0.3589", w211.Element(Svg + "text").Value);
        Assert.StartsWith("w2_11: 0.4 -> 0.358916479717", w211.Element(Svg + "title").Value);
        Assert.Contains("dE/dw2_11 = 0.08216704056", w211.Element(Svg + "title").Value);
        Assert.Equal("#c53030", (string)w211.Element(Svg + "line").Attribute("stroke"));   // lowered
        var o1 = WithClass(svg, "neuron").Single(e => (string)e.Attribute("id") == "o1");
        Assert.Contains("delta = 0.1385", o1.Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void ALargeNetworkKeepsItsValuesInTooltipsOnly()
    {
        var network = NetworkFactory.Random(new[] { 6, 10, 3 }, new[] { Activation.ReLU, Activation.Softmax }, BiasMode.Shared, Initialization.He, 4);
        var svg = XDocument.Parse(SvgDiagram.ToText(Diagram.Of(network)));
        Assert.Equal(6 * 10 + 10 * 3, WithClass(svg, "connection").Length);
        Assert.Equal(13, WithClass(svg, "neuron").Length);
        Assert.All(WithClass(svg, "connection"), e => Assert.Null(e.Element(Svg + "text")));
        Assert.All(WithClass(svg, "connection"), e => Assert.Matches(@"^w\d_\d+(_\d+)? = ", e.Element(Svg + "title").Value));
    }
}
