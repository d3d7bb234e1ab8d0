using System.Xml.Linq;
using BackpropPS.Core.Pictures;
using static BackpropPS.Core.Tests.Pictures.SvgQuery;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>
/// The network picture itself: too large to read is refused up front, the largest readable one is drawn, its text
/// is the same every time and in every culture, and writing it stops when asked to, in both formats.
/// </summary>
public class DiagramTests
{
    [Fact]
    public void TheTextIsTheSameEveryTimeAndInEveryCulture()
    {
        var step = SeedWalkThrough.Step();
        string svg = SvgDiagram.ToText(Diagram.Of(step)), dot = DotDiagram.ToText(Diagram.Of(step));
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(svg, SvgDiagram.ToText(Diagram.Of(SeedWalkThrough.Step())));
            Assert.Equal(dot, DotDiagram.ToText(Diagram.Of(SeedWalkThrough.Step())));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
        Assert.DoesNotContain("0,", svg);
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
