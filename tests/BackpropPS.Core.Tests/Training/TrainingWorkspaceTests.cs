using System.Linq;
using System;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Kernels;
using BackpropPS.Core.Tests.Kernels;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>
/// The training workspace computes what the public passes compute, bit for bit, while allocating nothing
/// per step; the in-place optimizer step equals the one that returns a new network; and a whole run is
/// the same with one thread as with two.
/// Run alone: while another test holds the kernel workers, a step runs every part on its own thread, whose
/// thread-static packing buffers may then grow, so "allocates nothing" would depend on what runs beside it.
/// </summary>
[Collection(nameof(TrainingWorkspaceTests))]
public class TrainingWorkspaceTests
{
    private static Network Network(int inputs, int hidden, int outputs, BiasMode bias = BiasMode.PerNeuron) =>
        NetworkFactory.Random(new[] { inputs, hidden, outputs }, new[] { Activation.Tanh, Activation.Softmax }, bias, Initialization.Auto, 7);

    private static Dataset Data(int samples, int inputs, int outputs, long seed)
    {
        var random = new SeededRandom(seed);
        var x = KernelPaths.Random(random, samples * inputs);
        var y = new double[samples * outputs];
        for (int s = 0; s < samples; s++) y[s * outputs + random.NextInt(outputs)] = 1.0;
        return new Dataset(new Matrix(samples, inputs, x), new Matrix(samples, outputs, y));
    }

    [Theory]
    [InlineData(5, 7, 3, BiasMode.PerNeuron)]
    [InlineData(60, 50, 10, BiasMode.Shared)]
    [InlineData(100, 40, 4, BiasMode.None)]
    public void AShuffledBatchGivesTheGradientOfThePublicPassesBitForBit(int inputs, int hidden, int outputs, BiasMode bias)
    {
        Network network = Network(inputs, hidden, outputs, bias);
        Dataset data = Data(40, inputs, outputs, 1);
        int[] order = Enumerable.Range(0, 40).ToArray();
        new SeededRandom(2).Shuffle(order);
        var workspace = new TrainingWorkspace<double>(network, 16, Engine.Path, 0);

        double loss = workspace.ComputeGradient(data, order, 8, 16, LossFunction.CrossEntropy);

        Dataset batch = data.Rows(order, 8, 16);
        Gradient expected = Backpropagation.Backward(Backpropagation.Forward(network, batch.Inputs), batch.Targets, LossFunction.CrossEntropy);
        Assert.Equal(expected.Loss, loss);
        for (int l = 0; l < network.Layers.Count; l++)
        {
            Assert.Equal(expected.WeightGradient[l].ToArray(), workspace.WeightGradient[l]);
            Assert.Equal(expected.BiasGradient[l].ToArray(), workspace.BiasGradient[l]);
        }
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Adam)]
    public void TheInPlaceStepEqualsTheStepThatReturnsANetwork(OptimizerKind kind)
    {
        // 7 inputs and 5 neurons: vectors and scalar tails both take part.
        Network network = Network(7, 5, 3);
        Dataset data = Data(12, 7, 3, 3);
        var settings = new OptimizerSettings { Kind = kind, LearningRate = 0.1, WeightDecay = 0.01, Nesterov = true };
        Optimizer inPlace = settings.Create(), returning = settings.Create();
        var workspace = new TrainingWorkspace<double>(network, 12, Engine.Path, 0);
        Network expected = network;
        for (int step = 0; step < 3; step++)
        {
            workspace.ComputeGradient(data, null, 0, 12, LossFunction.CrossEntropy);
            inPlace.Step(workspace, network);
            expected = returning.Step(Backpropagation.Backward(Backpropagation.Forward(expected, data.Inputs), data.Targets, LossFunction.CrossEntropy));
        }
        Network actual = workspace.Snapshot();
        for (int l = 0; l < network.Layers.Count; l++)
        {
            Assert.Equal(expected.Layers[l].Weights.ToArray(), actual.Layers[l].Weights.ToArray());
            Assert.Equal(expected.Layers[l].Biases.ToArray(), actual.Layers[l].Biases.ToArray());
        }
    }

    [Fact]
    public void AStepAllocatesNothingOnceWarm()
    {
        Network network = Network(784, 64, 10);
        Dataset data = Data(64, 784, 10, 4);
        int[] order = Enumerable.Range(0, 64).Reverse().ToArray();
        Optimizer optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam }.Create();
        var workspace = new TrainingWorkspace<double>(network, 32, Engine.Path, 0);
        void Step()
        {
            workspace.ComputeGradient(data, order, 32, 32, LossFunction.CrossEntropy);
            workspace.GradientNorm();
            workspace.CountCorrect(AccuracyKind.ArgMax);
            optimizer.Step(workspace, network);
        }
        // Warm: past the runtime's one-time work (tiering up, a lock's first contention), which a loaded machine
        // can delay into the first steps; a step that allocates would allocate in every step after it too.
        for (int i = 0; i < 10; i++) Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++) Step();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ARunIsTheSameWithOneThreadAsWithTwo()
    {
        // Layers wide enough that their products are split over two threads.
        Network network = Network(300, 64, 10);
        Dataset data = Data(96, 300, 10, 5);
        var (training, validation) = data.Split(0.25, 1);
        TrainingOptions Options(int threads) => new()
        {
            Epochs = 3, BatchSize = 24, Shuffle = true, Seed = 2, Loss = LossFunction.CrossEntropy, Threads = threads,
            Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 0.01 },
        };
        var one = Trainer.Train(network, training, validation, Options(1)).ToList();
        var two = Trainer.Train(network, training, validation, Options(2)).ToList();
        Assert.Equal(one.Select(e => e.Loss), two.Select(e => e.Loss));
        Assert.Equal(one.Select(e => e.ValidationLoss), two.Select(e => e.ValidationLoss));
        Assert.Equal(NetworkJson.Serialize(one[^1].Network), NetworkJson.Serialize(two[^1].Network));
        Assert.NotEqual(NetworkJson.Serialize(network), NetworkJson.Serialize(one[^1].Network));
    }
}

/// <summary>Runs <see cref="TrainingWorkspaceTests"/> after the parallel tests, with nothing else at the same time.</summary>
[CollectionDefinition(nameof(TrainingWorkspaceTests), DisableParallelization = true)]
public class TrainingWorkspaceTestsCollection
{
}
