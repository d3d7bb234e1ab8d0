using System.Threading;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// The learning-rate range test: mini-batch steps as the training loop takes them (the same workspace, the
    /// same optimizers, the same batches and shuffles), each with the next rate of a geometric schedule, until
    /// the last step or the blow-up, in the options' precision. The network given is not changed: the workspace
    /// trains copies of its parameters.
    /// </summary>
    public static class LearningRateFinder
    {
        /// <summary>
        /// Runs the test lazily, one row per step. <paramref name="options"/> gives the batches, loss, optimizer
        /// (its learning rate is ignored: the schedule sets it), shuffling, seed and threads; its epochs do not
        /// count, the data is passed over as often as the steps need. The last row is marked
        /// <see cref="LearningRateRangeRow.Diverged"/> when the test stopped there.
        /// </summary>
        public static IEnumerable<LearningRateRangeRow> Run(Network network, Dataset data, TrainingOptions options,
            LearningRateRange range, CancellationToken cancellation = default)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            if (data == null) throw new ArgumentNullException(nameof(data));
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (range == null) throw new ArgumentNullException(nameof(range));
            range.Validate();
            options.Validate();
            Losses.EnsureCompatible(options.Loss, network.Layers[network.Layers.Count - 1].Activation);
            Validation.EnsureBatch(data.Inputs, network.InputSize, "input", "InputSizeMismatch", "NonFiniteInput");
            Validation.EnsureBatch(data.Targets, network.OutputSize, "target", "TargetSizeMismatch", "NonFiniteTarget");
            // The optimizer reads its settings' rate at every step: a copy of its own lets the schedule set it
            // without touching the caller's settings.
            OptimizerSettings settings = options.Optimizer.Copy();
            settings.LearningRate = range.MinLearningRate;
            Optimizer optimizer = settings.Create();
            return options.Precision == Precision.Single
                ? Steps<float>(network, data, options, range, settings, optimizer, cancellation)
                : Steps<double>(network, data, options, range, settings, optimizer, cancellation);
        }

        /// <summary>Runs the whole test and sums it up with its suggested rate.</summary>
        public static LearningRateRangeResult Find(Network network, Dataset data, TrainingOptions options, LearningRateRange range,
            CancellationToken cancellation = default) =>
            Summarize(Run(network, data, options, range, cancellation).ToList(), range, options.Optimizer.Kind);

        /// <summary>
        /// The result of the rows a test gave: the suggestion is the steepest descent of the smoothed loss before
        /// the blow-up, ignoring the first tenth of the steps, where the smoothed loss has seen too few batches to be more than noise.
        /// </summary>
        public static LearningRateRangeResult Summarize(IReadOnlyList<LearningRateRangeRow> rows, LearningRateRange range, OptimizerKind optimizer)
        {
            if (rows == null) throw new ArgumentNullException(nameof(rows));
            if (range == null) throw new ArgumentNullException(nameof(range));
            var before = rows.Where(r => !r.Diverged).ToList();
            var rates = before.Select(r => r.LearningRate).ToList();
            var smoothed = before.Select(r => r.SmoothedLoss).ToList();
            int k = LearningRateSuggestion.Steepest(rates, smoothed, range.Steps / 10);
            if (k < 0) return new LearningRateRangeResult(optimizer, range.MinLearningRate, range.MaxLearningRate, range.Steps, rows, null, null);
            double slope = LearningRateSuggestion.Slope(rates, smoothed, k);
            var marked = rows.ToArray();
            marked[k] = marked[k].AsSuggested();
            return new LearningRateRangeResult(optimizer, range.MinLearningRate, range.MaxLearningRate, range.Steps, marked, k + 1, slope);
        }

        private static IEnumerable<LearningRateRangeRow> Steps<T>(Network network, Dataset data, TrainingOptions options,
            LearningRateRange range, OptimizerSettings settings, Optimizer optimizer, CancellationToken cancellation) where T : unmanaged
        {
            int batchSize = options.BatchSize == 0 || options.BatchSize > data.Count ? data.Count : options.BatchSize;
            var workspace = new TrainingWorkspace<T>(network, batchSize, Engine.Path, options.Threads);
            data = data.WithPrecision(workspace.Precision);
            var random = new SeededRandom(options.Seed);
            int[] order = Enumerable.Range(0, data.Count).ToArray();
            var smoothing = new LossSmoothing(range.Smoothing);
            double best = double.PositiveInfinity;
            int start = data.Count;
            for (int step = 1; step <= range.Steps; step++)
            {
                if (cancellation.IsCancellationRequested) yield break;
                // A new pass over the data (shuffled as the training loop shuffles each epoch) when the last one ran out.
                if (start >= data.Count)
                {
                    start = 0;
                    if (options.Shuffle) random.Shuffle(order);
                }
                double rate = range.RateAt(step);
                int count = Math.Min(batchSize, data.Count - start);
                double loss = workspace.ComputeGradient(data, options.Shuffle ? order : null, start, count, options.Loss);
                start += count;
                double smoothed = smoothing.Add(loss);
                bool finite = !double.IsNaN(smoothed) && !double.IsInfinity(smoothed);
                if (finite && smoothed < best) best = smoothed;
                if (!finite || (range.BlowUpFactor > 0 && smoothed > range.BlowUpFactor * best))
                {
                    // The blow-up row is kept, its update not taken.
                    yield return new LearningRateRangeRow(step, rate, loss, smoothed, true, false);
                    yield break;
                }
                settings.LearningRate = rate;
                optimizer.Step(workspace, network);
                yield return new LearningRateRangeRow(step, rate, loss, smoothed, false, false);
            }
        }
    }
}
