using System;
using System.Linq;
using BackpropPS.Core.Kernels;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Data;

/// <summary>
/// A data set over a caller's rows (Dataset.OverRows, what Invoke-BackpropTraining makes of a double[][]): read where
/// they are, trained on batch by batch through the workspace's copy, it gives the same epochs, bit for bit, as the
/// same rows copied into one matrix; anything else that asks for its inputs gets that matrix.
/// </summary>
public class DatasetOverRowsTests
{
    private static double[][] Rows(int samples, int width, long seed)
    {
        var random = new SeededRandom(seed);
        return Enumerable.Range(0, samples).Select(_ => Enumerable.Range(0, width).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
    }

    private static Matrix OneHot(int samples, int classes, long seed)
    {
        var random = new SeededRandom(seed);
        var y = new double[samples * classes];
        for (int s = 0; s < samples; s++) y[s * classes + random.NextInt(classes)] = 1.0;
        return new Matrix(samples, classes, y);
    }

    [Fact]
    public void ItCountsAndShowsItsRowsWithoutChangingThem()
    {
        double[][] rows = Rows(5, 3, 1);
        Dataset data = Dataset.OverRows(rows, OneHot(5, 2, 2));
        Assert.Equal(5, data.Count);
        Assert.Equal(3, data.InputColumns);
        Assert.Equal(Precision.Double, data.Precision);
        Assert.Same(rows, data.InputRows);
        Assert.Equal(Matrix.FromRows(rows).ToArray(), data.Inputs.ToArray());
        Assert.Same(data.Inputs, data.Inputs);
        Assert.Equal(Precision.Single, data.WithPrecision(Precision.Single).Precision);
    }

    [Fact]
    public void ItRefusesWhatTheMatrixConstructorRefuses()
    {
        Assert.Equal("EmptyData", Assert.Throws<BackpropException>(() => Dataset.OverRows(new double[0][], new Matrix(0, 1, new double[0]))).ErrorId);
        Assert.Equal("BatchSizeMismatch", Assert.Throws<BackpropException>(() => Dataset.OverRows(Rows(3, 2, 1), OneHot(2, 2, 1))).ErrorId);
    }

    [Theory]
    [InlineData(false, 0, Precision.Double)]
    [InlineData(true, 0, Precision.Double)]
    [InlineData(true, 1, Precision.Double)]
    [InlineData(true, 0, Precision.Single)]
    public void TrainingOnTheRowsGivesTheEpochsOfTheirMatrixBitForBit(bool shuffle, int threads, Precision precision)
    {
        double[][] rows = Rows(200, 30, 3);
        Matrix targets = OneHot(200, 4, 4);
        Network network = NetworkFactory.Random(new[] { 30, 24, 4 }, new[] { Activation.ReLU, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 5);
        var options = new TrainingOptions
        {
            Epochs = 3, BatchSize = 32, Shuffle = shuffle, Seed = 6, Threads = threads, Precision = precision,
            Loss = LossFunction.CrossEntropy, Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 0.01 },
        };
        EpochResult[] viaRows = Trainer.Train(network, Dataset.OverRows(rows, targets), null, options).ToArray();
        EpochResult[] viaMatrix = Trainer.Train(network, new Dataset(Matrix.FromRows(rows), targets), null, options).ToArray();
        Assert.Equal(viaMatrix.Select(e => e.Loss), viaRows.Select(e => e.Loss));
        Assert.Equal(viaMatrix.Select(e => e.Accuracy), viaRows.Select(e => e.Accuracy));
        for (int l = 0; l < network.Layers.Count; l++)
        {
            Assert.Equal(viaMatrix[^1].Network.Layers[l].Weights.ToArray(), viaRows[^1].Network.Layers[l].Weights.ToArray());
            Assert.Equal(viaMatrix[^1].Network.Layers[l].Biases.ToArray(), viaRows[^1].Network.Layers[l].Biases.ToArray());
        }
    }

    [Theory]
    [InlineData(double.NaN, "NonFiniteInput")]
    [InlineData(double.PositiveInfinity, "NonFiniteInput")]
    public void TrainingChecksTheRowsAsItChecksAMatrix(double bad, string errorId)
    {
        double[][] rows = Rows(10, 3, 7);
        rows[9][2] = bad;
        Network network = NetworkFactory.Random(new[] { 3, 4, 2 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 5);
        var options = new TrainingOptions { Epochs = 1, BatchSize = 5, Loss = LossFunction.CrossEntropy };
        var e = Assert.Throws<BackpropException>(() => Trainer.Train(network, Dataset.OverRows(rows, OneHot(10, 2, 8)), null, options).ToArray());
        Assert.Equal(errorId, e.ErrorId);
        var wide = Assert.Throws<BackpropException>(() => Trainer.Train(network, Dataset.OverRows(Rows(10, 4, 7), OneHot(10, 2, 8)), null, options).ToArray());
        Assert.Equal("InputSizeMismatch", wide.ErrorId);
    }

    [Fact]
    public void AStepOnGatheredRowsAllocatesNothingOnceWarm()
    {
        Network network = NetworkFactory.Random(new[] { 784, 64, 10 }, new[] { Activation.ReLU, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 7);
        Dataset data = Dataset.OverRows(Rows(64, 784, 9), OneHot(64, 10, 10));
        int[] order = Enumerable.Range(0, 64).Reverse().ToArray();
        Optimizer optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam }.Create();
        var workspace = new TrainingWorkspace<double>(network, 32, Engine.Path, 0, gatherWidth: 784);
        void Step()
        {
            workspace.ComputeGradient(data, order, 32, 32, LossFunction.CrossEntropy);
            optimizer.Step(workspace, network);
        }
        for (int i = 0; i < 10; i++) Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++) Step();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
