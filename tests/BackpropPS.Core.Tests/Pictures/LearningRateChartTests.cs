using System.Collections.Generic;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>The range test's chart: a log axis, both curves, the suggestion, and no row that is not a number.</summary>
public class LearningRateChartTests
{
    [Fact]
    public void TheChartHasALogAxisBothCurvesAndTheSuggestionAndSkipsANonFiniteRow()
    {
        var range = new LearningRateRange { MinLearningRate = 1e-3, MaxLearningRate = 100, Steps = 50 };
        var rows = new List<LearningRateRangeRow>();
        for (int s = 1; s <= 49; s++) rows.Add(new LearningRateRangeRow(s, range.RateAt(s), 1.0 / s, 1.0 / s, false, false));
        rows.Add(new LearningRateRangeRow(50, range.RateAt(50), double.NaN, double.NaN, true, false));
        var result = LearningRateFinder.Summarize(rows, range, OptimizerKind.Sgd);
        string svg = LearningRateChart.ToSvg(result, new LineChartSettings { Title = "Range test" });
        Assert.Contains("Learning rate (log scale)", svg);
        Assert.Contains("Smoothed loss", svg);
        Assert.Contains("suggested " + result.SuggestedLearningRate.Value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture), svg);
        Assert.Contains("blow-up", svg);
        Assert.DoesNotContain("NaN", svg);
    }
}
