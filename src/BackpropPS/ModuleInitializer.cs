using System.Threading;
using BackpropPS.Core.Training;

namespace BackpropPS
{
    /// <summary>What PowerShell runs once it has loaded the module's DLL.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        private static int s_warmedUp;

        /// <summary>
        /// Starts <see cref="EngineWarmUp"/> on a background thread, once per process, so that the JIT compiles the
        /// engine while the user loads data and builds a network, not during the first training call. The thread
        /// asks for below-normal priority, which Windows honours, so that the user's own work goes first there.
        /// </summary>
        public void OnImport()
        {
            if (Interlocked.Exchange(ref s_warmedUp, 1) != 0) return;
            new Thread(WarmUp) { IsBackground = true, Name = "BackpropPS warm-up", Priority = ThreadPriority.BelowNormal }.Start();
        }

        private static void WarmUp()
        {
            try
            {
                EngineWarmUp.Run();
            }
            catch (Exception)
            {
                // Nothing to report: a warm-up that fails leaves the compiling to the first real call, which reports
                // its own errors.
            }
        }
    }
}
