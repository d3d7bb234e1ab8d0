using System;
using System.Collections.Generic;
using System.Linq;

namespace BackpropPS.Core.Tests;

/// <summary>
/// The textbook implementation as an oracle: it reproduces the seed walk-through's numbers, and the core's fast passes
/// (Backpropagation on the kernels, GradientDescent) agree with it on every activation x loss x bias mode the core
/// accepts, for one sample and for a batch: outputs, losses, deltas, gradients and the step.
/// </summary>
public class TextbookNetworkTests
{
    // Two implementations that sum in different orders (SIMD lanes, fused multiply-adds) differ by rounding that is
    // relative to the terms of each sum, not to the sum: a value whose terms cancel may differ by more than 1e-12 of
    // itself. So each value is held to 1e-12 relative, of itself or of the largest of its kind it is computed with
    // (the largest z, a or delta of the same layer and sample; for a gradient, the largest term of its mean).
    private const double Tolerance = 1e-12;

    [Fact]
    public void TheSeedsForwardPassLossAndDeltasComeOut()
    {
        var textbook = TextbookNetwork.From(NetworkFactory.StepByStep());
        TextbookPass pass = textbook.Forward(new[] { 0.05, 0.10 });
        Assert.Equal(SeedWalkThrough.Yhat1, pass.Output[0], Tolerance);
        Assert.Equal(SeedWalkThrough.Yhat2, pass.Output[1], Tolerance);

        TextbookGradient g = textbook.Gradients(new[] { new[] { 0.05, 0.10 } }, new[] { new[] { 0.01, 0.99 } }, LossFunction.HalfSquaredError);
        Assert.Equal(SeedWalkThrough.Loss, g.Loss, Tolerance);
        Assert.Equal(SeedWalkThrough.DeltaO1, g.Delta[0][1][0], Tolerance);
        Assert.Equal(SeedWalkThrough.DeltaO2, g.Delta[0][1][1], Tolerance);
        Assert.Equal(SeedWalkThrough.DeltaH1, g.Delta[0][0][0], Tolerance);
        Assert.Equal(SeedWalkThrough.DeltaH2, g.Delta[0][0][1], Tolerance);
        // The seed's shared bias: dE/db2 = delta_o1 + delta_o2.
        Assert.Equal(g.Delta[0][1][0] + g.Delta[0][1][1], g.BiasGradient[1][0]);
    }

    public static IEnumerable<object[]> SeedUpdates() => SeedWalkThrough.Updated.Select(p => new object[] { p.Name, p.Value });

    // The seed's names: w1_21 is the weight from x2 into h1 (wL_FT: layer L, from F, to T); b1 and b2 the shared biases.
    [Theory]
    [MemberData(nameof(SeedUpdates))]
    public void TheSeedsUpdatedParametersComeOut(string name, double expected)
    {
        TextbookNetwork after = SeedStep(TextbookNetwork.From(NetworkFactory.StepByStep()));
        int layer = name[1] - '1';
        Assert.Equal(expected, name[0] == 'b' ? after.Bias(layer, 0) : after.Weight(layer, name[4] - '1', name[3] - '1'), Tolerance);
    }

    [Fact]
    public void AStepLeavesTheNetworkItStartedFromUnchanged()
    {
        var textbook = TextbookNetwork.From(NetworkFactory.StepByStep());
        SeedStep(textbook);
        Assert.Equal((0.15, 0.20, 0.35, 0.55, 0.60), (textbook.Weight(0, 0, 0), textbook.Weight(0, 0, 1), textbook.Bias(0, 0),
            textbook.Weight(1, 1, 1), textbook.Bias(1, 0)));
    }

    private static TextbookNetwork SeedStep(TextbookNetwork textbook) => textbook.Step(
        textbook.Gradients(new[] { new[] { 0.05, 0.10 } }, new[] { new[] { 0.01, 0.99 } }, LossFunction.HalfSquaredError),
        SeedWalkThrough.LearningRate);

    public static IEnumerable<object[]> Combinations() =>
        from hidden in Enum.GetValues<Activation>()
        from output in Enum.GetValues<Activation>()
        from loss in Enum.GetValues<LossFunction>()
        from bias in Enum.GetValues<BiasMode>()
        where Accepted(loss, output)
        select new object[] { hidden, output, loss, bias };

    [Theory]
    [MemberData(nameof(Combinations))]
    public void TheCoreAgreesWithTheTextbook(Activation hidden, Activation output, LossFunction loss, BiasMode bias)
    {
        int seed = (int)hidden * 1000 + (int)output * 100 + (int)loss * 10 + (int)bias;
        var random = new SeededRandom(seed);
        // Two hidden layers, so that deltas go back through a hidden layer's weights and activation too.
        Network network = RandomNetwork(random, new[] { 3, 5, 4, 3 }, new[] { hidden, hidden, output }, bias);
        foreach (int samples in new[] { 1, 6 })
        {
            double[][] x = Rows(random, samples, 3, -1, 1);
            double[][] y = Targets(random, loss, samples, 3);
            Compare(network, x, y, loss, $"{hidden}/{output}/{loss}/{bias}, {samples} sample(s)");
        }
    }

    [Fact]
    public void TheComparisonCatchesAGradientOffByOnePartInTenBillion()
    {
        // Guards the comparison itself: a gradient wrong in its tenth digit must fail it.
        Network network = NetworkFactory.StepByStep();
        var g = Backpropagation.Backward(Backpropagation.Forward(network, SeedWalkThrough.Input), SeedWalkThrough.Target);
        double right = g.WeightGradient[0][0];
        Close(right, right * (1 + 1e-13), Math.Abs(right), "within the tolerance");
        Assert.ThrowsAny<Exception>(() => Close(right, right * (1 + 1e-10), Math.Abs(right), "perturbed"));
    }

    private static void Compare(Network network, double[][] x, double[][] y, LossFunction loss, string what)
    {
        var textbook = TextbookNetwork.From(network);
        TextbookGradient expected = textbook.Gradients(x, y, loss);
        ForwardPass forward = Backpropagation.Forward(network, Matrix.FromRows(x));
        Gradient actual = Backpropagation.Backward(forward, Matrix.FromRows(y), loss);
        TextbookPass[] passes = x.Select(textbook.Forward).ToArray();

        for (int s = 0; s < x.Length; s++)
        {
            for (int l = 0; l < network.Layers.Count; l++)
            {
                CloseRow(passes[s].Z[l], forward.Z[l], s, $"{what}: z of layer {l + 1}, sample {s + 1}");
                CloseRow(passes[s].A[l], forward.A[l], s, $"{what}: a of layer {l + 1}, sample {s + 1}");
                CloseRow(expected.Delta[s][l], actual.Delta[l], s, $"{what}: delta of layer {l + 1}, sample {s + 1}");
            }
            Close(expected.SampleLoss[s], actual.SampleLoss[s], expected.SampleLoss[s], $"{what}: loss of sample {s + 1}");
        }
        Close(expected.Loss, actual.Loss, expected.Loss, $"{what}: loss");

        const double rate = 0.1;
        TextbookNetwork textbookAfter = textbook.Step(expected, rate);
        Network after = GradientDescent.Step(actual, rate);
        for (int l = 0; l < network.Layers.Count; l++)
        {
            // A gradient is a mean of products delta_j a_i (a bias's of deltas alone, summed over the layer for a Shared
            // one): it is held to the largest of those terms, as a sum that cancels to nearly 0 (a Shared bias under a
            // Softmax, whose deltas sum to 0 in every sample) is exact only to within them.
            double delta = expected.Delta.Max(sample => sample[l].Max(Math.Abs));
            double input = passes.Max(pass => pass.InputTo(l).Max(Math.Abs));
            Layer layer = network.Layers[l];
            Assert.Equal(layer.Weights.Count, actual.WeightGradient[l].Count);
            Assert.Equal(expected.BiasGradient[l].Length, actual.BiasGradient[l].Count);
            for (int j = 0; j < layer.OutputSize; j++)
            {
                for (int i = 0; i < layer.InputSize; i++)
                {
                    Close(expected.WeightGradient[l][j][i], actual.WeightGradient[l][j, i], delta * input, $"{what}: dE/dw layer {l + 1} [{j}, {i}]");
                    Close(textbookAfter.Weight(l, j, i), after.Layers[l].Weights[j, i], Math.Abs(textbook.Weight(l, j, i)) + rate * delta * input,
                        $"{what}: new weight layer {l + 1} [{j}, {i}]");
                }
            }
            for (int k = 0; k < expected.BiasGradient[l].Length; k++)
            {
                Close(expected.BiasGradient[l][k], actual.BiasGradient[l][k], delta, $"{what}: dE/db layer {l + 1} [{k}]");
                Close(textbookAfter.Bias(l, k), after.Layers[l].Biases[k], Math.Abs(textbook.Bias(l, k)) + rate * delta, $"{what}: new bias layer {l + 1} [{k}]");
            }
        }
    }

    // One sample's row of a core matrix against the textbook's vector, each value to the tolerance of the row's largest.
    private static void CloseRow(double[] expected, Matrix actual, int row, string what)
    {
        Assert.Equal(expected.Length, actual.Columns);
        double scale = expected.Max(Math.Abs);
        for (int k = 0; k < expected.Length; k++) Close(expected[k], actual[row, k], scale, $"{what} [{k}]");
    }

    private static void Close(double expected, double actual, double scale, string what)
    {
        scale = Math.Max(Math.Abs(expected), scale);
        Assert.True(Math.Abs(actual - expected) <= Tolerance * scale,
            $"{what}: textbook {expected:R}, core {actual:R}, difference {Math.Abs(actual - expected):G3} of {scale:G3}");
    }

    private static bool Accepted(LossFunction loss, Activation output) =>
        loss == LossFunction.CrossEntropy ? output == Activation.Softmax
        : loss == LossFunction.BinaryCrossEntropy ? output is Activation.Sigmoid or Activation.Softmax
        : true;

    // Every weight and bias drawn (a factory's biases are 0). With no biases, a ReLU layer under one whose outputs are all 0
    // gets z = 0 exactly, where both sides take the derivative as 0.
    private static Network RandomNetwork(SeededRandom random, int[] sizes, Activation[] activations, BiasMode bias) =>
        new(Enumerable.Range(0, sizes.Length - 1).Select(l => new Layer(sizes[l], sizes[l + 1],
            Values(random, sizes[l] * sizes[l + 1], -1, 1), Values(random, Layer.BiasCount(bias, sizes[l + 1]), -0.5, 0.5),
            activations[l], bias)));

    private static double[] Values(SeededRandom random, int count, double low, double high) =>
        Enumerable.Range(0, count).Select(_ => random.NextDouble(low, high)).ToArray();

    private static double[][] Rows(SeededRandom random, int rows, int columns, double low, double high) =>
        Enumerable.Range(0, rows).Select(_ => Values(random, columns, low, high)).ToArray();

    // Probabilities for CrossEntropy (soft labels summing to 1, so not only one-hot), values in (0, 1) otherwise.
    private static double[][] Targets(SeededRandom random, LossFunction loss, int rows, int columns)
    {
        double[][] targets = Rows(random, rows, columns, 0.05, 0.95);
        if (loss != LossFunction.CrossEntropy) return targets;
        return targets.Select(t => t.Select(v => v / t.Sum()).ToArray()).ToArray();
    }
}
