namespace BackpropPS.Core.Kernels
{
    /// <summary>Which implementation of the numerical kernels runs.</summary>
    public enum KernelPath
    {
        /// <summary>Plain loops in textbook order: the reference every other path is tested against.</summary>
        Reference,
        /// <summary>System.Numerics.Vector&lt;double&gt;: both builds, on any CPU .NET vectorises.</summary>
        Vector,
        /// <summary>Vector256 with fused multiply-add (AVX2 and FMA): the net8.0 build only.</summary>
        Avx2,
    }
}
