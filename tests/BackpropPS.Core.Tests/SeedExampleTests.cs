using BackpropPS.Core;

namespace BackpropPS.Core.Tests;

/// <summary>Every number the seed walk-through prints (../shared/seed), to 12 decimals.</summary>
public class SeedExampleTests
{
    private const double Tolerance = 1e-12;

    private static readonly Network Before = NetworkFactory.StepByStep();
    private static readonly ForwardPass Forward = Backpropagation.Forward(Before, Matrix.FromRow(0.05, 0.10));
    private static readonly Gradient Gradient = Backpropagation.Backward(Forward, Matrix.FromRow(0.01, 0.99));
    private static readonly Network After = GradientDescent.Step(Gradient, 0.5);

    [Fact]
    public void OutputsMatchTheSeed()
    {
        Assert.Equal(0.751365069552, Forward.Output[0], Tolerance);
        Assert.Equal(0.772928465321, Forward.Output[1], Tolerance);
    }

    [Fact]
    public void LossMatchesTheSeed() => Assert.Equal(0.298371108760, Gradient.Loss, Tolerance);

    [Fact]
    public void DeltasMatchTheSeed()
    {
        Assert.Equal(0.138498561629, Gradient.Delta[1][0], Tolerance);
        Assert.Equal(-0.038098236517, Gradient.Delta[1][1], Tolerance);
        Assert.Equal(0.008771354689, Gradient.Delta[0][0], Tolerance);
        Assert.Equal(0.009954254705, Gradient.Delta[0][1], Tolerance);
    }

    // The seed's names: w1_21 is the weight from x2 into h1, i.e. Weights[to - 1, from - 1].
    [Theory]
    [InlineData(0, 1, 1, 0.149780716133)] // w1_11
    [InlineData(0, 1, 2, 0.249751143632)] // w1_12
    [InlineData(0, 2, 1, 0.199561432266)] // w1_21
    [InlineData(0, 2, 2, 0.299502287265)] // w1_22
    [InlineData(1, 1, 1, 0.358916479718)] // w2_11
    [InlineData(1, 1, 2, 0.511301270239)] // w2_12
    [InlineData(1, 2, 1, 0.408666186076)] // w2_21
    [InlineData(1, 2, 2, 0.561370121108)] // w2_22
    public void UpdatedWeightsMatchTheSeed(int layer, int from, int to, double expected) =>
        Assert.Equal(expected, After.Layers[layer].Weights[to - 1, from - 1], Tolerance);

    [Fact]
    public void UpdatedSharedBiasesMatchTheSeed()
    {
        Assert.Equal(0.340637195303, After.Layers[0].Biases[0], Tolerance);
        Assert.Equal(0.549799837444, After.Layers[1].Biases[0], Tolerance);
    }

    [Fact]
    public void SharedBiasGradientIsTheSumOfTheLayersDeltas() =>
        Assert.Equal(Gradient.Delta[1][0] + Gradient.Delta[1][1], Gradient.BiasGradient[1][0]);
}
