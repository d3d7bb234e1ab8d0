using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
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
        Assert.Contains("Training loss (final 0.025)", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("Validation loss"));
        // The line, and its sample in the legend.
        Assert.Equal(new[] { 12, 2 }, PointsPerLine(svg, "rgb(43,108,176)"));
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
        Assert.Contains("Validation loss (final 0.0537)", texts);
        // Each line, plus its short sample in the legend.
        Assert.Equal(new[] { 8, 2 }, PointsPerLine(svg, "rgb(43,108,176)"));
        Assert.Equal(new[] { 7, 2 }, PointsPerLine(svg, "rgb(192,86,33)"));
        Assert.Equal("800", (string)svg.Root.Attribute("width"));
    }

    // A loss like the README's Iris run: 1.07 falling to 0.046 over 300 epochs, the validation loss a little lower.
    private static LossPoint[] Iris() => Enumerable.Range(1, 300)
        .Select(e => new LossPoint(e, 0.045 + 1.02 * Math.Exp(-e / 9.0), 0.039 + 0.81 * Math.Exp(-e / 8.0))).ToArray();

    // A six-run sweep of XOR: three optimizers at two learning rates, from 0.125 down to 4e-5 for the best.
    private static LossPoint[] Sweep() => new[] { "Sgd", "Momentum", "Adam" }
        .SelectMany((o, k) => new[] { 0.01, 0.1 }.Select((r, j) => (Name: $"Optimizer={o}, LearningRate={r.ToString(CultureInfo.InvariantCulture)}", Fall: (k * 2 + j + 1) * 0.004)))
        .SelectMany(run => Enumerable.Range(1, 300).Select(e => new LossPoint(e, 0.125 * Math.Exp(-run.Fall * e) + 4e-5, null, run.Name))).ToArray();

    private static (double X, double Y, double Width, double Height) Rect(XElement rect) =>
        ((double)rect.Attribute("x"), (double)rect.Attribute("y"), (double)rect.Attribute("width"), (double)rect.Attribute("height"));

    private static (double X, double Y) Translation(XElement text)
    {
        Match m = Regex.Match((string)text.Attribute("transform"), @"translate\(([-\d.]+),([-\d.]+)\)");
        return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(false, false, "Training loss")]
    [InlineData(true, false, "Training and validation loss")]
    [InlineData(false, true, "Training loss of 2 runs")]
    [InlineData(true, true, "Training and validation loss of 2 runs (validation dashed)")]
    public void TheTitleSaysWhatIsDrawn(bool validation, bool runs, string title)
    {
        var points = History(5, validation).Select(p => new LossPoint(p.Epoch, p.Loss, p.ValidationLoss, runs ? "a" : null)).ToList();
        if (runs) points.AddRange(History(5, validation).Select(p => new LossPoint(p.Epoch, p.Loss / 2, p.ValidationLoss, "b")));
        var texts = Parse(LineChart.ToSvg(points)).Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(title, texts.Single(t => t.Contains("loss") && !t.Contains("final")));
        Assert.Contains("Mine", Parse(LineChart.ToSvg(points, new LineChartSettings { Title = "Mine" })).Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void TheIrisLossHasAtLeastFourLabelledTicksFromZeroToAboveTheFirstLoss()
    {
        var writer = new StringWriter();
        AxisTicks ticks = LineChart.Draw(Iris(), writer, new LineChartSettings());
        Assert.False(ticks.Logarithmic);   // 0.96 / 0.039 is 25: a linear axis
        Assert.True(ticks.Labels.Count >= AxisTicks.MinLabels, string.Join(", ", ticks.Labels));
        Assert.True(ticks.Minimum <= Iris().Min(p => p.ValidationLoss) && ticks.Maximum >= Iris().Max(p => p.Loss), string.Join(", ", ticks.Labels));
        var texts = Parse(writer.ToString()).Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.All(ticks.Labels, t => Assert.Contains(AxisTicks.Format(t), texts));
        Assert.Contains("Loss", texts);
        // What the lines cannot show to three digits, the legend does.
        Assert.Contains("Training loss (final 0.045)", texts);
    }

    [Fact]
    public void ALossOverMoreThanTwoDecadesIsDrawnOnALogScaleUnlessToldOtherwise()
    {
        var writer = new StringWriter();
        AxisTicks ticks = LineChart.Draw(Sweep(), writer, new LineChartSettings());
        Assert.True(ticks.Logarithmic);
        Assert.True(ticks.Labels.Count >= AxisTicks.MinLabels, string.Join(", ", ticks.Labels));
        Assert.True(ticks.Minimum <= Sweep().Min(p => p.Loss) && ticks.Maximum >= Sweep().Max(p => p.Loss), string.Join(", ", ticks.Labels));
        Assert.Contains("Loss (log scale)", writer.ToString());
        Assert.False(LineChart.Draw(Sweep(), new StringWriter(), new LineChartSettings { Logarithmic = false }).Logarithmic);
        Assert.True(LineChart.Draw(Iris(), new StringWriter(), new LineChartSettings { Logarithmic = true }).Logarithmic);
    }

    [Theory]
    [InlineData(640, 400)]
    [InlineData(1200, 500)]
    [InlineData(300, 300)]
    public void TheLegendIsAnOpaqueBoxOutsideThePlotWideEnoughInEveryFont(int width, int height)
    {
        foreach (LossPoint[] points in new[] { Sweep(), Iris() })
        {
            var svg = Parse(LineChart.ToSvg(points, new LineChartSettings { Width = width, Height = height }));
            var rects = svg.Descendants(Svg + "rect").Where(r => r.Attribute("style") != null).ToList();
            var box = Rect(rects.Single(r => ((string)r.Attribute("style")).StartsWith("fill:rgb(255,255,255);stroke:rgb(211,211,211)")));
            var plot = Rect(rects.Single(r => ((string)r.Attribute("style")).StartsWith("fill:none;stroke:black")));
            // Opaque (white, no fill-opacity) and beside or below the plot, where no line runs.
            bool apart = box.X >= plot.X + plot.Width || box.Y >= plot.Y + plot.Height;
            Assert.True(apart, $"legend {box} overlaps the plot {plot}");
            // Every line of text in the box (a long entry is broken after its commas) fits it in every font.
            var lines = svg.Descendants(Svg + "text").Where(t =>
            {
                var (x, y) = Translation(t);
                return x >= box.X && x <= box.X + box.Width && y >= box.Y && y <= box.Y + box.Height;
            }).ToList();
            // Every line named, or (in a small chart) counted in the last entry.
            int entries = points.Select(p => p.Run).Distinct().Count() * (points[0].ValidationLoss.HasValue ? 2 : 1);
            Match more = Regex.Match(string.Join("|", lines.Select(t => t.Value)), @"\.\.\. and (\d+) more lines");
            Assert.Equal(entries, lines.Count(t => t.Value.Contains("(final ")) + (more.Success ? int.Parse(more.Groups[1].Value, CultureInfo.InvariantCulture) : 0));
            foreach (XElement line in lines)
            {
                var (x, _) = Translation(line);
                foreach (MeasuredFont font in new[] { MeasuredFont.DejaVuSans, MeasuredFont.LiberationSans })
                {
                    double right = x + PictureFonts.Width(line.Value, 12, false, font);
                    Assert.True(right <= box.X + box.Width, $"'{line.Value}' in {font} ends at {right}, the box at {box.X + box.Width}");
                }
            }
        }
    }

    [Fact]
    public void ALegendOfManyLinesTakesAtMostTwoFifthsOfTheChartAndSaysHowManyMore()
    {
        // A hundred runs listed would push the plot off the chart: nine are named, the rest counted.
        var points = Enumerable.Range(1, 100).SelectMany(r => Enumerable.Range(1, 20)
            .Select(e => new LossPoint(e, 1.0 / (e * r), null, $"Optimizer=Adam, LearningRate={(r / 1000.0).ToString(CultureInfo.InvariantCulture)}"))).ToArray();
        var svg = Parse(LineChart.ToSvg(points));
        var box = Rect(svg.Descendants(Svg + "rect").Single(r => ((string)r.Attribute("style") ?? "").StartsWith("fill:rgb(255,255,255);stroke:rgb(211,211,211)")));
        Assert.True(box.Height <= 0.4 * 400, $"the legend is {box.Height} tall");
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("... and 91 more lines", texts);
        Assert.Equal(9, texts.Count(t => t.Contains("(final ")));
        // A name too long for any line is cut short, not run off the chart.
        var named = Parse(LineChart.ToSvg(History(5, false).Select(p => new LossPoint(p.Epoch, p.Loss, null, new string('x', 2000))).ToArray()));
        string cut = named.Descendants(Svg + "text").Select(t => t.Value).Single(t => t.StartsWith("xxx"));
        Assert.EndsWith("...", cut);
        Assert.True(PictureFonts.Width(cut, 12) <= 640);
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
