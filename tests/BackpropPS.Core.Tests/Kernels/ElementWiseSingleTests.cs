using System;
using System.Collections.Generic;
using System.Linq;
using BackpropPS.Core.Kernels;
using static BackpropPS.Core.Tests.Kernels.KernelAssert;

namespace BackpropPS.Core.Tests.Kernels;

/// <summary>
/// The float element-wise kernels: on their SIMD paths the reference loops' results bit for bit (the same float
/// operations in the same order), except the exponentials of Sigmoid, Tanh and Softmax on the Avx2 path, within
/// 1e-6 relative of the reference (which is Math's double function rounded once to float: about 8 units in the
/// last place of a float, where the scheme's own error is one or two). The reference itself is held to Math.
/// </summary>
public class ElementWiseSingleTests
{
    public static IEnumerable<object[]> Activations() =>
        from path in KernelPaths.Fast()
        from f in Enum.GetValues<Activation>()
        select new object[] { path[0], f };

    [Theory]
    [MemberData(nameof(Activations))]
    public void ForwardAndBackwardMatchTheReference(KernelPath path, Activation f)
    {
        const int rows = 7, columns = 21;
        var random = new SeededRandom((int)f + 100);
        float[] z = Singles(random, rows * columns, -6, 6), dA = Singles(random, rows * columns, -1, 1);
        z[0] = 0f; z[5] = -0f; z[9] = 0f;
        float[] a = new float[z.Length], aRef = new float[z.Length], dZ = new float[z.Length], dZRef = new float[z.Length];
        ElementWise.Forward(f, z, a, rows, columns, path);
        ElementWise.Forward(f, z, aRef, rows, columns, KernelPath.Reference);
        bool ownExponential = path == KernelPath.Avx2 && (f == Activation.Sigmoid || f == Activation.Tanh || f == Activation.Softmax);
        if (ownExponential) Assert.All(Enumerable.Range(0, z.Length), k => AssertRelative(aRef[k], a[k], 1e-6));
        else Assert.Equal(Bits(aRef), Bits(a));
        ElementWise.Backward(f, z, a, dA, dZ, rows, columns, path);
        ElementWise.Backward(f, z, a, dA, dZRef, rows, columns, KernelPath.Reference);
        Assert.Equal(Bits(dZRef), Bits(dZ));
    }

    [Theory]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Softmax)]
    public void TheReferenceIsMathsFunctionRoundedToFloat(Activation f)
    {
        float[] z = { -3.5f, -0.25f, 0f, 1e-5f, 0.75f, 2f, 9f, -20f };
        var a = new float[z.Length];
        ElementWise.Forward(f, z, a, 1, z.Length, KernelPath.Reference);
        double max = z.Max(v => (double)v), sum = z.Sum(v => Math.Exp(v - max));
        for (int k = 0; k < z.Length; k++)
        {
            double exact = f == Activation.Sigmoid ? 1 / (1 + Math.Exp(-(double)z[k])) : f == Activation.Tanh ? Math.Tanh(z[k]) : Math.Exp(z[k] - max) / sum;
            // One rounding (u = 6e-8) for Sigmoid and Tanh; for Softmax the rounded exponential, seven additions and a division.
            AssertRelative(exact, a[k], f == Activation.Softmax ? 9 * 6e-8 : 6e-8);
        }
    }

    [Theory]
    [MemberData(nameof(KernelPaths.Fast), MemberType = typeof(KernelPaths))]
    public void BiasesAndTheirGradientsMatchTheReferenceBits(KernelPath path)
    {
        const int rows = 9, columns = 19;
        var random = new SeededRandom(2);
        foreach (BiasMode mode in Enum.GetValues<BiasMode>())
        {
            float[] biases = Singles(random, Layer.BiasCount(mode, columns), -1, 1);
            float[] z = Singles(random, rows * columns, -1, 1), zRef = (float[])z.Clone();
            ElementWise.AddBias(z, rows, columns, biases, mode, path);
            ElementWise.AddBias(zRef, rows, columns, biases, mode, KernelPath.Reference);
            Assert.Equal(Bits(zRef), Bits(z));

            float[] g = new float[biases.Length], gRef = new float[biases.Length];
            ElementWise.BiasGradient(z, rows, columns, mode, 1f / rows, g, path);
            ElementWise.BiasGradient(z, rows, columns, mode, 1f / rows, gRef, KernelPath.Reference);
            Assert.Equal(Bits(gRef), Bits(g));
        }
    }

    [Theory]
    [MemberData(nameof(KernelPaths.Fast), MemberType = typeof(KernelPaths))]
    public void TheSumOfSquaresIsTakenInDouble(KernelPath path)
    {
        float[] values = Singles(new SeededRandom(4), 1001, -1, 1);
        double plain = values.Sum(v => (double)v * v);
        Assert.Equal(plain, ElementWise.SumOfSquares(values, values.Length, path), 1e-12 * plain);
        Assert.Equal(values.Take(3).Sum(v => (double)v * v), ElementWise.SumOfSquares(values, 3, path));
    }

    [Fact]
    public void AnInfinityOrNaNIsNotFinite()
    {
        float[] values = Singles(new SeededRandom(5), 40, -1, 1);
        Assert.True(ElementWise.AllFinite(values));
        values[17] = float.PositiveInfinity;
        Assert.False(ElementWise.AllFinite(values));
        values[17] = float.NaN;
        Assert.False(ElementWise.AllFinite(values));
    }

    private static float[] Singles(SeededRandom random, int count, double low, double high) =>
        Array.ConvertAll(KernelPaths.Random(random, count, low, high), v => (float)v);

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}
