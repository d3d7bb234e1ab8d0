using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// The training loop: mini-batch epochs with an optimizer, validation and early stopping. Each run computes
    /// in a <see cref="TrainingWorkspace{T}"/> allocated before its first step, so a step allocates nothing; a
    /// network a caller can see is made once per epoch. The loop is written once for both precisions: a float32
    /// run (<see cref="TrainingOptions.Precision"/> Single) is the same loop over a workspace of floats, its data
    /// set's inputs stored as floats (rounded once here when they are not already).
    /// </summary>
    public static class Trainer
    {
        /// <summary>
        /// Trains lazily: each epoch is yielded as soon as it ends, so a caller that stops early keeps every
        /// epoch it has. A loss that turns NaN or infinite ends the run with a <c>NonFiniteLoss</c> error
        /// after the last finite epoch; cancellation ends it quietly between batches.
        /// </summary>
        public static IEnumerable<EpochResult> Train(Network network, Dataset training, Dataset validation,
            TrainingOptions options, CancellationToken cancellation = default)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            if (training == null) throw new ArgumentNullException(nameof(training));
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            Losses.EnsureCompatible(options.Loss, network.Layers[network.Layers.Count - 1].Activation);
            // Shapes and finiteness are checked once per data set, before the first epoch, not in every step.
            EnsureFits(network, training);
            if (validation != null) EnsureFits(network, validation);
            Optimizer optimizer = options.Optimizer.Create();
            return options.Precision == Precision.Single
                ? Run<float>(network, training, validation, options, optimizer, cancellation)
                : Run<double>(network, training, validation, options, optimizer, cancellation);
        }

        private static IEnumerable<EpochResult> Run<T>(Network network, Dataset training, Dataset validation,
            TrainingOptions options, Optimizer optimizer, CancellationToken cancellation) where T : unmanaged
        {
            var clock = Stopwatch.StartNew();
            var random = new SeededRandom(options.Seed);
            int[] order = Enumerable.Range(0, training.Count).ToArray();
            int batchSize = options.BatchSize == 0 || options.BatchSize > training.Count ? training.Count : options.BatchSize;
            // Validation runs in chunks of the workspace's rows; a few hundred keep its products efficient.
            int capacity = Math.Max(batchSize, Math.Min(validation?.Count ?? 0, 256));
            // Rows read where they are (a double[][] from a command) are copied into the workspace a batch at a time.
            bool gather = training.InputRows != null && Scalar.PrecisionOf<T>() == Precision.Double;
            var workspace = new TrainingWorkspace<T>(network, capacity, Engine.Path, options.Threads, gather ? network.InputSize : 0);
            training = training.WithPrecision(workspace.Precision);
            validation = validation?.WithPrecision(workspace.Precision);
            AccuracyKind kind = Accuracy.KindFor(training.Targets);
            // Only when asked for: without it a run allocates and computes nothing more.
            GradientFlowRecorder flow = options.GradientFlow ? new GradientFlowRecorder(network, options.SaturationThreshold) : null;
            double best = double.PositiveInfinity, startingLoss = double.NaN;
            int sinceBest = 0;

            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                if (options.Shuffle) random.Shuffle(order);
                // Without shuffling, a batch is a plain range of rows and needs no index.
                int[] view = options.Shuffle ? order : null;
                var totals = new EpochTotals();
                flow?.BeginEpoch(workspace);
                for (int start = 0; start < training.Count; start += batchSize)
                {
                    if (cancellation.IsCancellationRequested) yield break;
                    int count = Math.Min(batchSize, training.Count - start);
                    if (!Step(workspace, optimizer, network, training, view, start, count, options.Loss, kind, ref totals, flow))
                        throw NonFinite(epoch, "training");
                    // The untrained network's loss on the first batch: what a diverging run is measured against.
                    if (totals.Batches == 1 && epoch == 1) startingLoss = totals.LossSum / count;
                }
                double loss = totals.LossSum / training.Count;
                // A network with an infinite or NaN weight is never emitted, so it can never be kept or written.
                if (!workspace.ParametersAreFinite())
                    throw Diverged(epoch, options, "its weights became infinite or NaN");
                if (options.DivergenceFactor > 0 && startingLoss > 0 && loss > options.DivergenceFactor * startingLoss)
                {
                    throw Diverged(epoch, options, string.Format(CultureInfo.InvariantCulture,
                        "its training loss grew to {0:G4}, {1:G3} times the {2:G4} it started at", loss, loss / startingLoss, startingLoss));
                }

                double? validationLoss = null, validationAccuracy = null;
                if (validation != null)
                {
                    var (sum, right) = workspace.Evaluate(validation, options.Loss, kind);
                    double mean = sum / validation.Count;
                    if (double.IsNaN(mean) || double.IsInfinity(mean)) throw NonFinite(epoch, "validation");
                    validationLoss = mean;
                    if (kind != AccuracyKind.None) validationAccuracy = (double)right / validation.Count;
                }
                double? accuracy = kind == AccuracyKind.None ? (double?)null : (double)totals.Correct / training.Count;
                yield return new EpochResult(epoch, loss, validationLoss, accuracy, validationAccuracy,
                    options.Optimizer.LearningRate, totals.NormSum / totals.Batches, clock.Elapsed, workspace.Snapshot(), flow?.EndEpoch(epoch, workspace),
                    workspace.Precision);

                if (options.Patience > 0)
                {
                    double watched = validationLoss ?? loss;
                    if (watched < best) { best = watched; sinceBest = 0; }
                    else if (++sinceBest >= options.Patience) yield break;
                }
            }
        }

        /// <summary>
        /// One step of the loop, as the benchmarks time it: the batch's gradient, its share of the epoch's
        /// statistics, and the update. False, before the update, when the batch's loss is not finite.
        /// </summary>
        [MethodImpl(JitOptions.Optimize)]
        internal static bool Step<T>(TrainingWorkspace<T> workspace, Optimizer optimizer, Network shape, Dataset data, int[] order,
            int start, int count, LossFunction loss, AccuracyKind kind, ref EpochTotals totals, GradientFlowRecorder flow = null)
            where T : unmanaged
        {
            double batchLoss = workspace.ComputeGradient(data, order, start, count, loss);
            if (double.IsNaN(batchLoss) || double.IsInfinity(batchLoss)) return false;
            totals.LossSum += batchLoss * count;
            totals.NormSum += workspace.GradientNorm();
            if (kind != AccuracyKind.None) totals.Correct += workspace.CountCorrect(kind);
            totals.Batches++;
            flow?.Record(workspace, count);
            optimizer.Step(workspace, shape);
            return true;
        }

        /// <summary>What an epoch adds up over its batches.</summary>
        internal struct EpochTotals
        {
            public double LossSum, NormSum;
            public int Correct, Batches;
        }

        private static void EnsureFits(Network network, Dataset data)
        {
            if (data.InputRows != null) Validation.EnsureRows(data.InputRows, network.InputSize, "input", "InputSizeMismatch", "NonFiniteInput");
            else Validation.EnsureBatch(data.Inputs, network.InputSize, "input", "InputSizeMismatch", "NonFiniteInput");
            Validation.EnsureBatch(data.Targets, network.OutputSize, "target", "TargetSizeMismatch", "NonFiniteTarget");
        }

        private static BackpropException Diverged(int epoch, TrainingOptions options, string what) =>
            new BackpropException("TrainingDiverged", BackpropErrorKind.InvalidOperation, string.Format(CultureInfo.InvariantCulture,
                "Training diverged in epoch {0} with a learning rate of {1:G}: {2}. {3} " +
                "Try a smaller learning rate or standardised inputs (or a divergence factor of 0 to train on anyway).",
                epoch, options.Optimizer.LearningRate, what,
                epoch == 1 ? "No epoch was returned." : $"It stopped after epoch {epoch - 1}, whose row is the last one returned."));

        private static BackpropException NonFinite(int epoch, string which) =>
            new BackpropException("NonFiniteLoss", BackpropErrorKind.InvalidOperation,
                $"The {which} loss became NaN or infinite in epoch {epoch}; training stopped after epoch {epoch - 1}. " +
                "Try a smaller learning rate or standardised inputs.");
    }
}
