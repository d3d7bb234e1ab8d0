using System;
using System.Threading;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Tests.Kernels;

/// <summary>
/// The kernel workers: every part of a run is done exactly once and before Run returns, whether its worker does it
/// or the caller takes it back from a worker that has not started it.
/// </summary>
public class ParallelKernelTests
{
    // Counts the runs of each part; a part run twice, or not at all, or after Run returned, shows in the counts.
    private sealed class CountedParts : IPartitionedWork
    {
        public readonly int[] Runs = new int[Engine.ProcessorCount];
        public int Parts;

        public void Execute(int part, int parts)
        {
            Assert.Equal(Parts, parts);
            Interlocked.Increment(ref Runs[part]);
        }
    }

    private sealed class Failing : IPartitionedWork
    {
        public void Execute(int part, int parts)
        {
            if (part == parts - 1) throw new ArithmeticException("part " + part);
        }
    }

    [Fact]
    public void EveryPartRunsExactlyOnceEvenWhenTheWorkersCoresAreTaken()
    {
        if (Engine.ProcessorCount < 2) return;
        // Threads that keep every core busy, so that a worker is often off its core when a part is posted and the
        // caller takes the part back; the rest of the time the worker runs it.
        using var stop = new CancellationTokenSource();
        var hogs = new Thread[Engine.ProcessorCount];
        for (int h = 0; h < hogs.Length; h++)
        {
            hogs[h] = new Thread(() => { while (!stop.IsCancellationRequested) Thread.SpinWait(1000); }) { IsBackground = true };
            hogs[h].Start();
        }
        try
        {
            var work = new CountedParts { Parts = Engine.ProcessorCount };
            for (int run = 1; run <= 2000; run++)
            {
                ParallelKernel.Run(work, work.Parts);
                for (int part = 0; part < work.Parts; part++) Assert.Equal(run, Volatile.Read(ref work.Runs[part]));
            }
        }
        finally
        {
            stop.Cancel();
            foreach (Thread hog in hogs) hog.Join();
        }
    }

    [Fact]
    public void AFailingPartIsReportedAndTheWorkersGoOn()
    {
        if (Engine.ProcessorCount < 2) return;
        for (int run = 0; run < 200; run++)
        {
            var failure = Assert.Throws<InvalidOperationException>(() => ParallelKernel.Run(new Failing(), Engine.ProcessorCount));
            Assert.IsType<ArithmeticException>(failure.InnerException);
        }
        var work = new CountedParts { Parts = Engine.ProcessorCount };
        ParallelKernel.Run(work, work.Parts);
        Assert.All(work.Runs, runs => Assert.Equal(1, runs));
    }
}
