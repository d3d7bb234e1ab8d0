using System.Runtime.CompilerServices;

namespace BackpropPS.Core.Kernels
{
    /// <summary>How the kernels ask the JIT for its full optimisation at once.</summary>
    internal static class JitOptions
    {
        /// <summary>
        /// MethodImplOptions.AggressiveOptimization (512), spelled as a number because netstandard2.0 does not
        /// name it; .NET Framework ignores it. A hot loop then runs optimised from its first call instead of
        /// waiting for tiered compilation, which matters to a training run that calls each kernel a few
        /// thousand times.
        /// </summary>
        public const MethodImplOptions Optimize = (MethodImplOptions)512;
    }
}
