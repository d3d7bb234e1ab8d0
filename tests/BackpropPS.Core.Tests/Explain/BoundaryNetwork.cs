using System;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Explain;

/// <summary>A 2-2-1 network with known weights (tanh hidden, sigmoid output), and its output worked out by hand.</summary>
internal static class BoundaryNetwork
{
    /// <summary>1 / (1 + e^-z).</summary>
    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    // 2-2-1: tanh hidden, sigmoid output, with known weights.
    public static Network Small(DataSchema schema = null) => new Network(new[]
    {
        new Layer(2, 2, new[] { 1.5, -2.0, 0.5, 1.0 }, new[] { 0.25, -0.5 }, Activation.Tanh),
        new Layer(2, 1, new[] { 2.0, -3.0 }, new[] { 0.1 }, Activation.Sigmoid),
    }, schema);

    /// <summary>The output of <see cref="Small"/> at (u, v), by hand.</summary>
    public static double SmallByHand(double u, double v) =>
        Sigmoid(2.0 * Math.Tanh(1.5 * u - 2.0 * v + 0.25) - 3.0 * Math.Tanh(0.5 * u + 1.0 * v - 0.5) + 0.1);
}
