using System.Collections.Generic;
using System.Linq;
using System;
using BackpropPS.Core.Data;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;
using BackpropPS.Core;

namespace BackpropPS.Core.Tests;

/// <summary>The learning-rate range test: its schedule, smoothing, suggestion, blow-up stop and immutability.</summary>
public class LearningRateFinderTests
{
    private static Dataset Seed() => new(new Matrix(1, 2, new[] { 0.05, 0.10 }), new Matrix(1, 2, new[] { 0.01, 0.99 }));

    private static TrainingOptions Options(OptimizerKind kind = OptimizerKind.Sgd, int batch = 0) => new()
    {
        BatchSize = batch, Loss = LossFunction.HalfSquaredError, Optimizer = new OptimizerSettings { Kind = kind, LearningRate = 0.5 },
    };

    [Theory]
    [InlineData(1e-6, 10, 300)]
    [InlineData(1e-7, 3.7, 97)]
    [InlineData(0.1, 0.3, 2)]
    public void TheScheduleStartsAndEndsExactlyAtTheRangeAndGrowsByOneRatio(double min, double max, int steps)
    {
        var range = new LearningRateRange { MinLearningRate = min, MaxLearningRate = max, Steps = steps };
        Assert.Equal(min, range.RateAt(1));
        Assert.Equal(max, range.RateAt(steps));
        // Every step multiplies by the same ratio, (max / min)^(1 / (steps - 1)).
        double ratio = Math.Exp(Math.Log(max / min) / (steps - 1));
        for (int s = 2; s <= steps; s++) Assert.Equal(ratio, range.RateAt(s) / range.RateAt(s - 1), 1e-12);
    }

    [Fact]
    public void TheSmoothedLossIsTheBiasCorrectedWeightedMeanOfAllLossesSoFar()
    {
        var random = new SeededRandom(4);
        double[] losses = Enumerable.Range(0, 60).Select(_ => random.NextDouble(0, 3)).ToArray();
        const double beta = 0.98;
        var smoothing = new LossSmoothing(beta);
        for (int n = 1; n <= losses.Length; n++)
        {
            double got = smoothing.Add(losses[n - 1]);
            // Written out: sum over i of beta^(n-i) (1 - beta) loss_i, over the total weight 1 - beta^n.
            double sum = 0, weight = 0;
            for (int i = 1; i <= n; i++) { sum += Math.Pow(beta, n - i) * (1 - beta) * losses[i - 1]; weight += Math.Pow(beta, n - i) * (1 - beta); }
            Assert.Equal(sum / weight, got, 1e-12);
        }
        Assert.Equal(5.0, new LossSmoothing(beta).Add(5.0), 1e-15);
    }

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

    [Fact]
    public void EachRowsLossIsTheSeedNetworksLossAfterTheEarlierStepsAtTheirRates()
    {
        // Independently: SGD steps with Optimizer.Step on immutable networks, one fresh optimizer per rate.
        var range = new LearningRateRange { MinLearningRate = 1e-3, MaxLearningRate = 100, Steps = 40, DivergenceFactor = 0 };
        var rows = LearningRateFinder.Run(NetworkFactory.StepByStep(), Seed(), Options(), range).ToList();
        Assert.Equal(40, rows.Count);
        Network network = NetworkFactory.StepByStep();
        Matrix x = Matrix.FromRow(0.05, 0.10), y = Matrix.FromRow(0.01, 0.99);
        for (int s = 1; s <= rows.Count; s++)
        {
            Gradient g = Backpropagation.Backward(Backpropagation.Forward(network, x), y);
            Assert.Equal(s, rows[s - 1].Step);
            Assert.Equal(range.RateAt(s), rows[s - 1].LearningRate);
            Assert.Equal(g.Loss, rows[s - 1].Loss, 1e-12);
            network = new OptimizerSettings { LearningRate = range.RateAt(s) }.Create().Step(g);
        }
        // The seed's own first loss, 0.298371108760003, printed by the seed program.
        Assert.Equal(0.298371108760003, rows[0].Loss, 1e-12);
    }

    [Fact]
    public void TheTestStopsAtTheBlowUpAndMarksIt()
    {
        var network = NetworkFactory.Random(new[] { 2, 8, 1 }, new[] { Activation.Tanh, Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 7);
        var data = Moons();
        var options = new TrainingOptions { BatchSize = 16, Loss = LossFunction.BinaryCrossEntropy, Shuffle = true, Seed = 3 };
        var range = new LearningRateRange { MinLearningRate = 1e-5, MaxLearningRate = 1e4, Steps = 300 };
        var rows = LearningRateFinder.Run(network, data, options, range).ToList();
        Assert.True(rows.Count < 300, $"{rows.Count} rows");
        Assert.True(rows[^1].Diverged);
        Assert.All(rows.Take(rows.Count - 1), r => Assert.False(r.Diverged));
        // The stop is the first step whose smoothed loss passes 4 times the best before it (or is not finite).
        double best = double.PositiveInfinity;
        foreach (var r in rows.Take(rows.Count - 1))
        {
            best = Math.Min(best, r.SmoothedLoss);
            Assert.False(r.SmoothedLoss > 4 * best);
        }
        Assert.True(!double.IsFinite(rows[^1].SmoothedLoss) || rows[^1].SmoothedLoss > 4 * best);
        var result = LearningRateFinder.Summarize(rows, range, OptimizerKind.Sgd);
        Assert.Equal(rows.Count, result.DivergedAtStep);
        Assert.NotNull(result.SuggestedLearningRate);
        Assert.InRange(result.SuggestedLearningRate.Value, range.MinLearningRate, rows[^1].LearningRate);
        Assert.True(result.Rows[result.SuggestedStep.Value - 1].Suggested);
        Assert.Single(result.Rows, r => r.Suggested);
    }

    [Fact]
    public void WithTheFactorOffTheTestStopsAtTheFirstNonFiniteLoss()
    {
        // y = 100 x on a one-weight linear network: large rates overshoot further at every step until the loss overflows.
        var network = NetworkFactory.Random(new[] { 1, 1 }, new[] { Activation.Linear }, BiasMode.PerNeuron, Initialization.Auto, 1);
        var data = new Dataset(new Matrix(2, 1, new[] { 1.0, 2.0 }), new Matrix(2, 1, new[] { 100.0, 200.0 }));
        var range = new LearningRateRange { MinLearningRate = 1e-3, MaxLearningRate = 1e3, Steps = 300, DivergenceFactor = 0 };
        var rows = LearningRateFinder.Run(network, data, new TrainingOptions { BatchSize = 0 }, range).ToList();
        Assert.True(rows.Count < 300);
        Assert.True(rows[^1].Diverged);
        Assert.False(double.IsFinite(rows[^1].SmoothedLoss));
        Assert.All(rows.Take(rows.Count - 1), r => Assert.True(double.IsFinite(r.SmoothedLoss) && !r.Diverged));
        // Far past 4 times its best before that: only the non-finite loss stopped it.
        Assert.True(rows[^2].SmoothedLoss > 4 * rows.Take(rows.Count - 1).Min(r => r.SmoothedLoss));
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Adam)]
    public void EveryOptimizerLeavesTheNetworkAndTheSettingsAsTheyWereAndRepeatsBitForBit(OptimizerKind kind)
    {
        var network = NetworkFactory.Random(new[] { 2, 8, 1 }, new[] { Activation.Tanh, Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 7);
        string before = NetworkJson.Serialize(network);
        var options = new TrainingOptions { BatchSize = 32, Loss = LossFunction.BinaryCrossEntropy, Shuffle = true, Seed = 1,
            Optimizer = new OptimizerSettings { Kind = kind, LearningRate = 0.123 } };
        var range = new LearningRateRange { MinLearningRate = 1e-6, MaxLearningRate = 10, Steps = 150 };
        var a = LearningRateFinder.Find(network, Moons(), options, range);
        var b = LearningRateFinder.Find(network, Moons(), options, range);
        Assert.Equal(before, NetworkJson.Serialize(network));
        Assert.Equal(0.123, options.Optimizer.LearningRate);
        Assert.Equal(a.Rows.Select(r => r.Loss), b.Rows.Select(r => r.Loss));
        Assert.Equal(kind, a.Optimizer);
        Assert.NotNull(a.SuggestedLearningRate);
        // Where the loss falls fastest, it has fallen below where it started.
        Assert.True(a.Rows[a.SuggestedStep.Value - 1].SmoothedLoss < a.Rows[0].SmoothedLoss);
    }

    [Theory]
    [InlineData(1.0, 1.0, 100, "InvalidLearningRateRange")]
    [InlineData(1.0, 0.1, 100, "InvalidLearningRateRange")]
    [InlineData(0.0, 1.0, 100, "InvalidLearningRate")]
    [InlineData(-1e-3, 1.0, 100, "InvalidLearningRate")]
    [InlineData(1e-3, double.PositiveInfinity, 100, "InvalidLearningRate")]
    [InlineData(1e-3, 1.0, 1, "InvalidStepCount")]
    public void BadRangesAreRefusedBeforeAnyStep(double min, double max, int steps, string errorId)
    {
        var range = new LearningRateRange { MinLearningRate = min, MaxLearningRate = max, Steps = steps };
        var e = Assert.Throws<BackpropException>(() => LearningRateFinder.Run(NetworkFactory.StepByStep(), Seed(), Options(), range));
        Assert.Equal(errorId, e.ErrorId);
    }

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

    private static Dataset Moons() => DatasetGenerator.Generate(DatasetName.Moons, 200, 0.1, 5);
}
