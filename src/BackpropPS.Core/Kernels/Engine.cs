using System.Numerics;

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// What the numerical engine runs on in this process: the kernel path picked for this CPU and build,
    /// and how many threads large matrix products may use.
    /// </summary>
    public static class Engine
    {
        /// <summary>The fastest path this build can run on this CPU; the one every pass uses.</summary>
        public static KernelPath Path { get; } = PickPath();

        /// <summary>Logical processors: the most threads a large matrix product uses.</summary>
        public static int ProcessorCount { get; } = Math.Max(1, Environment.ProcessorCount);

        /// <summary>The build that is loaded: "net8.0" or "netstandard2.0".</summary>
        public static string Build =>
#if NET8_0_OR_GREATER
            "net8.0";
#else
            "netstandard2.0";
#endif

        /// <summary>Doubles per SIMD register on <see cref="Path"/> (1 for the reference loops).</summary>
        public static int VectorWidth => Path == KernelPath.Avx2 ? 4 : Path == KernelPath.Vector ? Vector<double>.Count : 1;

        /// <summary>A line for a log: the build, the path and its width, the processors.</summary>
        public static string Describe() =>
            $"BackpropPS {Build} build, {Path} kernels ({VectorWidth} doubles per vector), {ProcessorCount} processors";

        private static KernelPath PickPath()
        {
#if NET8_0_OR_GREATER
            if (System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported) return KernelPath.Avx2;
#endif
            return Vector.IsHardwareAccelerated ? KernelPath.Vector : KernelPath.Reference;
        }

    }
}
