#if !CORE_NETSTANDARD
using System;
using System.Linq;
using System.Runtime.Intrinsics;
using BackpropPS.Core.Kernels;
using static BackpropPS.Core.Tests.Kernels.KernelAssert;

namespace BackpropPS.Core.Tests.Kernels;

/// <summary>
/// The float AVX2 exponential against Math.Exp rounded to float: within 1e-6 relative over the range it covers
/// (its own error is one or two units in the last place, 1.2e-7 each), declining outside it, and Sigmoid and Tanh
/// likewise, small arguments of Tanh included.
/// </summary>
public class ExpAvx2SingleTests
{
    private static bool Supported => Engine.Path == KernelPath.Avx2;

    [Fact]
    public void TheExponentialIsWithin1e6OfMathExp()
    {
        if (!Supported) return;
        var random = new SeededRandom(1);
        float[] xs = Enumerable.Range(0, 4000).Select(i => (float)random.NextDouble(-87, 88))
            .Concat(new[] { 0f, -0f, 1e-30f, -1e-20f, 0.34657f, 0.6931472f, -87f, 88f, 1f, -1f }).ToArray();
        double worst = 0;
        foreach (float x in xs)
        {
            Assert.True(ExpAvx2Single.TryExp(Vector256.Create(x), out Vector256<float> e));
            double exact = Math.Exp(x);
            worst = Math.Max(worst, Math.Abs(e.GetElement(0) - exact) / exact);
        }
        Assert.True(worst <= 1e-6, $"worst relative error {worst:G3}");
        foreach (float x in new[] { 1e-7f, -3e-6f, 1e-30f, -2e-4f })
        {
            Assert.True(ExpAvx2Single.TryExpMinusOne(Vector256.Create(x), out Vector256<float> em1));
            AssertRelative(x + (double)x * x / 2, em1.GetElement(0), 1e-6);
        }
    }

    [Theory]
    [InlineData(-88.5f)]
    [InlineData(89f)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NaN)]
    public void OutsideItsRangeItDeclines(float x)
    {
        if (!Supported) return;
        Assert.False(ExpAvx2Single.TryExp(Vector256.Create(0f, 1f, x, 2f, 0f, 0f, 0f, 0f), out _));
    }

    [Fact]
    public void SigmoidAndTanhAreWithin1e6OfMath()
    {
        if (!Supported) return;
        var random = new SeededRandom(2);
        float[] zs = Enumerable.Range(0, 4000).Select(i => (float)random.NextDouble(-30, 30))
            .Concat(Enumerable.Range(0, 200).Select(i => (float)random.NextDouble(-1e-4, 1e-4))).ToArray();
        foreach (float z in zs)
        {
            Assert.True(ExpAvx2Single.TrySigmoid(Vector256.Create(z), out Vector256<float> s));
            AssertRelative(1 / (1 + Math.Exp(-(double)z)), s.GetElement(0), 1e-6);
            Assert.True(ExpAvx2Single.TryTanh(Vector256.Create(z), out Vector256<float> t));
            AssertRelative(Math.Tanh(z), t.GetElement(0), 1e-6);
        }
        Assert.True(ExpAvx2Single.TryTanh(Vector256.Create(40f), out Vector256<float> one));
        Assert.Equal(1f, one.GetElement(0));
    }
}
#endif
