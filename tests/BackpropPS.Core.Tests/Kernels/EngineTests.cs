using System.Numerics;
using System.Runtime.Intrinsics.X86;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Tests.Kernels;

/// <summary>Each test project runs the build it is meant to, on the fastest path that build has here.</summary>
public class EngineTests
{
    [Fact]
    public void TheTestsRunTheBuildTheyMeanTo()
    {
#if CORE_NETSTANDARD
        Assert.Equal("netstandard2.0", Engine.Build);
        Assert.Equal(Vector.IsHardwareAccelerated ? KernelPath.Vector : KernelPath.Reference, Engine.Path);
#else
        Assert.Equal("net8.0", Engine.Build);
        Assert.Equal(Avx2.IsSupported && Fma.IsSupported ? KernelPath.Avx2
            : Vector.IsHardwareAccelerated ? KernelPath.Vector : KernelPath.Reference, Engine.Path);
#endif
        Assert.Contains(Engine.Build, Engine.Describe());
    }
}
