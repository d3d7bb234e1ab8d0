using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Teaching;
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
        Assert.Equal(PictureColours.Negative, (string)w211.Element(Svg + "line").Attribute("stroke"));   // lowered
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

    // A label's box as drawn: its rectangle turned by its transform, rotate(angle cx cy), as four corners.
    private static (double X, double Y)[] Corners(XElement rect)
    {
        double x = D(rect, "x"), y = D(rect, "y"), w = D(rect, "width"), h = D(rect, "height");
        Match m = Regex.Match((string)rect.Attribute("transform"), @"rotate\(([-\d.]+) ([-\d.]+) ([-\d.]+)\)");
        double a = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * Math.PI / 180;
        double cx = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), cy = double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        (double, double) Turn(double px, double py) =>
            (cx + (px - cx) * Math.Cos(a) - (py - cy) * Math.Sin(a), cy + (px - cx) * Math.Sin(a) + (py - cy) * Math.Cos(a));
        return new[] { Turn(x, y), Turn(x + w, y), Turn(x + w, y + h), Turn(x, y + h) };
    }

    private static double D(XElement e, string name) => double.Parse((string)e.Attribute(name), CultureInfo.InvariantCulture);

    // Whether a segment meets a convex polygon: no axis (the polygon's edge normals, the segment's normal) separates them.
    private static bool Meets((double X, double Y)[] polygon, (double X, double Y) a, (double X, double Y) b)
    {
        var axes = polygon.Select((p, k) => (p, q: polygon[(k + 1) % polygon.Length])).Select(e => (X: e.p.Y - e.q.Y, Y: e.q.X - e.p.X))
            .Append((X: a.Y - b.Y, Y: b.X - a.X));
        foreach (var (nx, ny) in axes)
        {
            double pMin = polygon.Min(c => c.X * nx + c.Y * ny), pMax = polygon.Max(c => c.X * nx + c.Y * ny);
            double s1 = a.X * nx + a.Y * ny, s2 = b.X * nx + b.Y * ny;
            if (Math.Max(s1, s2) < pMin || Math.Min(s1, s2) > pMax) return false;
        }
        return true;
    }

    public static TheoryData<string> Pictures() => new TheoryData<string> { "network", "step", "gradient", "worksheet", "2-4-2 step", "3-4-2 network" };

    private static Diagram Picture(string name)
    {
        switch (name)
        {
            case "network": return Diagram.Of(NetworkFactory.StepByStep());
            case "step": return Diagram.Of(SeedWalkThrough.Step());
            case "gradient": return Diagram.Of(SeedWalkThrough.Step().Gradient);
            case "worksheet": return Worksheet.Diagram(Exercise.StepByStep());
            case "2-4-2 step":
                var net = NetworkFactory.Random(new[] { 2, 4, 2 }, new[] { Activation.Tanh, Activation.Sigmoid }, BiasMode.Shared, Initialization.Xavier, 1);
                return Diagram.Of(TrainingStep.Take(net, Matrix.FromRow(0.3, -0.7), Matrix.FromRow(0.2, 0.9), LossFunction.HalfSquaredError, 0.5));
            default:
                return Diagram.Of(NetworkFactory.Random(new[] { 3, 4, 2 }, new[] { Activation.Tanh, Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Xavier, 1));
        }
    }

    [Theory]
    [MemberData(nameof(Pictures))]
    public void NoLineRunsThroughAnEdgeLabelAndNoLabelCoversANodeOrAnother(string name)
    {
        var svg = XDocument.Parse(SvgDiagram.ToText(Picture(name)));
        var boxes = WithClass(svg, "label-box");
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b => Assert.Equal("beside", (string)b.Attribute("data-placement")));
        Assert.All(boxes, b => Assert.Equal("white", (string)b.Attribute("fill")));
        var lines = svg.Descendants(Svg + "line").Select(l => ((D(l, "x1"), D(l, "y1")), (D(l, "x2"), D(l, "y2")))).ToList();
        var circles = svg.Descendants(Svg + "circle").Select(c => (X: D(c, "cx"), Y: D(c, "cy"), R: D(c, "r"))).ToList();
        foreach (XElement box in boxes)
        {
            var corners = Corners(box);
            string label = box.Parent.Element(Svg + "text").Value;
            Assert.All(lines, l => Assert.False(Meets(corners, l.Item1, l.Item2), $"a line from {l.Item1} to {l.Item2} runs through '{label}'"));
            // A node: its circle, with the corners and the middle of each side of the box outside it.
            var probes = corners.Concat(corners.Select((c, k) => ((c.X + corners[(k + 1) % 4].X) / 2, (c.Y + corners[(k + 1) % 4].Y) / 2)));
            Assert.All(circles, c => Assert.All(probes, p => Assert.True(Math.Pow(p.Item1 - c.X, 2) + Math.Pow(p.Item2 - c.Y, 2) > c.R * c.R, $"'{label}' covers a node")));
            foreach (XElement other in boxes.Where(o => o != box))
            {
                var theirs = Corners(other);
                Assert.False(theirs.Select((c, k) => (c, theirs[(k + 1) % 4])).Any(e => Meets(corners, e.c, e.Item2)),
                    $"'{label}' overlaps '{other.Parent.Element(Svg + "text").Value}'");
            }
        }
    }

    [Fact]
    public void TheWorksheetsValuesUnderANodeEndWellAboveTheNextNode()
    {
        // o1's four lines (z, a, delta and y1) ran into o2's circle.
        var svg = XDocument.Parse(SvgDiagram.ToText(Worksheet.Diagram(Exercise.StepByStep())));
        var o1 = WithClass(svg, "neuron").Single(e => (string)e.Attribute("id") == "o1");
        var o2 = WithClass(svg, "neuron").Single(e => (string)e.Attribute("id") == "o2");
        double lastLine = o1.Elements(Svg + "text").Max(t => D(t, "y"));
        XElement circle = o2.Element(Svg + "circle");
        Assert.Equal("y1 = 0.01", o1.Elements(Svg + "text").Last().Value);
        // The last line's baseline, its descent (3 pixels) and a clear gap before o2's circle.
        Assert.True(lastLine + 3 + 10 <= D(circle, "cy") - D(circle, "r"), $"o1's values end at {lastLine}, o2 starts at {D(circle, "cy") - D(circle, "r")}");
    }

    [Fact]
    public void ALabelWithNoClearPlaceLiesOnItsOwnLineAboveEveryLine()
    {
        // Sixteen weights between two layers of four: a few labels find no clear place.
        var net = NetworkFactory.Random(new[] { 4, 4, 4 }, new[] { Activation.Tanh, Activation.Sigmoid }, BiasMode.Shared, Initialization.Xavier, 1);
        var step = TrainingStep.Take(net, Matrix.FromRow(0.1, 0.2, 0.3, 0.4), Matrix.FromRow(0.5, 0.5, 0.5, 0.5), LossFunction.HalfSquaredError, 0.5);
        var svg = XDocument.Parse(SvgDiagram.ToText(Diagram.Of(step)));
        var onLines = WithClass(svg, "label-on-line");
        Assert.NotEmpty(onLines);
        Assert.Equal(32, WithClass(svg, "label-box").Length);
        // Drawn after every line, so that no line covers it; each names its edge.
        XElement lastLine = svg.Descendants(Svg + "line").Last();
        Assert.All(onLines, l => Assert.True(l.IsAfter(lastLine)));
        Assert.All(onLines, l => Assert.Matches(@"^w\d_\d\d$", (string)l.Attribute("data-parameter")));
    }
}
