using System;
using System.Linq;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Kernels;
using BackpropPS.Core.Tests.Kernels;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>
/// The float32 workspace and run: a step allocates nothing once warm, a run is the same with one thread as with two,
/// its gradient is the double one's within float32's rounding, it reads a data set of doubles as the same run on the
/// data rounded once, and what it shows (epoch rows, networks) says Single and holds floats widened exactly.
/// Run alone, for the reason <see cref="TrainingWorkspaceTests"/> gives.
/// </summary>
[Collection(nameof(TrainingWorkspaceTests))]
public class TrainingWorkspaceSingleTests
{
    private static Network Network(int inputs, int hidden, int outputs, Activation activation = Activation.Tanh) =>
        NetworkFactory.Random(new[] { inputs, hidden, outputs }, new[] { activation, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 7);

    private static Dataset Data(int samples, int inputs, int outputs, long seed)
    {
        var random = new SeededRandom(seed);
        var x = KernelPaths.Random(random, samples * inputs);
        var y = new double[samples * outputs];
        for (int s = 0; s < samples; s++) y[s * outputs + random.NextInt(outputs)] = 1.0;
        return new Dataset(new Matrix(samples, inputs, x), new Matrix(samples, outputs, y));
    }

    [Fact]
    public void AStepAllocatesNothingOnceWarm()
    {
        Network network = Network(784, 64, 10, Activation.ReLU);
        Dataset data = Data(64, 784, 10, 4).WithPrecision(Precision.Single);
        int[] order = Enumerable.Range(0, 64).Reverse().ToArray();
        Optimizer optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam }.Create();
        var workspace = new TrainingWorkspace<float>(network, 32, Engine.Path, 0);
        void Step()
        {
            workspace.ComputeGradient(data, order, 32, 32, LossFunction.CrossEntropy);
            workspace.GradientNorm();
            workspace.CountCorrect(AccuracyKind.ArgMax);
            optimizer.Step(workspace, network);
        }
        for (int i = 0; i < 10; i++) Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++) Step();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void ARunIsTheSameWithOneThreadAsWithTwo(OptimizerKind kind)
    {
        Network network = Network(300, 64, 10);
        Dataset data = Data(96, 300, 10, 5);
        var (training, validation) = data.Split(0.25, 1);
        TrainingOptions Options(int threads) => new()
        {
            Epochs = 3, BatchSize = 24, Shuffle = true, Seed = 2, Loss = LossFunction.CrossEntropy, Threads = threads, Precision = Precision.Single,
            Optimizer = new OptimizerSettings { Kind = kind, LearningRate = 0.01 },
        };
        var one = Trainer.Train(network, training, validation, Options(1)).ToList();
        var two = Trainer.Train(network, training, validation, Options(2)).ToList();
        Assert.Equal(one.Select(e => e.Loss), two.Select(e => e.Loss));
        Assert.Equal(one.Select(e => e.ValidationLoss), two.Select(e => e.ValidationLoss));
        Assert.Equal(NetworkJson.Serialize(one[^1].Network), NetworkJson.Serialize(two[^1].Network));
        Assert.All(one, e => Assert.Equal(Precision.Single, e.Precision));
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.ReLU)]
    public void TheGradientIsTheDoubleOneWithinFloatRounding(Activation activation)
    {
        Network network = Network(100, 40, 10, activation);
        Dataset data = Data(48, 100, 10, 6);
        var single = new TrainingWorkspace<float>(network, 48, Engine.Path, 0);
        var exact = new TrainingWorkspace<double>(network, 48, Engine.Path, 0);
        double loss = single.ComputeGradient(data.WithPrecision(Precision.Single), null, 0, 48, LossFunction.CrossEntropy);
        double expected = exact.ComputeGradient(data, null, 0, 48, LossFunction.CrossEntropy);
        Assert.Equal(expected, loss, 1e-5 * expected);
        // Sums of about a hundred products, rounded to float: within 1e-4 of each layer's largest gradient.
        for (int l = 0; l < network.Layers.Count; l++)
        {
            double scale = exact.WeightGradient[l].Max(Math.Abs);
            Assert.All(Enumerable.Range(0, exact.WeightGradient[l].Length),
                k => Assert.True(Math.Abs(single.WeightGradient[l][k] - exact.WeightGradient[l][k]) <= 1e-4 * scale));
        }
    }

    [Fact]
    public void DataOfDoublesTrainsAsTheSameDataRoundedOnce()
    {
        Network network = Network(30, 16, 4);
        Dataset data = Data(64, 30, 4, 8);
        var options = new TrainingOptions
        {
            Epochs = 2, BatchSize = 16, Shuffle = true, Seed = 3, Loss = LossFunction.CrossEntropy, Precision = Precision.Single,
            Optimizer = new OptimizerSettings { Kind = OptimizerKind.Momentum, LearningRate = 0.05 },
        };
        EpochResult fromDoubles = Trainer.Train(network, data, null, options).Last();
        EpochResult fromSingles = Trainer.Train(network, data.WithPrecision(Precision.Single), null, options).Last();
        Assert.Equal(NetworkJson.Serialize(fromSingles.Network), NetworkJson.Serialize(fromDoubles.Network));
        Assert.Equal(fromSingles.Loss, fromDoubles.Loss);
        // The snapshot is the float weights widened: every one is a float.
        Assert.All(fromDoubles.Network.Layers.SelectMany(l => l.Weights), w => Assert.Equal(w, (double)(float)w));
        // A double run of the same data is another run.
        options.Precision = Precision.Double;
        Assert.NotEqual(fromSingles.Loss, Trainer.Train(network, data, null, options).Last().Loss);
    }

    [Fact]
    public void TheLearningRateTestRunsInFloat32Too()
    {
        Network network = Network(20, 16, 3);
        Dataset data = Data(120, 20, 3, 9);
        var options = new TrainingOptions { BatchSize = 10, Loss = LossFunction.CrossEntropy, Precision = Precision.Single };
        var range = new LearningRateRange { MinLearningRate = 1e-4, MaxLearningRate = 1, Steps = 30 };
        var single = LearningRateFinder.Run(network, data, options, range).ToList();
        options.Precision = Precision.Double;
        var exact = LearningRateFinder.Run(network, data, options, range).ToList();
        Assert.Equal(exact.Count, single.Count);
        Assert.Equal(exact[0].Loss, single[0].Loss, 1e-5 * exact[0].Loss);
        Assert.NotEqual(exact[0].Loss, single[0].Loss);
    }

    [Fact]
    public void PredictionInFloat32IsThePredictionInDoubleWithinFloatRounding()
    {
        Network network = Network(50, 30, 5);
        Dataset data = Data(700, 50, 5, 10);
        int[] rows = Enumerable.Range(0, data.Count).Reverse().ToArray();
        var exact = DatasetPrediction.Forward(network, data, rows).ToList();
        var single = DatasetPrediction.Forward(network, data.WithPrecision(Precision.Single), rows, Precision.Single).ToList();
        Assert.Equal(exact.Select(c => c.Start), single.Select(c => c.Start));
        for (int c = 0; c < exact.Count; c++)
            Assert.All(Enumerable.Range(0, exact[c].Output.Count), k => Assert.Equal(exact[c].Output[k], single[c].Output[k], 1e-5));
        Assert.NotEqual(exact[0].Output.ToArray(), single[0].Output.ToArray());
    }
}
