using System;
using System.Linq;
using BackpropPS.Core.Explain;

namespace BackpropPS.Core.Tests.Explain;

/// <summary>Which chain-rule factor made a gradient small, from a one-sample step's trace.</summary>
public class GradientFactorsTests
{
    private static TrainingStep Step(Network network, double[] input, double[] target) =>
        TrainingStep.Take(network, Matrix.FromRow(input), Matrix.FromRow(target), LossFunction.HalfSquaredError, 0.5);

    [Fact]
    public void TheFactorsMultiplyToTheGradientAndTheRatiosAreToTheMedianOverTheWeights()
    {
        var rows = GradientFactors.Explain(Step(NetworkFactory.StepByStep(), new[] { 0.05, 0.10 }, new[] { 0.01, 0.99 }));
        Assert.Equal(new[] { "w1_11", "w1_12", "w1_21", "w1_22", "w2_11", "w2_12", "w2_21", "w2_22" }, rows.Select(r => r.Name));
        foreach (var r in rows)
            Assert.Equal(r.Gradient, r.Downstream * r.ActivationDerivative.Value * r.Input, 15);
        // Each ratio is the factor's size over the median of its 8 sizes (an even count: the mean of the middle two).
        double Median(Func<GradientFactor, double> factor)
        {
            double[] sizes = rows.Select(r => Math.Abs(factor(r))).OrderBy(v => v).ToArray();
            return (sizes[3] + sizes[4]) / 2;
        }
        double input = Median(r => r.Input), derivative = Median(r => r.ActivationDerivative.Value), downstream = Median(r => r.Downstream);
        foreach (var r in rows)
        {
            Assert.Equal(Math.Abs(r.Input) / input, r.InputRatio, 15);
            Assert.Equal(Math.Abs(r.ActivationDerivative.Value) / derivative, r.DerivativeRatio.Value, 15);
            Assert.Equal(Math.Abs(r.Downstream) / downstream, r.DownstreamRatio, 15);
            var smallest = new[] { ("Input", r.InputRatio), ("ActivationDerivative", r.DerivativeRatio.Value), ("Downstream", r.DownstreamRatio) }
                .OrderBy(t => t.Item2).First().Item1;
            Assert.Equal(smallest, r.SmallestFactor);
        }
        // The seed's weights from input 1 are small mainly for the input 0.05, against hidden outputs near 0.6.
        Assert.Equal(nameof(GradientFactor.Input), rows[0].SmallestFactor);
        Assert.Equal(nameof(GradientFactor.Input), rows[1].SmallestFactor);
        Assert.StartsWith("the input activation = 0.05, ", rows[0].Reason);
    }

    [Fact]
    public void AZeroInputADeadReluAndAVanishingDownstreamSumAreEachNamed()
    {
        // Neuron 1 (ReLU) is dead for this input; input 2 is 0; the second layer's weight from neuron 2 is tiny,
        // so neuron 2's downstream sum is far below the others'.
        var network = new Network(new[]
        {
            new Layer(2, 3, new[] { -1.0, 0.5, 1.0, 0.3, 0.8, -0.2 }, new[] { 0.0, 0.0, 0.0 }, Activation.ReLU),
            new Layer(3, 1, new[] { 0.7, 1e-6, 0.9 }, new[] { 0.1 }, Activation.Sigmoid),
        });
        var rows = GradientFactors.Explain(Step(network, new[] { 1.0, 0.0 }, new[] { 1.0 })).ToDictionary(r => r.Name);
        Assert.Equal(nameof(GradientFactor.ActivationDerivative), rows["w1_11"].SmallestFactor);
        Assert.Equal(0.0, rows["w1_11"].ActivationDerivative);
        Assert.Equal(nameof(GradientFactor.Input), rows["w1_22"].SmallestFactor);
        Assert.Equal(nameof(GradientFactor.Downstream), rows["w1_12"].SmallestFactor);
        Assert.True(rows["w1_12"].DownstreamRatio < 1e-4, $"{rows["w1_12"].DownstreamRatio}");
        Assert.StartsWith("the downstream sum dE/da = ", rows["w1_12"].Reason);
    }

    [Fact]
    public void ASoftmaxLayerHasNoSingleDerivativeAndItsDeltaStandsForTheDownstreamFactor()
    {
        var network = NetworkFactory.Random(new[] { 2, 3, 2 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 4);
        var step = TrainingStep.Take(network, Matrix.FromRow(0.3, -0.7), Matrix.FromRow(0.0, 1.0), LossFunction.CrossEntropy, 0.1);
        var output = GradientFactors.Explain(step).Where(r => r.Layer == 2).ToList();
        Assert.All(output, r => Assert.Null(r.ActivationDerivative));
        Assert.All(output, r => Assert.Null(r.DerivativeRatio));
        Assert.All(output, r => Assert.Equal(r.Gradient, r.Downstream * r.Input, 15));
    }

    [Fact]
    public void ABatchStepIsRefusedBecauseItsGradientsAreMeansOfProducts()
    {
        var step = TrainingStep.Take(NetworkFactory.StepByStep(), Matrix.FromRows(new[] { new[] { 0.05, 0.1 }, new[] { 0.2, 0.3 } }),
            Matrix.FromRows(new[] { new[] { 0.01, 0.99 }, new[] { 0.5, 0.5 } }), LossFunction.HalfSquaredError, 0.5);
        var e = Assert.Throws<BackpropException>(() => GradientFactors.Explain(step));
        Assert.Equal("FactorsNeedOneSample", e.ErrorId);
    }
}
