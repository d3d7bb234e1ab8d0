using System.Management.Automation.Runspaces;
using System.Threading;
using BackpropPS.Commands;
using BackpropPS.Core.Training;

namespace BackpropPS
{
    /// <summary>
    /// Has the JIT compile the engine (<see cref="EngineWarmUp"/>) and the training command's own path on a background
    /// thread while the user loads data and builds a network, so that a first training call does not wait for it. The
    /// root module starts it as the last step of Import-Module (about_BackpropPS, "A first call").
    /// </summary>
    public static class ModuleWarmUp
    {
        private static int s_started;

        /// <summary>Starts the warm-up, once per process; later calls do nothing.</summary>
        public static void Start()
        {
            if (Interlocked.Exchange(ref s_started, 1) != 0) return;
            // Below-normal priority, which Windows honours: the user's own work goes first there.
            new Thread(Run) { IsBackground = true, Name = "BackpropPS warm-up", Priority = ThreadPriority.BelowNormal }.Start();
        }

        private static void Run()
        {
            try
            {
                EngineWarmUp.Run();
                TrainOnce();
            }
            catch (Exception)
            {
                // Nothing to report: a warm-up that fails leaves the compiling to the first real call, which reports
                // its own errors.
            }
        }

        // Invoke-BackpropTraining once, on two made-up samples, in a runspace of its own that holds only that command:
        // PowerShell reads and binds the command's parameters, and the command reads its data and makes its rows, as in
        // a user's first call. Nothing of it is kept.
        private static void TrainOnce()
        {
            InitialSessionState state = InitialSessionState.Create();
            state.Commands.Add(new SessionStateCmdletEntry("Invoke-BackpropTraining", typeof(InvokeBackpropTrainingCommand), null));
            using (PowerShell shell = PowerShell.Create(state))
            {
                shell.AddCommand("Invoke-BackpropTraining")
                    .AddParameter("Network", NetworkFactory.Random(new[] { 3, 4, 2 }, new[] { Activation.ReLU, Activation.Softmax },
                        BiasMode.PerNeuron, Initialization.Auto, 1))
                    .AddParameter("Input", new[] { new[] { 0.1, 0.2, 0.3 }, new[] { 0.4, 0.5, 0.6 } })
                    .AddParameter("Target", new[] { new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 } })
                    .AddParameter("LearningRate", 0.01)
                    .AddParameter("Epochs", 1);
                shell.Invoke();
            }
        }
    }
}
