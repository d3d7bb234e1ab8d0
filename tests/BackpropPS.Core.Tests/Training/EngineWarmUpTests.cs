using System.Linq;
using System.Threading;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>
/// The warm-up the module runs on a background thread when it is imported: it must run (the module keeps its errors
/// to itself, so only a test sees one), and a run made while it goes must not change by a bit.
/// </summary>
public class EngineWarmUpTests
{
    [Fact]
    public void RunsEveryOptimizerInBothPrecisionsWithoutAnError() => EngineWarmUp.Run();

    [Fact]
    public void ARunBesideTheWarmUpGivesTheSameBitsAsARunAlone()
    {
        // Wide enough that its products are split over the kernel workers, which the warm-up wants as well.
        Network network = NetworkFactory.Random(new[] { 64, 96, 4 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 3);
        var random = new SeededRandom(4);
        var inputs = new double[256 * 64];
        var targets = new double[256 * 4];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = random.NextDouble(-1, 1);
        for (int s = 0; s < 256; s++) targets[s * 4 + s % 4] = 1;
        var data = new Dataset(new Matrix(256, 64, inputs), new Matrix(256, 4, targets));
        var options = new TrainingOptions
        {
            Epochs = 3, BatchSize = 64, Loss = LossFunction.CrossEntropy, Shuffle = true, Seed = 5,
            Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 0.01 },
        };
        EpochResult alone = Trainer.Train(network, data, null, options).Last();

        using var stop = new CancellationTokenSource();
        var warmUps = new Thread(() => { while (!stop.IsCancellationRequested) EngineWarmUp.Run(); });
        warmUps.Start();
        try
        {
            for (int run = 0; run < 5; run++)
            {
                EpochResult beside = Trainer.Train(network, data, null, options).Last();
                Assert.Equal(alone.Loss, beside.Loss);
                for (int l = 0; l < network.Layers.Count; l++)
                {
                    Assert.Equal(alone.Network.Layers[l].Weights, beside.Network.Layers[l].Weights);
                    Assert.Equal(alone.Network.Layers[l].Biases, beside.Network.Layers[l].Biases);
                }
            }
        }
        finally
        {
            stop.Cancel();
            warmUps.Join();
        }
    }
}
