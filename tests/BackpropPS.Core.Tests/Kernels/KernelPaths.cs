using System.Collections.Generic;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Tests.Kernels;

/// <summary>The kernel paths this build can run on this machine, for theories that compare them.</summary>
internal static class KernelPaths
{
    /// <summary>Every fast path: Vector always, Avx2 where the build and the CPU have it.</summary>
    public static IEnumerable<object[]> Fast()
    {
        yield return new object[] { KernelPath.Vector };
        if (Engine.Path == KernelPath.Avx2) yield return new object[] { KernelPath.Avx2 };
    }

    /// <summary>A seeded batch of values in [low, high).</summary>
    public static double[] Random(SeededRandom random, int count, double low = -1, double high = 1)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = random.NextDouble(low, high);
        return values;
    }
}
