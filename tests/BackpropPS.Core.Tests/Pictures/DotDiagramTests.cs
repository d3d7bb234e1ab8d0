using System.Text.RegularExpressions;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>The network as Graphviz DOT: one node per neuron, one edge per connection, every string closed.</summary>
public class DotDiagramTests
{
    [Fact]
    public void AGradientShowsTheGradients()
    {
        var dot = DotDiagram.ToText(Diagram.Of(SeedWalkThrough.Step().Gradient));
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
    public void EveryDotLineClosesItsStrings()
    {
        // Labels hold quotes-free text today, but an unbalanced quote would swallow the rest of the file.
        var dot = DotDiagram.ToText(Diagram.Of(SeedWalkThrough.Step()));
        Assert.All(dot.Split('\n'), line => Assert.Equal(0, Regex.Matches(line, @"(?<!\\)""").Count % 2));
        Assert.Contains("label=\"h1\\na = 0.5933\\ndelta = 0.008771\"", dot);   // line breaks as DOT's \n
    }
}
