using System.Linq;
using System.Threading;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>The training loop: convergence, determinism, early stopping, failure and cancellation.</summary>
public class TrainerTests
{
    private static Network XorNetwork() =>
        NetworkFactory.Random(new[] { 2, 4, 1 }, new[] { Activation.Tanh, Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 1);

    private static TrainingOptions Adam(int epochs) => new()
    {
        Epochs = epochs, BatchSize = 4, Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 0.05 },
    };

    [Fact]
    public void XorIsLearned()
    {
        var last = Trainer.Train(XorNetwork(), DatasetGenerator.Xor(), null, Adam(500)).Last();
        Assert.True(last.Loss < 0.01, $"loss {last.Loss}");
        Assert.Equal(1.0, last.Accuracy);
    }

    [Fact]
    public void TheSameSeedGivesTheSameRunBitForBit()
    {
        var data = DatasetGenerator.Generate(DatasetName.Moons, 60, 0.1, 3);
        var (training, validation) = data.Split(0.25, 3);
        var options = new TrainingOptions { Epochs = 20, BatchSize = 8, Shuffle = true, Seed = 5 };
        var a = Trainer.Train(XorNetwork(), training, validation, options).ToList();
        var b = Trainer.Train(XorNetwork(), training, validation, options).ToList();
        Assert.Equal(a.Select(e => e.Loss), b.Select(e => e.Loss));
        Assert.Equal(a.Select(e => e.ValidationLoss), b.Select(e => e.ValidationLoss));
        Assert.Equal(NetworkJson.Serialize(a[^1].Network), NetworkJson.Serialize(b[^1].Network));
    }

    [Fact]
    public void EarlyStoppingEndsAfterPatienceEpochsWithoutImprovement()
    {
        var runs = Trainer.Train(XorNetwork(), DatasetGenerator.Xor(), null,
            new TrainingOptions { Epochs = 1000, BatchSize = 4, Patience = 3, Optimizer = new OptimizerSettings { LearningRate = 50 } }).ToList();
        Assert.True(runs.Count < 1000);
        double best = runs.Take(runs.Count - 3).Min(e => e.Loss);
        Assert.All(runs.Skip(runs.Count - 3), e => Assert.True(e.Loss >= best));
    }

    [Fact]
    public void ANonFiniteLossStopsWithAnErrorNamingTheEpochAfterTheLastFiniteOne()
    {
        var network = NetworkFactory.Random(new[] { 1, 1 }, new[] { Activation.Linear }, BiasMode.PerNeuron, Initialization.Auto, 1);
        var data = new Dataset(new Matrix(2, 1, new[] { 1.0, 2.0 }), new Matrix(2, 1, new[] { 100.0, 200.0 }));
        var seen = new System.Collections.Generic.List<EpochResult>();
        var e = Assert.Throws<BackpropException>(() =>
        {
            // The divergence check off, so that the run goes on until the loss itself overflows.
            foreach (var epoch in Trainer.Train(network, data, null, new TrainingOptions
                { Epochs = 1000, DivergenceFactor = 0, Optimizer = new OptimizerSettings { LearningRate = 10 } }))
                seen.Add(epoch);
        });
        Assert.Equal("NonFiniteLoss", e.ErrorId);
        Assert.NotEmpty(seen);
        Assert.All(seen, epoch => Assert.True(double.IsFinite(epoch.Loss)));
        Assert.Contains($"epoch {seen.Count + 1}", e.Message);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Adam)]
    public void ARunThatBlowsUpStopsWithTrainingDivergedNamingTheEpochAndTheLearningRate(OptimizerKind kind)
    {
        // Iris-like: 4 inputs, 3 classes, a learning rate of a million. The loss grows but need not reach infinity.
        var network = NetworkFactory.Random(new[] { 4, 8, 3 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 3);
        var random = new SeededRandom(1);
        var x = Enumerable.Range(0, 120).Select(_ => random.NextDouble(0, 8)).ToArray();
        var y = new double[90];
        for (int s = 0; s < 30; s++) y[s * 3 + s % 3] = 1;
        var data = new Dataset(new Matrix(30, 4, x), new Matrix(30, 3, y));
        var options = new TrainingOptions { Epochs = 300, BatchSize = 16, Loss = LossFunction.CrossEntropy, Optimizer = new OptimizerSettings { Kind = kind, LearningRate = 1e6 } };
        var seen = new System.Collections.Generic.List<EpochResult>();
        var e = Assert.Throws<BackpropException>(() => { foreach (var epoch in Trainer.Train(network, data, null, options)) seen.Add(epoch); });
        Assert.Equal("TrainingDiverged", e.ErrorId);
        Assert.Contains($"epoch {seen.Count + 1}", e.Message);
        Assert.Contains("learning rate of 1000000", e.Message);
        Assert.True(seen.Count < 300);
        Assert.All(seen, epoch => Assert.True(epoch.Loss < 1000 * 1.2 && NetworkJson.Serialize(epoch.Network) != null));

        // With the check off, the same run goes on: the user asked for it.
        options.DivergenceFactor = 0;
        options.Epochs = 5;
        Assert.Equal(5, Trainer.Train(network, data, null, options).TakeWhile(r => double.IsFinite(r.Loss)).Count());
    }

    [Fact]
    public void AStepThatOverflowsTheWeightsIsNeverEmitted()
    {
        // A learning rate of 1.7e308 on gradients of thousands turns the weight infinite in the first update,
        // while the loss of that epoch (taken before the update) is finite: no epoch may carry the weight.
        var network = new Network(new[] { new Layer(1, 1, new[] { 0.5 }, new[] { 0.1 }, Activation.Linear) });
        var data = new Dataset(new Matrix(2, 1, new[] { 10.0, 20.0 }), new Matrix(2, 1, new[] { 1000.0, 2000.0 }));
        var options = new TrainingOptions { Epochs = 3, BatchSize = 0, DivergenceFactor = 0, Optimizer = new OptimizerSettings { LearningRate = 1.7e308 } };
        var seen = new System.Collections.Generic.List<EpochResult>();
        var e = Assert.Throws<BackpropException>(() => { foreach (var epoch in Trainer.Train(network, data, null, options)) seen.Add(epoch); });
        Assert.Equal("TrainingDiverged", e.ErrorId);
        Assert.Contains("weights became infinite or NaN", e.Message);
        Assert.Empty(seen);
    }

    [Fact]
    public void ADivergenceFactorMustBeZeroOrAboveOne()
    {
        foreach (double bad in new[] { -1, 0.5, 1, double.NaN, double.PositiveInfinity })
        {
            var options = new TrainingOptions { DivergenceFactor = bad };
            Assert.Equal("InvalidDivergenceFactor", Assert.Throws<BackpropException>(() => Trainer.Train(XorNetwork(), DatasetGenerator.Xor(), null, options)).ErrorId);
        }
    }

    [Fact]
    public void CancellationEndsTheRunQuietly()
    {
        using var stop = new CancellationTokenSource();
        var seen = Trainer.Train(XorNetwork(), DatasetGenerator.Xor(), null, Adam(1000), stop.Token)
            .TakeWhile(e => { if (e.Epoch == 5) stop.Cancel(); return true; }).ToList();
        Assert.Equal(5, seen.Count);
    }

    [Fact]
    public void TheNetworkKeepsItsSchemaThroughTraining()
    {
        var schema = new DataSchema(new[] { "a", "b" }, new[] { "y" });
        var last = Trainer.Train(XorNetwork().WithSchema(schema), DatasetGenerator.Xor(), null, Adam(2)).Last();
        Assert.Same(schema, last.Network.Schema);
    }
}
