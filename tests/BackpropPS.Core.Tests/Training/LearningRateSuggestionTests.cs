using System.Collections.Generic;
using System.Linq;
using System;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>The suggested learning rate: where the smoothed loss falls fastest before its lowest point.</summary>
public class LearningRateSuggestionTests
{
    [Fact]
    public void TheSuggestionIsTheSteepestPointOfASyntheticCurve()
    {
        // A smoothed loss of 1 - tanh(ln(lr) - ln(0.03)) falls fastest at lr = 0.03, then a rise after 1.
        var range = new LearningRateRange { MinLearningRate = 1e-5, MaxLearningRate = 10, Steps = 200 };
        var rates = Enumerable.Range(1, 200).Select(range.RateAt).ToList();
        var smoothed = rates.Select(r => 1 - Math.Tanh(Math.Log(r) - Math.Log(0.03)) + (r > 1 ? (r - 1) : 0)).ToList();
        int k = LearningRateSuggestion.Steepest(rates, smoothed, 20);
        double spacing = Math.Log(rates[1] / rates[0]);
        Assert.True(Math.Abs(Math.Log(rates[k] / 0.03)) <= spacing, $"suggested {rates[k]}");
        // The slope there is about -1 (the derivative of -tanh at 0), by the central difference.
        Assert.Equal(-1.0, LearningRateSuggestion.Slope(rates, smoothed, k), 2);
    }

    [Fact]
    public void ACurveThatNeverFallsOrIsTooShortHasNoSuggestion()
    {
        var rates = new List<double> { 0.1, 0.2, 0.4, 0.8 };
        Assert.Equal(-1, LearningRateSuggestion.Steepest(rates, new List<double> { 1, 1, 2, 3 }, 0));
        Assert.Equal(-1, LearningRateSuggestion.Steepest(rates, new List<double> { 4, 3, 2, 1 }, 2));
        Assert.Equal(1, LearningRateSuggestion.Steepest(rates, new List<double> { 4, 3, 1, 1 }, 0));
    }

    [Fact]
    public void AFallAfterTheLowestLossIsNotSuggested()
    {
        // Falls by 1 per step to its lowest at index 3, then leaps and drops by 6 (chaos near the blow-up), steeper than the fall.
        var rates = new List<double> { 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4 };
        var smoothed = new List<double> { 5, 4, 3, 2, 9, 3, 3 };
        int k = LearningRateSuggestion.Steepest(rates, smoothed, 0);
        Assert.InRange(k, 0, 3);
        Assert.Equal(-1 / Math.Log(2), LearningRateSuggestion.Slope(rates, smoothed, k), 12);
    }
}
