using System.Collections.Generic;
using System.Linq;
using System;
using BackpropPS.Core.Data;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>
/// The gradient-flow rows of a training run, each checked against a plain recomputation from the public API
/// (Backpropagation.Backward on the same batch, the networks of consecutive epochs), and what recording them costs.
/// </summary>
public class GradientFlowRecorderTests
{
    private static TrainingOptions Flow(int epochs, int batchSize, double learningRate, OptimizerKind kind = OptimizerKind.Sgd) => new()
    {
        Epochs = epochs, BatchSize = batchSize, GradientFlow = true,
        Optimizer = new OptimizerSettings { Kind = kind, LearningRate = learningRate },
    };

    private static Network Mixed() => NetworkFactory.Random(new[] { 2, 5, 4, 1 },
        new[] { Activation.Tanh, Activation.ReLU, Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 3);

    private static double Norm(IEnumerable<double> values) => Math.Sqrt(values.Sum(v => v * v));

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void GradientNormAndMeanAbsDeltaAreThoseOfTheBackwardPassOnTheSameBatch()
    {
        var data = DatasetGenerator.Generate(DatasetName.Moons, 40, 0.1, 2);
        var run = Trainer.Train(Mixed(), data, null, Flow(3, 0, 0.3)).ToList();
        Network before = Mixed();
        foreach (EpochResult epoch in run)
        {
            // One batch per epoch: the gradient of the whole set at the network the epoch started from.
            Gradient g = Backpropagation.Backward(Backpropagation.Forward(before, data.Inputs), data.Targets);
            Assert.Equal(3, epoch.GradientFlow.Count);
            for (int l = 0; l < 3; l++)
            {
                GradientFlowRow row = epoch.GradientFlow[l];
                Assert.Equal((epoch.Epoch, l + 1, before.Layers[l].OutputSize), (row.Epoch, row.Layer, row.Neurons));
                Close(Norm(g.WeightGradient[l]), row.GradientNorm);
                Close(g.Delta[l].Average(Math.Abs), row.MeanAbsDelta);
            }
            before = epoch.Network;
        }
    }

    [Fact]
    public void WithMiniBatchesGradientNormIsTheMeanOverTheBatchesOfEachBatchsNorm()
    {
        var data = DatasetGenerator.Generate(DatasetName.Circle, 30, 0.0, 4);
        EpochResult epoch = Trainer.Train(Mixed(), data, null, Flow(1, 8, 0.2)).Single();
        // The same epoch step by step through the immutable API: batches of 8, 8, 8 and 6 rows in order.
        Network network = Mixed();
        var norms = new double[3];
        double deltaSum0 = 0;
        int batches = 0;
        for (int start = 0; start < 30; start += 8, batches++)
        {
            int count = Math.Min(8, 30 - start);
            Matrix x = Matrix.FromRows(Enumerable.Range(start, count).Select(data.Inputs.GetRow).ToArray());
            Matrix y = Matrix.FromRows(Enumerable.Range(start, count).Select(data.Targets.GetRow).ToArray());
            Gradient g = Backpropagation.Backward(Backpropagation.Forward(network, x), y);
            for (int l = 0; l < 3; l++) norms[l] += Norm(g.WeightGradient[l]);
            deltaSum0 += g.Delta[0].Sum(Math.Abs);
            network = GradientDescent.Step(g, 0.2);
        }
        for (int l = 0; l < 3; l++) Assert.Equal(norms[l] / batches, epoch.GradientFlow[l].GradientNorm, 10);
        Assert.Equal(deltaSum0 / (30 * 5), epoch.GradientFlow[0].MeanAbsDelta, 10);
    }

    [Fact]
    public void UpdateRatioIsTheNormOfTheChangeBetweenConsecutiveNetworksOverTheNormBefore()
    {
        var data = DatasetGenerator.Generate(DatasetName.Gauss, 24, 0.1, 5);
        var run = Trainer.Train(Mixed(), data, null, Flow(4, 5, 0.05, OptimizerKind.Momentum)).ToList();
        Network before = Mixed();
        foreach (EpochResult epoch in run)
        {
            for (int l = 0; l < 3; l++)
            {
                double[] w0 = before.Layers[l].Weights.ToArray(), w1 = epoch.Network.Layers[l].Weights.ToArray();
                GradientFlowRow row = epoch.GradientFlow[l];
                Close(Norm(w0), row.WeightNorm);
                Close(Norm(w1.Zip(w0, (a, b) => a - b)), row.UpdateNorm);
                Close(Norm(w1.Zip(w0, (a, b) => a - b)) / Norm(w0), row.UpdateRatio);
            }
            before = epoch.Network;
        }
    }

    [Fact]
    public void ADeadReluIsOneWhoseZIsAtMostZeroForEverySampleOfTheEpoch()
    {
        // Inputs 1..4. Neuron 1: z = -x, dead. Neuron 2: z = x, alive. Neuron 3: z = x - 3.5, alive only for x = 4.
        var network = new Network(new[]
        {
            new Layer(1, 3, new[] { -1.0, 1.0, 1.0 }, new[] { 0.0, 0.0, -3.5 }, Activation.ReLU),
            new Layer(3, 1, new[] { 0.5, 0.5, 0.5 }, new[] { 0.0 }, Activation.Linear),
        });
        var data = new Dataset(new Matrix(4, 1, new[] { 1.0, 2.0, 3.0, 4.0 }), new Matrix(4, 1, new[] { 1.0, 2.0, 3.0, 4.0 }));
        var run = Trainer.Train(network, data, null, Flow(2, 1, 1e-6)).ToList();
        Assert.All(run, e => Assert.Equal(1.0 / 3, e.GradientFlow[0].DeadShare));
        // The dead neuron passes back nothing, so it never learns: its weight is the same after training.
        Assert.Equal(-1.0, run[^1].Network.Layers[0].Weights[0, 0]);
        // Not a ReLU layer: no dead share, and no saturated share for Linear either.
        Assert.Null(run[0].GradientFlow[1].DeadShare);
        Assert.Null(run[0].GradientFlow[1].SaturatedShare);
        Assert.Null(run[0].GradientFlow[0].SaturatedShare);
    }

    [Theory]
    [InlineData(Activation.Sigmoid, 0.01)]
    [InlineData(Activation.Tanh, 0.01)]
    [InlineData(Activation.Sigmoid, 0.2)]
    public void TheSaturatedShareCountsSampleNeuronPairsWhoseDerivativeIsBelowTheThreshold(Activation f, double threshold)
    {
        double[] x = { -6, -1, 0.5, 2, 8 }, w = { 1.0, 0.3, 2.0 };
        var network = new Network(new[]
        {
            new Layer(1, 3, w, new[] { 0.0, 0.0, 0.0 }, f),
            new Layer(3, 1, new[] { 0.1, 0.1, 0.1 }, new[] { 0.0 }, Activation.Linear),
        });
        var data = new Dataset(new Matrix(5, 1, x), new Matrix(5, 1, new double[5]));
        var options = Flow(1, 0, 0.1);
        options.SaturationThreshold = threshold;
        GradientFlowRow row = Trainer.Train(network, data, null, options).Single().GradientFlow[0];
        // The derivative at z = w x from its textbook formula, counted by hand.
        Func<double, double> derivative = f == Activation.Sigmoid
            ? z => Math.Exp(-z) / ((1 + Math.Exp(-z)) * (1 + Math.Exp(-z)))
            : z => 1 - Math.Tanh(z) * Math.Tanh(z);
        int saturated = x.Sum(xi => w.Count(wj => derivative(wj * xi) < threshold));
        Assert.InRange(saturated, 1, 14);
        Assert.Equal(saturated / 15.0, row.SaturatedShare);
        Assert.Null(row.DeadShare);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd, 0, false)]
    [InlineData(OptimizerKind.Adam, 7, true)]
    public void RecordingTheFlowChangesNoTrainedNumber(OptimizerKind kind, int batchSize, bool shuffle)
    {
        var data = DatasetGenerator.Generate(DatasetName.Spiral, 50, 0.05, 6);
        var (training, validation) = data.Split(0.2, 6);
        TrainingOptions Options(bool flow) => new()
        {
            Epochs = 8, BatchSize = batchSize, Shuffle = shuffle, Seed = 9, GradientFlow = flow,
            Optimizer = new OptimizerSettings { Kind = kind, LearningRate = 0.05 },
        };
        var off = Trainer.Train(Mixed(), training, validation, Options(false)).ToList();
        var on = Trainer.Train(Mixed(), training, validation, Options(true)).ToList();
        Assert.All(off, e => Assert.Empty(e.GradientFlow));
        Assert.All(on, e => Assert.Equal(3, e.GradientFlow.Count));
        Assert.Equal(off.Select(e => (e.Loss, e.ValidationLoss, e.Accuracy, e.GradientNorm)), on.Select(e => (e.Loss, e.ValidationLoss, e.Accuracy, e.GradientNorm)));
        Assert.Equal(off.Select(e => NetworkJson.Serialize(e.Network)), on.Select(e => NetworkJson.Serialize(e.Network)));
    }

    [Fact]
    public void RecordingAStepAllocatesNothingOnceWarm()
    {
        Network network = NetworkFactory.Random(new[] { 20, 16, 12, 8, 3 },
            new[] { Activation.Sigmoid, Activation.ReLU, Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 7);
        var random = new Random(3);
        var x = new double[64 * 20];
        for (int k = 0; k < x.Length; k++) x[k] = random.NextDouble() - 0.5;
        var y = new double[64 * 3];
        for (int r = 0; r < 64; r++) y[r * 3 + r % 3] = 1;
        var data = new Dataset(new Matrix(64, 20, x), new Matrix(64, 3, y));
        int[] order = Enumerable.Range(0, 64).Reverse().ToArray();
        Optimizer optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam }.Create();
        var workspace = new TrainingWorkspace<double>(network, 32, BackpropPS.Core.Kernels.Engine.Path, 1);
        var flow = new GradientFlowRecorder(network, 0.01);
        var totals = new Trainer.EpochTotals();
        flow.BeginEpoch(workspace);
        void Step() => Trainer.Step(workspace, optimizer, network, data, order, 32, 32, LossFunction.CrossEntropy, AccuracyKind.ArgMax, ref totals, flow);
        Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++) Step();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(4, flow.EndEpoch(1, workspace).Length);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ASaturationThresholdOutsideZeroToOneIsRefused(double threshold)
    {
        var options = Flow(1, 0, 0.1);
        options.SaturationThreshold = threshold;
        var e = Assert.Throws<BackpropException>(() => Trainer.Train(Mixed(), DatasetGenerator.Xor(), null, options));
        Assert.Equal("InvalidSaturationThreshold", e.ErrorId);
    }

    [Fact]
    public void InADeepSigmoidNetworkTheFirstLayersGradientIsOrdersOfMagnitudeBelowTheLast()
    {
        var data = DatasetGenerator.Generate(DatasetName.Circle, 100, 0.0, 1);
        double Ratio(Activation f)
        {
            var network = NetworkFactory.Random(new[] { 2, 8, 8, 8, 8, 8, 8, 1 }, Enumerable.Repeat(f, 6).Append(Activation.Sigmoid).ToArray(),
                BiasMode.PerNeuron, Initialization.Auto, 1);
            var rows = Trainer.Train(network, data, null, Flow(1, 20, 0.5)).Single().GradientFlow;
            return rows[^1].GradientNorm / rows[0].GradientNorm;
        }
        Assert.True(Ratio(Activation.Sigmoid) > 1000, $"sigmoid {Ratio(Activation.Sigmoid)}");
        Assert.True(Ratio(Activation.Tanh) < 10, $"tanh {Ratio(Activation.Tanh)}");
        Assert.True(Ratio(Activation.ReLU) < 10, $"relu {Ratio(Activation.ReLU)}");
    }
}
