using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Core.Tests;

/// <summary>The network pictures: one element per node and per connection, the right values, the same text every time.</summary>
public class DiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static TrainingStep SeedStep() => TrainingStep.Take(NetworkFactory.StepByStep(),
        Matrix.FromRow(0.05, 0.10), Matrix.FromRow(0.01, 0.99), LossFunction.HalfSquaredError, 0.5);

    private static XElement[] WithClass(XDocument svg, string cssClass) =>
        svg.Descendants().Where(e => (string)e.Attribute("class") == cssClass).ToArray();

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
        var svg = XDocument.Parse(SvgDiagram.ToText(Diagram.Of(SeedStep())));
        var w211 = WithClass(svg, "connection").Single(e => (string)e.Attribute("data-parameter") == "w2_11");
        Assert.Equal("w2_11: 0.4 \u2192 0.3589", w211.Element(Svg + "text").Value);
        Assert.StartsWith("w2_11: 0.4 -> 0.358916479717", w211.Element(Svg + "title").Value);
        Assert.Contains("dE/dw2_11 = 0.08216704056", w211.Element(Svg + "title").Value);
        Assert.Equal("#c53030", (string)w211.Element(Svg + "line").Attribute("stroke"));   // lowered
        var o1 = WithClass(svg, "neuron").Single(e => (string)e.Attribute("id") == "o1");
        Assert.Contains("delta = 0.1385", o1.Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void AGradientShowsTheGradients()
    {
        var dot = DotDiagram.ToText(Diagram.Of(SeedStep().Gradient));
        Assert.Contains("\"h1\" -> \"o1\" [class=\"connection\", color=\"#2b6cb0\", label=\"dE/dw2_11 = 0.08217\"", dot);
        Assert.Contains("label=\"dE/db2 = 0.1004\"", dot);
    }

    [Fact]
    public void DotHasOneNodePerNeuronAndOneEdgePerConnection()
    {
        var network = NetworkFactory.Random(new[] { 3, 5, 2 }, new[] { Activation.Tanh, Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Xavier, 2);
        string dot = DotDiagram.ToText(Diagram.Of(network));
        Assert.StartsWith("digraph network {\n", dot);
        Assert.EndsWith("}\n", dot);
        Assert.Equal(3, Regex.Matches(dot, @"^    ""x\d"" \[class=""input""", RegexOptions.Multiline).Count);
        Assert.Equal(7, Regex.Matches(dot, @"^    ""[ho]\d"" \[class=""neuron""", RegexOptions.Multiline).Count);
        Assert.Equal(3 * 5 + 5 * 2, Regex.Matches(dot, @"^  ""\w+"" -> ""\w+"" \[class=""connection""", RegexOptions.Multiline).Count);
        Assert.DoesNotContain("class=\"bias", dot);   // per-neuron biases are written on their neurons
        Assert.Contains("b1_1 = 0", dot);
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

    [Fact]
    public void TheTextIsTheSameEveryTimeAndInEveryCulture()
    {
        var step = SeedStep();
        string svg = SvgDiagram.ToText(Diagram.Of(step)), dot = DotDiagram.ToText(Diagram.Of(step));
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(svg, SvgDiagram.ToText(Diagram.Of(SeedStep())));
            Assert.Equal(dot, DotDiagram.ToText(Diagram.Of(SeedStep())));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
        Assert.DoesNotContain("0,", svg);
    }

    [Fact]
    public void EveryDotLineClosesItsStrings()
    {
        // Labels hold quotes-free text today, but an unbalanced quote would swallow the rest of the file.
        var dot = DotDiagram.ToText(Diagram.Of(SeedStep()));
        Assert.All(dot.Split('\n'), line => Assert.Equal(0, Regex.Matches(line, @"(?<!\\)""").Count % 2));
        Assert.Contains("label=\"h1\\na = 0.5933\\ndelta = 0.008771\"", dot);   // line breaks as DOT's \n
    }

    [Theory]
    [InlineData(new[] { 2, 1001, 1 })]   // a column too tall to read
    [InlineData(new[] { 200, 200, 1 })]  // 40,200 connections
    [InlineData(new[] { 2, 100000, 2 })] // the 200-second picture: refused before anything is built
    public void ADiagramTooLargeToReadIsRefusedUpFront(int[] sizes)
    {
        Network network = NetworkFactory.Random(sizes, new[] { Activation.Sigmoid }, BiasMode.Shared, Initialization.Xavier, 1);
        var e = Assert.Throws<BackpropException>(() => Diagram.Of(network));
        Assert.Equal("DiagramTooLarge", e.ErrorId);
        Assert.Equal(BackpropErrorKind.LimitsExceeded, e.Kind);
        Assert.Contains("1,000 nodes in a column", e.Message);
        Assert.Contains("30,000 connections", e.Message);
        Assert.Contains("Get-BackpropParameter", e.Message);
    }

    [Fact]
    public void TheLargestReadableDiagramIsDrawn()
    {
        Network network = NetworkFactory.Random(new[] { 2, Diagram.MaxNodesInColumn - 1, 1 }, new[] { Activation.Sigmoid }, BiasMode.Shared, Initialization.Xavier, 1);
        var svg = XDocument.Parse(SvgDiagram.ToText(Diagram.Of(network)));
        Assert.Equal(Diagram.MaxNodesInColumn - 1, WithClass(svg, "neuron").Length - 1);
    }

    [Fact]
    public void WritingStopsWhenAskedTo()
    {
        Diagram diagram = Diagram.Of(NetworkFactory.StepByStep());
        var stop = new System.Threading.CancellationTokenSource();
        stop.Cancel();
        Assert.ThrowsAny<System.OperationCanceledException>(() => SvgDiagram.Write(diagram, new System.IO.StringWriter(), stop.Token));
        Assert.ThrowsAny<System.OperationCanceledException>(() => DotDiagram.Write(diagram, new System.IO.StringWriter(), stop.Token));
    }
}
