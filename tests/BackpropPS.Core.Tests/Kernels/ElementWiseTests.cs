using System;
using System.Collections.Generic;
using System.Linq;
using BackpropPS.Core.Kernels;
using static BackpropPS.Core.Tests.Kernels.KernelAssert;

namespace BackpropPS.Core.Tests.Kernels;

/// <summary>
/// The element-wise kernels on their SIMD paths give the reference loops' results bit for bit: the same
/// operations in the same order. The one exception, the exponential of Sigmoid, Tanh and Softmax on the
/// Avx2 path, stays within 1e-14 relative. Lengths that are not whole vectors exercise the scalar tails too.
/// </summary>
public class ElementWiseTests
{
    public static IEnumerable<object[]> Activations() =>
        from path in KernelPaths.Fast()
        from f in Enum.GetValues<Activation>()
        select new object[] { path[0], f };

    [Theory]
    [MemberData(nameof(Activations))]
    public void ForwardAndBackwardMatchTheReferenceBits(KernelPath path, Activation f)
    {
        const int rows = 7, columns = 13;
        var random = new SeededRandom((int)f);
        double[] z = WithZeros(KernelPaths.Random(random, rows * columns, -3, 3)), dA = KernelPaths.Random(random, rows * columns);
        double[] a = new double[z.Length], aRef = new double[z.Length], dZ = new double[z.Length], dZRef = new double[z.Length];
        ElementWise.Forward(f, z, a, rows, columns, path);
        ElementWise.Forward(f, z, aRef, rows, columns, KernelPath.Reference);
        bool ownExponential = path == KernelPath.Avx2 && (f == Activation.Sigmoid || f == Activation.Tanh || f == Activation.Softmax);
        if (ownExponential) Assert.All(Enumerable.Range(0, z.Length), k => AssertRelative(aRef[k], a[k], 1e-14));
        else Assert.Equal(Bits(aRef), Bits(a));
        ElementWise.Backward(f, z, a, dA, dZ, rows, columns, path);
        ElementWise.Backward(f, z, a, dA, dZRef, rows, columns, KernelPath.Reference);
        Assert.Equal(Bits(dZRef), Bits(dZ));
    }

    [Theory]
    [MemberData(nameof(KernelPaths.Fast), MemberType = typeof(KernelPaths))]
    public void BiasesAndTheirGradientsMatchTheReferenceBits(KernelPath path)
    {
        const int rows = 9, columns = 11;
        var random = new SeededRandom(2);
        foreach (BiasMode mode in Enum.GetValues<BiasMode>())
        {
            double[] biases = KernelPaths.Random(random, Layer.BiasCount(mode, columns));
            double[] z = KernelPaths.Random(random, rows * columns), zRef = (double[])z.Clone();
            ElementWise.AddBias(z, rows, columns, biases, mode, path);
            ElementWise.AddBias(zRef, rows, columns, biases, mode, KernelPath.Reference);
            Assert.Equal(Bits(zRef), Bits(z));

            double[] g = new double[biases.Length], gRef = new double[biases.Length];
            ElementWise.BiasGradient(z, rows, columns, mode, 1.0 / rows, g, path);
            ElementWise.BiasGradient(z, rows, columns, mode, 1.0 / rows, gRef, KernelPath.Reference);
            Assert.Equal(Bits(gRef), Bits(g));
            if (mode == BiasMode.PerNeuron) Assert.Equal(Enumerable.Range(0, rows).Sum(r => z[r * columns + 3]) / rows, g[3], 14);
        }
    }

    [Theory]
    [MemberData(nameof(KernelPaths.Fast), MemberType = typeof(KernelPaths))]
    public void TheSumOfSquaresIsWithin1e12OfThePlainSum(KernelPath path)
    {
        var values = KernelPaths.Random(new SeededRandom(4), 1001);
        double plain = values.Sum(v => v * v);
        Assert.Equal(plain, ElementWise.SumOfSquares(values, values.Length, path), 1e-12 * plain);
        Assert.Equal(values.Take(3).Sum(v => v * v), ElementWise.SumOfSquares(values, 3, path));
    }

    // Exact zeros, where ReLU and LeakyReLU switch, and negative zeros, whose sign a product keeps.
    private static double[] WithZeros(double[] values)
    {
        values[0] = 0.0;
        values[5] = -0.0;
        values[9] = 0.0;
        return values;
    }

    private static long[] Bits(double[] values) => Array.ConvertAll(values, BitConverter.DoubleToInt64Bits);

    [Fact]
    public void AllFiniteFindsAnInfinityOrNaNAnywhereInArraysOfEveryLength()
    {
        // Every length from empty to a few vectors and a tail, the bad value at every position, in both types; the
        // largest finite values stay finite (v - v is 0 for them).
        for (int length = 0; length <= 40; length++)
        {
            double[] doubles = Enumerable.Range(0, length).Select(i => i % 2 == 0 ? double.MaxValue : -1e-300).ToArray();
            float[] floats = Enumerable.Range(0, length).Select(i => i % 2 == 0 ? float.MaxValue : -1e-30f).ToArray();
            Assert.True(ElementWise.AllFinite(doubles));
            Assert.True(ElementWise.AllFinite(floats));
            for (int at = 0; at < length; at++)
            {
                foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                {
                    double keptDouble = doubles[at];
                    float keptFloat = floats[at];
                    doubles[at] = bad;
                    floats[at] = (float)bad;
                    Assert.False(ElementWise.AllFinite(doubles), $"length {length}, {bad} at {at}");
                    Assert.False(ElementWise.AllFinite(floats), $"length {length}, {bad} at {at} (float)");
                    doubles[at] = keptDouble;
                    floats[at] = keptFloat;
                }
            }
        }
    }
}
