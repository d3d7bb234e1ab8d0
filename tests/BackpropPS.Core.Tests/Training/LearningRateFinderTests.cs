using System.Linq;
using System;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>The learning-rate range test: each step's loss, the blow-up stop, immutability, and bad ranges refused before any step.</summary>
public class LearningRateFinderTests
{
    private static Dataset Seed() => new(new Matrix(1, 2, new[] { 0.05, 0.10 }), new Matrix(1, 2, new[] { 0.01, 0.99 }));

    private static TrainingOptions Options(OptimizerKind kind = OptimizerKind.Sgd, int batch = 0) => new()
    {
        BatchSize = batch, Loss = LossFunction.HalfSquaredError, Optimizer = new OptimizerSettings { Kind = kind, LearningRate = 0.5 },
    };

    [Fact]
    public void EachRowsLossIsTheSeedNetworksLossAfterTheEarlierStepsAtTheirRates()
    {
        // Independently: SGD steps with Optimizer.Step on immutable networks, one fresh optimizer per rate.
        var range = new LearningRateRange { MinLearningRate = 1e-3, MaxLearningRate = 100, Steps = 40, BlowUpFactor = 0 };
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
        var range = new LearningRateRange { MinLearningRate = 1e-3, MaxLearningRate = 1e3, Steps = 300, BlowUpFactor = 0 };
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

    private static Dataset Moons() => DatasetGenerator.Generate(DatasetName.Moons, 200, 0.1, 5);
}
