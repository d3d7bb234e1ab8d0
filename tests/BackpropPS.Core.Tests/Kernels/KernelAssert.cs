using System;

namespace BackpropPS.Core.Tests.Kernels;

/// <summary>How close a kernel's result must be to the one it is compared with.</summary>
internal static class KernelAssert
{
    /// <summary>Equal, or within <paramref name="tolerance"/> of <paramref name="expected"/> relative to its size.</summary>
    public static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(expected == actual || Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
