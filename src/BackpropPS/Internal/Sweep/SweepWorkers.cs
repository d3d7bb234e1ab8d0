using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace BackpropPS.Internal
{
    /// <summary>
    /// What one run of a sweep gives, as it comes: its rows through a bounded queue, then its errors. The run's
    /// pipeline waits while the queue is full, so a run ahead of the one being written holds at most
    /// <see cref="Capacity"/> rows, and a row written is a row let go.
    /// </summary>
    internal sealed class SweepRunOutput
    {
        /// <summary>Rows a run may make ahead of the writer.</summary>
        public const int Capacity = 64;

        public SweepRunOutput(long run) => Run = run;

        /// <summary>The run, from 0 in grid order.</summary>
        public long Run { get; }

        public BlockingCollection<PSObject> Rows { get; } = new BlockingCollection<PSObject>(Capacity);

        /// <summary>The run's errors, complete once <see cref="Rows"/> is.</summary>
        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();
    }

    /// <summary>
    /// Runs one pipeline per run, a worker thread per slot taking the next run in grid order: the slots are a local
    /// RunspacePool with the module imported (-ThrottleLimit of them), or the runspaces of remote sessions (which
    /// run one pipeline at a time). Memory is bounded whatever the grid: at most <see cref="Window"/> runs are
    /// started and not yet written, each holding at most <see cref="SweepRunOutput.Capacity"/> rows.
    /// </summary>
    internal sealed class SweepWorkers : IDisposable
    {
        // One per worker thread: puts a run's pipeline on that worker's runspace (or the local pool).
        private readonly IReadOnlyList<Action<PowerShell>> _slots;
        private readonly RunspacePool _pool;
        private readonly long _runs;
        private readonly Func<long, PowerShell> _build;
        private readonly IEnumerable<object> _input;
        private readonly Dictionary<long, SweepRunOutput> _started = new Dictionary<long, SweepRunOutput>();
        private readonly SemaphoreSlim _window;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly List<PowerShell> _running = new List<PowerShell>();
        private readonly List<Thread> _threads = new List<Thread>();
        private long _next = -1;

        private SweepWorkers(IReadOnlyList<Action<PowerShell>> slots, RunspacePool pool, long runs, Func<long, PowerShell> build, IEnumerable<object> input)
        {
            _slots = slots;
            _pool = pool;
            _runs = runs;
            _build = build;
            _input = input;
            Window = slots.Count + 1;
            _window = new SemaphoreSlim(Window);
        }

        /// <summary>Runs started and not yet written, at most: one per slot, and one more ready when the writer moves on.</summary>
        public int Window { get; }

        /// <summary>
        /// A pool of <paramref name="throttle"/> local runspaces, each importing the module from
        /// <paramref name="modulePath"/>, and as many worker threads.
        /// </summary>
        public static SweepWorkers Local(string modulePath, int throttle, long runs, Func<long, PowerShell> build, IEnumerable<object> input)
        {
            var state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { modulePath });
            int size = (int)Math.Max(1, Math.Min(throttle, runs));
            RunspacePool pool = RunspaceFactory.CreateRunspacePool(state);
            pool.SetMaxRunspaces(size);
            pool.Open();
            var slots = Enumerable.Repeat<Action<PowerShell>>(ps => ps.RunspacePool = pool, size).ToList();
            return new SweepWorkers(slots, pool, runs, build, input);
        }

        /// <summary>The runspaces of remote sessions, borrowed: they stay open after the sweep.</summary>
        public static SweepWorkers Remote(IReadOnlyList<Runspace> runspaces, long runs, Func<long, PowerShell> build, IEnumerable<object> input) =>
            new SweepWorkers(runspaces.Select(r => (Action<PowerShell>)(ps => ps.Runspace = r)).ToList(), null, runs, build, input);

        /// <summary>Starts one worker thread per runspace; each takes the next run in grid order until none is left.</summary>
        public void Start()
        {
            foreach (Action<PowerShell> slot in _slots)
            {
                var thread = new Thread(() => Work(slot)) { IsBackground = true, Name = "BackpropPS sweep" };
                _threads.Add(thread);
                thread.Start();
            }
        }

        /// <summary>
        /// Run <paramref name="run"/>'s output, once a worker has started it; the caller writes its rows as they come
        /// and then calls <see cref="Written"/>. Null when the sweep is stopped.
        /// </summary>
        public SweepRunOutput Output(long run)
        {
            lock (_started)
            {
                SweepRunOutput output;
                while (!_started.TryGetValue(run, out output))
                {
                    if (_stop.IsCancellationRequested) return null;
                    Monitor.Wait(_started, 100);
                }
                return output;
            }
        }

        /// <summary>The rows of <paramref name="output"/> as they come, until its run ends or the sweep is stopped.</summary>
        public IEnumerable<PSObject> Rows(SweepRunOutput output) => output.Rows.GetConsumingEnumerable(_stop.Token);

        /// <summary>The writer is done with a run: nothing of it is kept, and a worker may start one more.</summary>
        public void Written(SweepRunOutput output)
        {
            lock (_started) _started.Remove(output.Run);
            output.Rows.Dispose();
            _window.Release();
        }

        /// <summary>Stops every run in flight and starts no more (Ctrl+C, or a downstream Select-Object -First).</summary>
        public void Stop()
        {
            _stop.Cancel();
            lock (_running) foreach (PowerShell ps in _running) ps.BeginStop(null, null);
        }

        private void Work(Action<PowerShell> attach)
        {
            try
            {
                while (true)
                {
                    _window.Wait(_stop.Token);
                    long run = Interlocked.Increment(ref _next);
                    if (run >= _runs) return;
                    var output = new SweepRunOutput(run);
                    lock (_started)
                    {
                        _started.Add(run, output);
                        Monitor.PulseAll(_started);
                    }
                    Invoke(run, attach, output);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: the thread ends.
            }
        }

        private void Invoke(long run, Action<PowerShell> attach, SweepRunOutput output)
        {
            using (PowerShell ps = _build(run))
            {
                attach(ps);
                var input = new PSDataCollection<object>(_input ?? Array.Empty<object>());
                input.Complete();
                var rows = new PSDataCollection<PSObject>();
                // Raised on the run's own pipeline thread: while the queue is full, the run waits here.
                rows.DataAdded += (sender, e) =>
                {
                    foreach (PSObject row in rows.ReadAll()) output.Rows.Add(row, _stop.Token);
                };
                lock (_running) _running.Add(ps);
                try
                {
                    ps.Invoke(input, rows);
                }
                catch (Exception e) when (!(e is OperationCanceledException && _stop.IsCancellationRequested))
                {
                    // Whatever stopped this run is reported for it, and the thread goes on with the next.
                    output.Errors.Add((e as IContainsErrorRecord)?.ErrorRecord ?? new ErrorRecord(e, "SweepRunFailed", ErrorCategory.NotSpecified, null));
                }
                finally
                {
                    lock (_running) _running.Remove(ps);
                    output.Errors.InsertRange(0, ps.Streams.Error.ReadAll());
                    output.Rows.CompleteAdding();
                }
            }
        }

        public void Dispose()
        {
            Stop();
            foreach (Thread thread in _threads) thread.Join(TimeSpan.FromSeconds(10));
            _pool?.Dispose();
            _window.Dispose();
            _stop.Dispose();
        }
    }
}
