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
    /// Runs one pipeline per run, a worker thread per slot taking the next run in grid order: the slots are a local
    /// RunspacePool with the module imported (-ThrottleLimit of them), or the runspaces of remote sessions (which
    /// run one pipeline at a time). So the local and the remote path share one scheduler.
    /// </summary>
    internal sealed class SweepWorkers : IDisposable
    {
        // One per worker thread: puts a run's pipeline on that worker's runspace (or the local pool).
        private readonly IReadOnlyList<Action<PowerShell>> _slots;
        private readonly RunspacePool _pool;
        private readonly Func<int, PowerShell> _build;
        private readonly Func<int, IEnumerable<object>> _input;
        private readonly SweepOutcome[] _outcomes;
        private readonly List<PowerShell> _running = new List<PowerShell>();
        private int _next;
        private volatile bool _stopped;

        private SweepWorkers(IReadOnlyList<Action<PowerShell>> slots, RunspacePool pool, int runs, Func<int, PowerShell> build, Func<int, IEnumerable<object>> input)
        {
            _slots = slots;
            _pool = pool;
            _build = build;
            _input = input;
            _outcomes = new SweepOutcome[runs];
            for (int k = 0; k < runs; k++) _outcomes[k] = new SweepOutcome();
        }

        public IReadOnlyList<SweepOutcome> Outcomes => _outcomes;

        /// <summary>
        /// A pool of <paramref name="throttle"/> local runspaces, each importing the module from
        /// <paramref name="modulePath"/>, and as many worker threads.
        /// </summary>
        public static SweepWorkers Local(string modulePath, int throttle, int runs, Func<int, PowerShell> build, Func<int, IEnumerable<object>> input)
        {
            var state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { modulePath });
            int size = Math.Max(1, Math.Min(throttle, runs));
            RunspacePool pool = RunspaceFactory.CreateRunspacePool(state);
            pool.SetMaxRunspaces(size);
            pool.Open();
            var slots = Enumerable.Repeat<Action<PowerShell>>(ps => ps.RunspacePool = pool, size).ToList();
            return new SweepWorkers(slots, pool, runs, build, input);
        }

        /// <summary>The runspaces of remote sessions, borrowed: they stay open after the sweep.</summary>
        public static SweepWorkers Remote(IReadOnlyList<Runspace> runspaces, int runs, Func<int, PowerShell> build, Func<int, IEnumerable<object>> input) =>
            new SweepWorkers(runspaces.Select(r => (Action<PowerShell>)(ps => ps.Runspace = r)).ToList(), null, runs, build, input);

        /// <summary>Starts one worker thread per runspace; each takes the next run in grid order until none is left.</summary>
        public void Start()
        {
            foreach (Action<PowerShell> slot in _slots)
            {
                var thread = new Thread(() => Work(slot)) { IsBackground = true, Name = "BackpropPS sweep" };
                thread.Start();
            }
        }

        /// <summary>Stops every run in flight and starts no more (Ctrl+C).</summary>
        public void Stop()
        {
            _stopped = true;
            lock (_running) foreach (PowerShell ps in _running) ps.BeginStop(null, null);
        }

        private void Work(Action<PowerShell> attach)
        {
            int run;
            while (!_stopped && (run = Interlocked.Increment(ref _next) - 1) < _outcomes.Length)
            {
                SweepOutcome outcome = _outcomes[run];
                using (PowerShell ps = _build(run))
                {
                    attach(ps);
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

        public void Dispose()
        {
            Stop();
            _pool?.Dispose();
        }
    }
}
