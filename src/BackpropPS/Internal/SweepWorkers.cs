using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace BackpropPS.Internal
{
    /// <summary>What one run of a sweep gave: its output objects, its errors, and whether it finished.</summary>
    internal sealed class SweepOutcome
    {
        public readonly List<PSObject> Output = new List<PSObject>();
        public readonly List<ErrorRecord> Errors = new List<ErrorRecord>();
        public readonly ManualResetEvent Done = new ManualResetEvent(false);
    }

    /// <summary>
    /// Runs one pipeline per run on a set of runspaces, one run at a time on each (a thread per runspace): local
    /// runspaces with the module imported, or the runspaces of remote sessions (which run one pipeline at a time
    /// anyway). So the local and the remote path share one scheduler, and -ThrottleLimit is the number of local runspaces.
    /// </summary>
    internal sealed class SweepWorkers : IDisposable
    {
        private readonly IReadOnlyList<Runspace> _runspaces;
        private readonly bool _ownsRunspaces;
        private readonly Func<int, PowerShell> _build;
        private readonly Func<int, IEnumerable<object>> _input;
        private readonly SweepOutcome[] _outcomes;
        private readonly List<PowerShell> _running = new List<PowerShell>();
        private int _next;
        private volatile bool _stopped;

        private SweepWorkers(IReadOnlyList<Runspace> runspaces, bool owns, int runs, Func<int, PowerShell> build, Func<int, IEnumerable<object>> input)
        {
            _runspaces = runspaces;
            _ownsRunspaces = owns;
            _build = build;
            _input = input;
            _outcomes = new SweepOutcome[runs];
            for (int k = 0; k < runs; k++) _outcomes[k] = new SweepOutcome();
        }

        public IReadOnlyList<SweepOutcome> Outcomes => _outcomes;

        /// <summary>Local runspaces, each importing the module from <paramref name="modulePath"/>.</summary>
        public static SweepWorkers Local(string modulePath, int throttle, int runs, Func<int, PowerShell> build, Func<int, IEnumerable<object>> input)
        {
            var state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { modulePath });
            var runspaces = new List<Runspace>();
            for (int k = 0; k < Math.Min(throttle, runs); k++) runspaces.Add(RunspaceFactory.CreateRunspace(state));
            // Opened side by side: each import takes a moment.
            foreach (Runspace r in runspaces) r.OpenAsync();
            foreach (Runspace r in runspaces) WaitOpened(r);
            return new SweepWorkers(runspaces, true, runs, build, input);
        }

        /// <summary>The runspaces of remote sessions, borrowed: they stay open after the sweep.</summary>
        public static SweepWorkers Remote(IReadOnlyList<Runspace> runspaces, int runs, Func<int, PowerShell> build, Func<int, IEnumerable<object>> input) =>
            new SweepWorkers(runspaces, false, runs, build, input);

        /// <summary>Starts one worker thread per runspace; each takes the next run in grid order until none is left.</summary>
        public void Start()
        {
            foreach (Runspace r in _runspaces)
            {
                var thread = new Thread(() => Work(r)) { IsBackground = true, Name = "BackpropPS sweep" };
                thread.Start();
            }
        }

        /// <summary>Stops every run in flight and starts no more (Ctrl+C).</summary>
        public void Stop()
        {
            _stopped = true;
            lock (_running) foreach (PowerShell ps in _running) ps.BeginStop(null, null);
        }

        private void Work(Runspace runspace)
        {
            int run;
            while (!_stopped && (run = Interlocked.Increment(ref _next) - 1) < _outcomes.Length)
            {
                SweepOutcome outcome = _outcomes[run];
                using (PowerShell ps = _build(run))
                {
                    ps.Runspace = runspace;
                    var input = new PSDataCollection<object>(_input(run) ?? Array.Empty<object>());
                    input.Complete();
                    var output = new PSDataCollection<PSObject>();
                    lock (_running) _running.Add(ps);
                    try
                    {
                        ps.Invoke(input, output);
                    }
                    catch (Exception e)
                    {
                        // Whatever stopped this run is reported for it, and the thread goes on with the next.
                        Record(outcome, e);
                    }
                    lock (_running) _running.Remove(ps);
                    outcome.Output.AddRange(output.ReadAll());
                    outcome.Errors.InsertRange(0, ps.Streams.Error.ReadAll());
                }
                outcome.Done.Set();
            }
        }

        private static void Record(SweepOutcome outcome, Exception e)
        {
            ErrorRecord record = (e as IContainsErrorRecord)?.ErrorRecord ??
                new ErrorRecord(e, "SweepRunFailed", ErrorCategory.NotSpecified, null);
            outcome.Errors.Add(record);
        }

        private static void WaitOpened(Runspace runspace)
        {
            while (runspace.RunspaceStateInfo.State == RunspaceState.BeforeOpen || runspace.RunspaceStateInfo.State == RunspaceState.Opening)
                Thread.Sleep(10);
            if (runspace.RunspaceStateInfo.State != RunspaceState.Opened)
                throw runspace.RunspaceStateInfo.Reason ?? new InvalidOperationException("A runspace for the sweep did not open.");
        }

        public void Dispose()
        {
            Stop();
            if (!_ownsRunspaces) return;
            foreach (Runspace r in _runspaces) r.Dispose();
        }
    }
}
