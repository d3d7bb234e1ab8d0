using System;
using System.Collections.Generic;
using System.Linq;
using BackpropPS.Core.Explain;

namespace BackpropPS.Core.Tests.Explain;

/// <summary>The gradient checker itself: it passes correct gradients and flags wrong ones.</summary>
public class GradientCheckTests
{
    private static readonly Network Seed = NetworkFactory.StepByStep();
    private static readonly Matrix Input = Matrix.FromRow(0.05, 0.10);
    private static readonly Matrix Target = Matrix.FromRow(0.01, 0.99);

    private static Dictionary<string, double> Backprop() =>
        GradientCheck.Run(Seed, Input, Target, LossFunction.HalfSquaredError).ToDictionary(r => r.Name, r => r.Analytic);

    [Fact]
    public void EveryBackpropGradientOfTheSeedPasses()
    {
        var results = GradientCheck.Run(Seed, Input, Target, LossFunction.HalfSquaredError);
        Assert.Equal(ParameterId.All(Seed).Select(p => p.Name), results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.Pass, $"{r.Name}: {r.Analytic:R} vs {r.Numeric:R}"));
        // Rounding in E(p + h) - E(p - h) is about 2e-16 * E / h = 6e-11 here, far inside the tolerances; for the
        // small hidden gradients (4e-4) that is a relative error near 1e-7, which is why there is an absolute tolerance.
        Assert.All(results, r => Assert.True(r.AbsoluteError < 1e-9, $"{r.Name}: absolute error {r.AbsoluteError}"));
        Assert.Equal(0.138498561629 - 0.038098236517, results.Single(r => r.Name == "b2").Analytic, 1e-12);
    }

    [Theory]
    [InlineData("w1_11", 1e-3)]   // a hidden weight, one part in a thousand
    [InlineData("w2_22", 1e-5)]   // an output weight, one part in 100 000
    [InlineData("b1", -1.0)]      // a shared bias with its sign flipped
    public void APerturbedGradientFailsAndOnlyThatOne(string name, double relativeChange)
    {
        var analytic = Backprop();
        analytic[name] *= 1 + relativeChange;
        var results = GradientCheck.Compare(Seed, Input, Target, LossFunction.HalfSquaredError, analytic);
        Assert.Equal(analytic.Count, results.Count);
        Assert.Equal(new[] { name }, results.Where(r => !r.Pass).Select(r => r.Name));
        var bad = results.Single(r => r.Name == name);
        Assert.Equal(Math.Abs(relativeChange) / Math.Max(1, 1 + relativeChange), bad.RelativeError, 1e-6);
    }

    [Fact]
    public void SuppliedValuesCheckOnlyTheParametersNamed()
    {
        var results = GradientCheck.Compare(Seed, Input, Target, LossFunction.HalfSquaredError,
            new Dictionary<string, double> { ["w2_11"] = 0.082167040564, ["b1"] = 0.0 });
        Assert.Equal(new[] { "w2_11", "b1" }.OrderBy(n => n), results.Select(r => r.Name).OrderBy(n => n));
        Assert.True(results.Single(r => r.Name == "w2_11").Pass);   // the seed's gradient, to 12 decimals
        Assert.False(results.Single(r => r.Name == "b1").Pass);
    }

    [Fact]
    public void AnUnknownParameterNameIsAnError()
    {
        var e = Assert.Throws<BackpropException>(() => GradientCheck.Compare(Seed, Input, Target, LossFunction.HalfSquaredError,
            new Dictionary<string, double> { ["w3_11"] = 0 }));
        Assert.Equal("UnknownParameterName", e.ErrorId);
        Assert.Contains("'w3_11'", e.Message);
    }

    [Fact]
    public void TheAbsoluteToleranceSparesTinyGradients()
    {
        var analytic = new Dictionary<string, double> { ["w1_11"] = Backprop()["w1_11"] + 5e-9 };
        var loose = GradientCheck.Compare(Seed, Input, Target, LossFunction.HalfSquaredError, analytic).Single();
        Assert.True(loose.RelativeError > 1e-6);
        Assert.True(loose.Pass);   // 5e-9 is within the default absolute tolerance of 1e-8
        var strict = GradientCheck.Compare(Seed, Input, Target, LossFunction.HalfSquaredError, analytic,
            new GradientCheckSettings { AbsoluteTolerance = 1e-10 }).Single();
        Assert.False(strict.Pass);
    }

    [Theory]
    [InlineData(-1e-6, 1e-8, 1e-6)]
    [InlineData(1e-6, double.NaN, 1e-6)]
    [InlineData(1e-6, 1e-8, 0)]
    [InlineData(1e-6, 1e-8, double.PositiveInfinity)]
    public void BadSettingsAreErrors(double relative, double absolute, double step)
    {
        var e = Assert.Throws<BackpropException>(() => GradientCheck.Run(Seed, Input, Target, LossFunction.HalfSquaredError,
            new GradientCheckSettings { RelativeTolerance = relative, AbsoluteTolerance = absolute, StepSize = step }));
        Assert.Equal(step > 0 && !double.IsInfinity(step) ? "InvalidTolerance" : "InvalidStepSize", e.ErrorId);
    }

    [Fact]
    public void ABatchAndEveryLossAndActivationPass()
    {
        foreach (var (output, loss) in new[] { (Activation.Softmax, LossFunction.CrossEntropy), (Activation.Sigmoid, LossFunction.BinaryCrossEntropy),
                     (Activation.Linear, LossFunction.MeanSquaredError), (Activation.Tanh, LossFunction.HalfSquaredError) })
        {
            var network = NetworkFactory.Random(new[] { 3, 5, 2 }, new[] { Activation.Tanh, output }, BiasMode.PerNeuron, Initialization.Xavier, 5);
            var input = new Matrix(3, 3, new[] { 0.1, -0.4, 0.9, 0.5, 0.2, -0.3, -0.7, 0.8, 0.05 });
            var target = new Matrix(3, 2, new[] { 1.0, 0.0, 0.0, 1.0, 1.0, 0.0 });
            Assert.All(GradientCheck.Run(network, input, target, loss), r => Assert.True(r.Pass, $"{output}/{loss} {r.Name}: rel {r.RelativeError}"));
        }
    }

    [Fact]
    public void ProgressCountsEveryParameter()
    {
        var seen = new List<(int, int)>();
        GradientCheck.Run(Seed, Input, Target, LossFunction.HalfSquaredError, progress: (done, total) => seen.Add((done, total)));
        Assert.Equal(Enumerable.Range(0, 11).Select(k => (k, 10)), seen);
    }

    [Fact]
    public void RelativeErrorOfTwoZerosIsZero() => Assert.Equal(0.0, GradientCheck.RelativeError(0.0, 0.0));
}
