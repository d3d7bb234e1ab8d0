using System.Threading;
using BackpropPS.Commands;
using BackpropPS.Core.Training;

namespace BackpropPS
{
    /// <summary>What PowerShell runs once it has loaded the module's DLL.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        private static int s_warmedUp;

        /// <summary>
        /// Starts a warm-up on a background thread, once per process: the JIT compiles the training command's
        /// path and the engine (<see cref="EngineWarmUp"/>) while the user loads data and builds a network, so
        /// that a first training call does not wait for it. Below normal priority, so the user's own work goes first.
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
                // PowerShell reads a command's parameters from its type once per process and keeps them.
                _ = new CommandMetadata(typeof(InvokeBackpropTrainingCommand));
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
