using System.Linq;
using System.Xml.Linq;
using System.Xml;
using BackpropPS.Core.Pictures;
using static BackpropPS.Core.Tests.Pictures.SvgQuery;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>The loss chart drawn by OxyPlot: valid SVG with axes, titles and one line per series.</summary>
public class LineChartTests
{
    private static LossPoint[] History(int epochs, bool validation) => Enumerable.Range(1, epochs)
        .Select(e => new LossPoint(e, 0.3 / e, validation ? 0.35 / e + 0.01 : (double?)null)).ToArray();

    private static XDocument Parse(string svg) =>
        XDocument.Load(XmlReader.Create(new System.IO.StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }));

    // OxyPlot draws a series as a polyline in its colour; the axes and ticks are black or grey.
    private static int[] PointsPerLine(XDocument svg, string rgb) => svg.Descendants(Svg + "polyline")
        .Where(p => ((string)p.Attribute("style") ?? "").Contains("stroke:" + rgb))
        .Select(p => ((string)p.Attribute("points")).Split(' ', System.StringSplitOptions.RemoveEmptyEntries).Length).ToArray();

    [Fact]
    public void AChartHasAxesTitlesAndOnePointPerEpoch()
    {
        var svg = Parse(LineChart.ToSvg(History(12, validation: false)));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Training loss", texts);
        Assert.Contains("Epoch", texts);
        Assert.Contains("Loss", texts);
        Assert.DoesNotContain("Validation loss", texts);
        Assert.Equal(new[] { 12 }, PointsPerLine(svg, "rgb(43,108,176)"));
        Assert.Equal("640", (string)svg.Root.Attribute("width"));
    }

    [Fact]
    public void ValidationLossIsASecondLineWithALegend()
    {
        var points = History(8, validation: true);
        points[0] = new LossPoint(1, 0.3);   // an epoch without validation is left out of that line only
        var svg = Parse(LineChart.ToSvg(points, new LineChartSettings { Title = "XOR", Width = 800, Height = 500 }));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("XOR", texts);
        Assert.Contains("Validation loss", texts);
        // Each line, plus its short sample in the legend.
        Assert.Equal(new[] { 8, 2 }, PointsPerLine(svg, "rgb(43,108,176)"));
        Assert.Equal(new[] { 7, 2 }, PointsPerLine(svg, "rgb(221,107,32)"));
        Assert.Equal("800", (string)svg.Root.Attribute("width"));
    }

    [Fact]
    public void TheChartIsTheSameInEveryCulture()
    {
        string invariant = LineChart.ToSvg(History(5, true));
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(invariant, LineChart.ToSvg(History(5, true)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
        Assert.Contains(">0.1<", invariant);
    }

    [Theory]
    [InlineData(0, "NoLossData")]
    [InlineData(1, "NonFiniteLoss")]
    [InlineData(2, "NonPositiveLoss")]
    public void BadHistoriesAreErrors(int which, string errorId)
    {
        var points = which == 0 ? new LossPoint[0]
            : which == 1 ? new[] { new LossPoint(1, double.NaN) }
            : new[] { new LossPoint(1, 0.0) };
        var e = Assert.Throws<BackpropException>(() => LineChart.ToSvg(points, new LineChartSettings { Logarithmic = which == 2 }));
        Assert.Equal(errorId, e.ErrorId);
    }

    [Theory]
    [InlineData("a\u0001b", 2)]
    [InlineData("\0", 1)]
    [InlineData("loss \u001b[31m", 6)]
    public void ATitleSvgCannotHoldIsRefused(string title, int position)
    {
        var e = Assert.Throws<BackpropException>(() => LineChart.ToSvg(History(3, false), new LineChartSettings { Title = title }));
        Assert.Equal("InvalidTitle", e.ErrorId);
        Assert.Contains($"at position {position}", e.Message);
    }

    [Fact]
    public void ATitleWithHalfASurrogatePairIsRefused()
    {
        // Built in code: an attribute's string would come out of the metadata with the lone half replaced.
        string title = "half " + (char)0xD800 + " pair";
        var e = Assert.Throws<BackpropException>(() => LineChart.ToSvg(History(3, false), new LineChartSettings { Title = title }));
        Assert.Equal("InvalidTitle", e.ErrorId);
    }

    [Fact]
    public void ATitleMayHoldLineBreaksAndSymbols()
    {
        var svg = Parse(LineChart.ToSvg(History(3, false), new LineChartSettings { Title = "Run 3\nlr \u03b7 = 0.5 \ud83d\ude80 <&>" }));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Run 3", texts);
        Assert.Contains("lr \u03b7 = 0.5 \ud83d\ude80 <&>", texts);
    }
}
