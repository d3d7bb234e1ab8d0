using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>
/// Two steps of each optimizer on a one-weight linear network, against values worked out by hand:
/// w = 0.5, b = 0.1, x = 2, y = 1, half squared error, so dL/dz = z - 1, dL/dw = 2 (z - 1), dL/db = z - 1.
/// </summary>
public class OptimizerTests
{
    private static Network Tiny() => new(new[] { new Layer(1, 1, new[] { 0.5 }, new[] { 0.1 }, Activation.Linear) });

    private static (double W, double B) TwoSteps(OptimizerSettings settings, int steps = 2)
    {
        Optimizer optimizer = settings.Create();
        Network network = Tiny();
        for (int s = 0; s < steps; s++)
            network = optimizer.Step(Backpropagation.Backward(Backpropagation.Forward(network, Matrix.FromRow(2)), Matrix.FromRow(1)));
        return (network.Layers[0].Weights[0], network.Layers[0].Biases[0]);
    }

    [Fact]
    public void MomentumMatchesTheHandComputedSteps()
    {
        // Step 1: z = 1.1, g = (0.2, 0.1); v = g; w = 0.5 - 0.1 * 0.2 = 0.48, b = 0.1 - 0.1 * 0.1 = 0.09.
        // Step 2: z = 1.05, g = (0.1, 0.05); v = 0.9 v + g = (0.28, 0.14); w = 0.48 - 0.028 = 0.452, b = 0.09 - 0.014 = 0.076.
        var (w, b) = TwoSteps(new OptimizerSettings { Kind = OptimizerKind.Momentum, LearningRate = 0.1, Momentum = 0.9 });
        Assert.Equal(0.452, w, 1e-15);
        Assert.Equal(0.076, b, 1e-15);
    }

    [Fact]
    public void NesterovMomentumMatchesTheHandComputedSteps()
    {
        // Step 1: v = (0.2, 0.1); w = 0.5 - 0.1 (0.2 + 0.18) = 0.462, b = 0.1 - 0.1 (0.1 + 0.09) = 0.081.
        // Step 2: z = 1.005, g = (0.01, 0.005); v = (0.19, 0.095);
        //         w = 0.462 - 0.1 (0.01 + 0.171) = 0.4439, b = 0.081 - 0.1 (0.005 + 0.0855) = 0.07195.
        var (w, b) = TwoSteps(new OptimizerSettings { Kind = OptimizerKind.Momentum, LearningRate = 0.1, Momentum = 0.9, Nesterov = true });
        Assert.Equal(0.4439, w, 1e-15);
        Assert.Equal(0.07195, b, 1e-15);
    }

    [Fact]
    public void AdamMatchesTheHandComputedSteps()
    {
        // Step 1: bias-corrected m = g and v = g^2, so each parameter moves by lr g / (|g| + eps):
        //         w = 0.5 - 0.1 * 0.2 / (0.2 + 1e-8) = 0.400000005, b = 0.1 - 0.1 * 0.1 / (0.1 + 1e-8) ~ 1e-8.
        var (w1, b1) = TwoSteps(new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 0.1 }, steps: 1);
        Assert.Equal(0.5 - 0.1 * 0.2 / (0.2 + 1e-8), w1, 1e-15);
        Assert.Equal(0.1 - 0.1 * 0.1 / (0.1 + 1e-8), b1, 1e-15);
        // Step 2: z = 0.80000002, g = (-0.39999996, -0.19999998); m = 0.9 m + 0.1 g, v = 0.999 v + 0.001 g^2,
        //         corrected by 1 - 0.9^2 = 0.19 and 1 - 0.999^2 = 0.001999 (values from the same arithmetic by hand/in Python).
        var (w, b) = TwoSteps(new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 0.1 });
        Assert.Equal(0.43661035281902305, w, 1e-12);
        Assert.Equal(0.036610356661475135, b, 1e-12);
    }

    [Fact]
    public void SgdWithWeightDecayAddsLambdaWToTheWeightsGradientOnly()
    {
        // g_w = 0.2 + 0.5 * 0.5 = 0.45, so w = 0.5 - 0.1 * 0.45 = 0.455; the bias is not decayed: b = 0.09.
        var (w, b) = TwoSteps(new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 0.1, WeightDecay = 0.5 }, steps: 1);
        Assert.Equal(0.455, w, 1e-15);
        Assert.Equal(0.09, b, 1e-15);
    }

    [Fact]
    public void PlainSgdIsTheSameStepAsGradientDescent()
    {
        var gradient = Backpropagation.Backward(Backpropagation.Forward(NetworkFactory.StepByStep(), Matrix.FromRow(0.05, 0.10)), Matrix.FromRow(0.01, 0.99));
        var expected = NetworkJson.Serialize(GradientDescent.Step(gradient, 0.5));
        var actual = NetworkJson.Serialize(new OptimizerSettings { LearningRate = 0.5 }.Create().Step(gradient));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Momentum)]
    public void AStepThatMakesAWeightInfiniteIsAnErrorNamingIt(OptimizerKind kind)
    {
        // A gradient of about 2000 times a learning rate of 1.7e308 overflows; the step must say so, not return -Infinity.
        var network = new Network(new[] { new Layer(1, 1, new[] { 0.5 }, new[] { 0.1 }, Activation.Linear) });
        var gradient = Backpropagation.Backward(Backpropagation.Forward(network, Matrix.FromRow(2.0)), Matrix.FromRow(-1000.0));
        var e = Assert.Throws<BackpropException>(() => new OptimizerSettings { Kind = kind, LearningRate = 1.7e308 }.Create().Step(gradient));
        Assert.Equal("NonFiniteStep", e.ErrorId);
        Assert.Contains("w1_11 -infinite", e.Message);
        Assert.Equal("NonFiniteStep", Assert.Throws<BackpropException>(() => GradientDescent.Step(gradient, 1.7e308)).ErrorId);
    }
}
