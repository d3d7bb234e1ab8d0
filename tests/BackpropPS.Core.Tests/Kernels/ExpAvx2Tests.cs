#if !CORE_NETSTANDARD
using System;
using System.Linq;
using System.Runtime.Intrinsics;
using BackpropPS.Core.Kernels;
using static BackpropPS.Core.Tests.Kernels.KernelAssert;

namespace BackpropPS.Core.Tests.Kernels;

/// <summary>
/// The AVX2 exponential against Math: within 1e-14 relative (a few units in the last place) over the whole
/// range it covers, exact at its edges by leaving them to Math, and Sigmoid and Tanh likewise, small
/// arguments of Tanh included (where a careless e^2z - 1 loses every digit).
/// </summary>
public class ExpAvx2Tests
{
    private static bool Supported => Engine.Path == KernelPath.Avx2;

    [Fact]
    public void TheExponentialIsWithin1e14OfMathExp()
    {
        if (!Supported) return;
        var random = new SeededRandom(1);
        double[] xs = Enumerable.Range(0, 4000).Select(i => random.NextDouble(-708, 709))
            .Concat(new[] { 0.0, -0.0, 1e-300, -1e-20, 0.5 * Math.Log(2), Math.Log(2), -708, 709, 1, -1 }).ToArray();
        foreach (double x in xs)
        {
            Assert.True(ExpAvx2.TryExp(Vector256.Create(x), out Vector256<double> e));
            AssertRelative(Math.Exp(x), e.GetElement(0), 1e-14);
        }
        // e^x - 1 itself keeps its digits for small x, where Math.Exp(x) - 1 cannot.
        foreach (double x in new[] { 1e-10, -3e-8, 1e-300, -2e-5 })
        {
            Assert.True(ExpAvx2.TryExpMinusOne(Vector256.Create(x), out Vector256<double> em1));
            AssertRelative(x + x * x / 2 + x * x * x / 6, em1.GetElement(0), 1e-14);
        }
        Assert.True(ExpAvx2.TryExpMinusOne(Vector256.Create(0.75), out Vector256<double> larger));
        AssertRelative(Math.Exp(0.75) - 1, larger.GetElement(0), 1e-14);
    }

    [Theory]
    [InlineData(-709.5)]
    [InlineData(710)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void OutsideItsRangeItDeclines(double x)
    {
        if (!Supported) return;
        Assert.False(ExpAvx2.TryExp(Vector256.Create(0.0, 1.0, x, 2.0), out _));
        Assert.False(ExpAvx2.TryExpMinusOne(Vector256.Create(0.0, 1.0, x, 2.0), out _));
    }

    [Fact]
    public void SigmoidAndTanhAreWithin1e14OfTheScalarForms()
    {
        if (!Supported) return;
        var random = new SeededRandom(2);
        double[] zs = Enumerable.Range(0, 4000).Select(i => random.NextDouble(-40, 40))
            .Concat(Enumerable.Range(0, 200).Select(i => random.NextDouble(-1e-6, 1e-6)))
            .Concat(new[] { 0.0, 1e-300, -1e-300, 20, -20, 25, -700, 700 }).ToArray();
        foreach (double z in zs)
        {
            Assert.True(ExpAvx2.TrySigmoid(Vector256.Create(z), out Vector256<double> s));
            AssertRelative(1.0 / (1.0 + Math.Exp(-z)), s.GetElement(0), 1e-14);
            Assert.True(ExpAvx2.TryTanh(Vector256.Create(z), out Vector256<double> t));
            AssertRelative(Math.Tanh(z), t.GetElement(0), 1e-14);
        }
        Assert.False(ExpAvx2.TryTanh(Vector256.Create(double.NaN), out _));
    }
}
#endif
