using System.Collections.Generic;
using System.Linq;
using System;

namespace BackpropPS.Core.Tests;

/// <summary>
/// The passes against finite differences: backprop matches central differences for every hidden activation x
/// output activation x loss x bias mode that fits together, on small random networks and batches; and a batch's
/// gradient is the mean of its samples' gradients.
/// </summary>
public class BackpropagationTests
{
    private const double Step = 1e-6;

    public static IEnumerable<object[]> Cases() =>
        from hidden in Enum.GetValues<Activation>()
        from output in Enum.GetValues<Activation>()
        from loss in Enum.GetValues<LossFunction>()
        from bias in Enum.GetValues<BiasMode>()
        where Fits(loss, output)
        select new object[] { hidden, output, loss, bias };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BackpropMatchesCentralDifferences(Activation hidden, Activation output, LossFunction loss, BiasMode bias)
    {
        int seed = (int)hidden * 1000 + (int)output * 100 + (int)loss * 10 + (int)bias;
        var random = new SeededRandom(seed);
        var network = WithRandomBiases(
            NetworkFactory.Random(new[] { 3, 4, 3 }, new[] { hidden, output }, bias, Initialization.Xavier, seed), random);
        var input = RandomBatch(random, 5, 3, -1, 1);
        var target = Target(random, loss, 5, 3);

        var gradient = Backpropagation.Backward(Backpropagation.Forward(network, input), target, loss);

        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            for (int k = 0; k < layer.Weights.Count; k++)
            {
                double numeric = Numeric(network, input, target, loss, l, k, isBias: false);
                AssertClose(numeric, gradient.WeightGradient[l][k], $"layer {l + 1} weight {k}");
            }
            for (int k = 0; k < layer.Biases.Count; k++)
            {
                double numeric = Numeric(network, input, target, loss, l, k, isBias: true);
                AssertClose(numeric, gradient.BiasGradient[l][k], $"layer {l + 1} bias {k}");
            }
        }
    }

    [Fact]
    public void TheCheckCatchesAWrongGradient()
    {
        // Guards the check itself: a deliberately wrong analytic value must fail it.
        var network = NetworkFactory.StepByStep();
        var input = Matrix.FromRow(0.05, 0.10);
        var target = Matrix.FromRow(0.01, 0.99);
        var gradient = Backpropagation.Backward(Backpropagation.Forward(network, input), target);
        double numeric = Numeric(network, input, target, LossFunction.HalfSquaredError, 0, 0, isBias: false);
        Assert.ThrowsAny<Exception>(() => AssertClose(numeric, gradient.WeightGradient[0][0] * 1.001, "perturbed"));
    }

    [Fact]
    public void ABatchGradientIsTheMeanOfItsSamplesGradients()
    {
        var network = NetworkFactory.Random(new[] { 2, 3, 2 }, new[] { Activation.Tanh, Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 3);
        var x = new Matrix(2, 2, new[] { 0.1, 0.2, -0.3, 0.4 });
        var y = new Matrix(2, 2, new[] { 0.0, 1.0, 1.0, 0.0 });
        var batch = Backpropagation.Backward(Backpropagation.Forward(network, x), y);
        var first = Backpropagation.Backward(Backpropagation.Forward(network, Matrix.FromRow(x.GetRow(0))), Matrix.FromRow(y.GetRow(0)));
        var second = Backpropagation.Backward(Backpropagation.Forward(network, Matrix.FromRow(x.GetRow(1))), Matrix.FromRow(y.GetRow(1)));
        Assert.Equal((first.Loss + second.Loss) / 2, batch.Loss, 15);
        for (int k = 0; k < batch.WeightGradient[0].Count; k++)
            Assert.Equal((first.WeightGradient[0][k] + second.WeightGradient[0][k]) / 2, batch.WeightGradient[0][k], 15);
    }

    private static bool Fits(LossFunction loss, Activation output) =>
        loss == LossFunction.CrossEntropy ? output == Activation.Softmax
        : loss == LossFunction.BinaryCrossEntropy ? output is Activation.Sigmoid or Activation.Softmax
        : true;

    // Random biases keep ReLU's z away from its kink at exactly 0, where no derivative exists.
    private static Network WithRandomBiases(Network network, SeededRandom random) =>
        new(network.Layers.Select(l => new Layer(l.InputSize, l.OutputSize, l.Weights,
            l.Biases.Select(_ => random.NextDouble(-0.5, 0.5)).ToArray(), l.Activation, l.BiasMode)));

    private static Matrix Target(SeededRandom random, LossFunction loss, int rows, int columns)
    {
        if (loss != LossFunction.CrossEntropy) return RandomBatch(random, rows, columns, 0.05, 0.95);
        var oneHot = new double[rows * columns];
        for (int r = 0; r < rows; r++) oneHot[r * columns + random.NextInt(columns)] = 1.0;
        return new Matrix(rows, columns, oneHot);
    }

    private static Matrix RandomBatch(SeededRandom random, int rows, int columns, double low, double high) =>
        new(rows, columns, Enumerable.Range(0, rows * columns).Select(_ => random.NextDouble(low, high)).ToArray());

    private static double Numeric(Network network, Matrix input, Matrix target, LossFunction loss, int layer, int index, bool isBias)
    {
        double LossAt(double offset)
        {
            var layers = network.Layers.ToArray();
            var l = layers[layer];
            var weights = l.Weights.ToArray();
            var biases = l.Biases.ToArray();
            (isBias ? biases : weights)[index] += offset;
            layers[layer] = new Layer(l.InputSize, l.OutputSize, weights, biases, l.Activation, l.BiasMode);
            var changed = new Network(layers);
            return Backpropagation.Backward(Backpropagation.Forward(changed, input), target, loss).Loss;
        }
        return (LossAt(Step) - LossAt(-Step)) / (2 * Step);
    }

    private static void AssertClose(double numeric, double analytic, string what)
    {
        double error = Math.Abs(numeric - analytic);
        double scale = Math.Max(1e-3, Math.Max(Math.Abs(numeric), Math.Abs(analytic)));
        Assert.True(error / scale < 1e-5, $"{what}: analytic {analytic:R}, numeric {numeric:R}");
    }
}
