using System.Threading;

namespace BackpropPS.Core.Kernels
{
    /// <summary>Work that can be cut into parts run at the same time; each part writes its own share.</summary>
    internal interface IPartitionedWork
    {
        void Execute(int part, int parts);
    }

    /// <summary>
    /// Runs the parts of a kernel on the calling thread and one long-lived background worker per further
    /// processor. Posting a part allocates nothing, and a worker spins briefly before it sleeps, so the
    /// back-to-back products of a training step do not pay for a thread wake-up each. When another thread
    /// already has the workers (two runs at once), the caller runs every part itself: slower, same numbers.
    /// A part that its worker has not started by the time the caller is done with its own is taken back and run
    /// by the caller: when another thread has the worker's core (the runtime compiling in the background, another
    /// program), a product costs at most what it costs on one thread instead of waiting for the core to come back.
    /// Which thread runs a part never changes its numbers.
    /// </summary>
    internal static class ParallelKernel
    {
        private static readonly Lazy<Worker[]> s_workers = new Lazy<Worker[]>(() =>
        {
            var workers = new Worker[Engine.ProcessorCount - 1];
            for (int w = 0; w < workers.Length; w++) workers[w] = new Worker(w + 1);
            return workers;
        });
        private static int s_busy;

        /// <summary>Runs parts 0 .. parts - 1 of <paramref name="work"/> and returns when all are done.</summary>
        public static void Run(IPartitionedWork work, int parts)
        {
            parts = Math.Min(parts, Engine.ProcessorCount);
            if (parts <= 1)
            {
                work.Execute(0, 1);
                return;
            }
            // Started on first use even when busy, so that a warmed-up caller never pays for it later.
            Worker[] workers = s_workers.Value;
            if (Interlocked.CompareExchange(ref s_busy, 1, 0) != 0)
            {
                for (int part = 0; part < parts; part++) work.Execute(part, parts);
                return;
            }
            try
            {
                for (int part = 1; part < parts; part++) workers[part - 1].Post(work, part, parts);
                work.Execute(0, parts);
                Exception failure = null;
                for (int part = 1; part < parts; part++) failure = workers[part - 1].TakeBackOrWait() ?? failure;
                if (failure != null) throw new InvalidOperationException("A part of a kernel failed.", failure);
            }
            finally
            {
                Volatile.Write(ref s_busy, 0);
            }
        }

        private sealed class Worker
        {
            // Spinning this long before a worker sleeps outlasts the gap between two products of a training step.
            private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 5000; // 0.2 ms
            private readonly object _gate = new object();
            private IPartitionedWork _work;
            private int _part, _parts;
            // Parts are numbered as posted; the worker or the caller claims one by moving _claimed on to its number.
            private long _posted, _claimed, _completed;
            private Exception _failure;

            public Worker(int number)
            {
                var thread = new Thread(Loop) { IsBackground = true, Name = $"BackpropPS kernel worker {number}" };
                thread.Start();
            }

            public void Post(IPartitionedWork work, int part, int parts)
            {
                _work = work;
                _part = part;
                _parts = parts;
                _failure = null;
                lock (_gate)
                {
                    Volatile.Write(ref _posted, _posted + 1);
                    Monitor.Pulse(_gate);
                }
            }

            /// <summary>Runs the posted part on the calling thread if the worker has not started it, else waits for it.</summary>
            public Exception TakeBackOrWait()
            {
                long posted = Volatile.Read(ref _posted);
                if (Interlocked.CompareExchange(ref _claimed, posted, posted - 1) == posted - 1)
                {
                    IPartitionedWork work = _work;
                    _work = null;
                    try { work.Execute(_part, _parts); }
                    catch (Exception e) { return e; }
                    return null;
                }
                // The worker has the part, as large as ours, so it is nearly done: spin, and let it have the core
                // if it was put off it.
                for (int i = 0; Volatile.Read(ref _completed) != posted; i++)
                {
                    if (i < 1000) Thread.SpinWait(10);
                    else Thread.Yield();
                }
                return _failure;
            }

            private void Loop()
            {
                long seen = 0;
                while (true)
                {
                    long start = System.Diagnostics.Stopwatch.GetTimestamp();
                    while (Volatile.Read(ref _posted) == seen && System.Diagnostics.Stopwatch.GetTimestamp() - start < SpinTicks)
                        Thread.SpinWait(10);
                    if (Volatile.Read(ref _posted) == seen)
                    {
                        lock (_gate)
                        {
                            while (Volatile.Read(ref _posted) == seen) Monitor.Wait(_gate);
                        }
                    }
                    seen = Volatile.Read(ref _posted);
                    // The caller may have taken the part back already; then it is done, and not ours to touch.
                    if (Interlocked.CompareExchange(ref _claimed, seen, seen - 1) != seen - 1) continue;
                    try
                    {
                        _work.Execute(_part, _parts);
                    }
                    catch (Exception e)
                    {
                        _failure = e;
                    }
                    _work = null;
                    Volatile.Write(ref _completed, seen);
                }
            }
        }
    }
}
