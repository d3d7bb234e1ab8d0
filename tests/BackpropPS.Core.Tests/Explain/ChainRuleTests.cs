using System.Linq;
using System;
using BackpropPS.Core.Explain;

namespace BackpropPS.Core.Tests.Explain;

/// <summary>Every gradient of a step broken into its chain-rule factors: the seed's factors, and factors that multiply back to the gradient.</summary>
public class ChainRuleTests
{
    private const double Tolerance = 1e-12;

    private static ParameterTrace Row(TrainingStep step, string name) => step.Trace.Single(r => r.Name == name);

    [Fact]
    public void AnOutputWeightRowHoldsTheSeedsFactors()
    {
        // w2_11 (h1 -> o1): dE/dyhat1 = yhat1 - y1, dyhat1/dz = yhat1 (1 - yhat1), dz/dw = a_h1.
        var row = Row(SeedWalkThrough.Step(), "w2_11");
        double yhat1 = 0.751365069552316, aH1 = 0.593269992107187;
        Assert.Equal(yhat1 - 0.01, row.LossDerivative.Value, Tolerance);
        Assert.Equal(yhat1 * (1 - yhat1), row.ActivationDerivative.Value, Tolerance);
        Assert.Equal(aH1, row.Input.Value, Tolerance);
        Assert.Equal(0.138498561629, row.Delta.Value, Tolerance);
        Assert.Null(row.Downstream);
        Assert.Equal((ParameterKind.Weight, 2, 1, 1), (row.Kind, row.Layer, row.From, row.To));
        Assert.Equal(0.4, row.Old);
        Assert.Equal(0.358916479718, row.New, Tolerance);
        Assert.Equal(0.5, row.LearningRate);
        Assert.Equal(1, row.SampleCount);
    }

    [Fact]
    public void AHiddenWeightRowHoldsTheDownstreamSum()
    {
        // w1_21 (x2 -> h1): (w2_11 delta_o1 + w2_12 delta_o2) * a_h1 (1 - a_h1) * x2.
        var row = Row(SeedWalkThrough.Step(), "w1_21");
        Assert.Equal(0.40 * 0.138498561629 + 0.50 * -0.038098236517, row.Downstream.Value, Tolerance);
        Assert.Equal("0.4 * 0.138498561629 + 0.5 * -0.0380982365166", row.DownstreamTerms);
        Assert.Equal(0.593269992107187 * (1 - 0.593269992107187), row.ActivationDerivative.Value, Tolerance);
        Assert.Equal(0.10, row.Input.Value);
        Assert.Equal(0.008771354689, row.Delta.Value, Tolerance);
        Assert.Null(row.LossDerivative);
        Assert.Equal(0.199561432266, row.New, Tolerance);
    }

    [Fact]
    public void ASharedBiasRowGivesTheSumOfItsLayersDeltas()
    {
        var row = Row(SeedWalkThrough.Step(), "b2");
        Assert.Equal(0.138498561629 - 0.038098236517, row.DeltaSum.Value, Tolerance);
        Assert.Equal(row.Gradient, row.DeltaSum.Value);
        Assert.Equal("0.138498561629 + -0.0380982365166", row.DeltaTerms);
        Assert.Null(row.To);
        Assert.Null(row.Delta);
        Assert.Null(row.Input);
        Assert.Equal(0.549799837444, row.New, Tolerance);
    }

    public static TheoryData<Activation, Activation, LossFunction, BiasMode> Networks() => new()
    {
        { Activation.Sigmoid, Activation.Sigmoid, LossFunction.HalfSquaredError, BiasMode.Shared },
        { Activation.Tanh, Activation.Linear, LossFunction.MeanSquaredError, BiasMode.PerNeuron },
        { Activation.LeakyReLU, Activation.Sigmoid, LossFunction.BinaryCrossEntropy, BiasMode.PerNeuron },
        { Activation.ReLU, Activation.Softmax, LossFunction.CrossEntropy, BiasMode.PerNeuron },
        { Activation.Softmax, Activation.Tanh, LossFunction.HalfSquaredError, BiasMode.None },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void TheFactorsMultiplyBackToTheGradient(Activation hidden, Activation output, LossFunction loss, BiasMode bias)
    {
        var network = NetworkFactory.Random(new[] { 3, 4, 3 }, new[] { hidden, output }, bias, Initialization.Xavier, 11);
        var target = loss == LossFunction.CrossEntropy ? Matrix.FromRow(0, 1, 0) : Matrix.FromRow(0.2, 0.7, 0.4);
        var step = TrainingStep.Take(network, Matrix.FromRow(0.3, -0.8, 0.5), target, loss, 0.1);

        Assert.Equal(network.ParameterCount, step.Trace.Count);
        foreach (var row in step.Trace)
        {
            Assert.Equal(row.Old - 0.1 * row.Gradient, row.New, 1e-15);
            double expected = row.Gradient, tolerance = 1e-15 + 1e-13 * Math.Abs(expected);
            if (row.DeltaSum.HasValue) { Assert.Equal(expected, row.DeltaSum.Value); continue; }
            Assert.Equal(expected, row.Delta.Value * row.Input.Value, tolerance);
            bool softmax = network.Layers[row.Layer - 1].Activation == Activation.Softmax;
            Assert.Equal(softmax, row.ActivationDerivative == null);
            if (softmax) continue;
            double upstream = row.Layer == 2 ? row.LossDerivative.Value : row.Downstream.Value;
            Assert.Equal(expected, upstream * row.ActivationDerivative.Value * row.Input.Value, tolerance);
        }
    }

    [Fact]
    public void ABatchGivesMeanGradientsAndNoPerSampleFactors()
    {
        var batch = TrainingStep.Take(NetworkFactory.StepByStep(), new Matrix(2, 2, new[] { 0.05, 0.10, 0.5, 0.2 }),
            new Matrix(2, 2, new[] { 0.01, 0.99, 0.3, 0.6 }), LossFunction.HalfSquaredError, 0.5);
        var first = TrainingStep.Take(NetworkFactory.StepByStep(), Matrix.FromRow(0.05, 0.10), Matrix.FromRow(0.01, 0.99), LossFunction.HalfSquaredError, 0.5);
        var second = TrainingStep.Take(NetworkFactory.StepByStep(), Matrix.FromRow(0.5, 0.2), Matrix.FromRow(0.3, 0.6), LossFunction.HalfSquaredError, 0.5);
        for (int k = 0; k < batch.Trace.Count; k++)
        {
            var row = batch.Trace[k];
            Assert.Equal((first.Trace[k].Gradient + second.Trace[k].Gradient) / 2, row.Gradient, 1e-15);
            Assert.Equal(2, row.SampleCount);
            Assert.True(row.Delta == null && row.Input == null && row.ActivationDerivative == null && row.LossDerivative == null
                && row.Downstream == null && row.DeltaSum == null && row.DownstreamTerms == null && row.DeltaTerms == null, row.Name);
        }
        Assert.Contains("sample 2: yhat1=", batch.Report);
        Assert.Contains("(mean over 2 samples)", batch.Report);
    }
}
