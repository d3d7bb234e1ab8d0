using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace BackpropPS.Core.Training
{
    /// <summary>The training loop: mini-batch epochs with an optimizer, validation and early stopping.</summary>
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
            // Check shapes now, so that a mistake is reported before the first epoch rather than inside it.
            Backpropagation.Forward(network, training.Rows(new[] { 0 }, 0, 1).Inputs);
            Optimizer optimizer = options.Optimizer.Create();
            return Run(network, training, validation, options, optimizer, cancellation);
        }

        private static IEnumerable<EpochResult> Run(Network network, Dataset training, Dataset validation,
            TrainingOptions options, Optimizer optimizer, CancellationToken cancellation)
        {
            var clock = Stopwatch.StartNew();
            var random = new SeededRandom(options.Seed);
            int[] order = Enumerable.Range(0, training.Count).ToArray();
            int batchSize = options.BatchSize == 0 || options.BatchSize > training.Count ? training.Count : options.BatchSize;
            AccuracyKind kind = Accuracy.KindFor(training.Targets);
            double best = double.PositiveInfinity;
            int sinceBest = 0;

            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                if (options.Shuffle) random.Shuffle(order);
                double lossSum = 0, normSum = 0;
                int correct = 0, batches = 0;
                for (int start = 0; start < training.Count; start += batchSize)
                {
                    if (cancellation.IsCancellationRequested) yield break;
                    Dataset batch = training.Rows(order, start, Math.Min(batchSize, training.Count - start));
                    Gradient gradient = Backpropagation.Backward(Backpropagation.Forward(network, batch.Inputs), batch.Targets, options.Loss);
                    if (double.IsNaN(gradient.Loss) || double.IsInfinity(gradient.Loss)) throw NonFinite(epoch, "training");
                    lossSum += gradient.Loss * batch.Count;
                    normSum += Norm(gradient);
                    if (kind != AccuracyKind.None) correct += Accuracy.CountCorrect(kind, gradient.Forward.Output, batch.Targets);
                    network = optimizer.Step(gradient);
                    batches++;
                }

                double loss = lossSum / training.Count;
                double? validationLoss = null, validationAccuracy = null;
                if (validation != null)
                {
                    Gradient check = Backpropagation.Backward(Backpropagation.Forward(network, validation.Inputs), validation.Targets, options.Loss);
                    if (double.IsNaN(check.Loss) || double.IsInfinity(check.Loss)) throw NonFinite(epoch, "validation");
                    validationLoss = check.Loss;
                    if (kind != AccuracyKind.None)
                        validationAccuracy = (double)Accuracy.CountCorrect(kind, check.Forward.Output, validation.Targets) / validation.Count;
                }
                double? accuracy = kind == AccuracyKind.None ? (double?)null : (double)correct / training.Count;
                yield return new EpochResult(epoch, loss, validationLoss, accuracy, validationAccuracy,
                    options.Optimizer.LearningRate, normSum / batches, clock.Elapsed, network);

                if (options.Patience > 0)
                {
                    double watched = validationLoss ?? loss;
                    if (watched < best) { best = watched; sinceBest = 0; }
                    else if (++sinceBest >= options.Patience) yield break;
                }
            }
        }

        private static double Norm(Gradient gradient)
        {
            double sum = 0;
            for (int l = 0; l < gradient.WeightGradient.Count; l++)
            {
                foreach (double g in gradient.WeightGradient[l]) sum += g * g;
                foreach (double g in gradient.BiasGradient[l]) sum += g * g;
            }
            return Math.Sqrt(sum);
        }

        private static BackpropException NonFinite(int epoch, string which) =>
            new BackpropException("NonFiniteLoss", BackpropErrorKind.InvalidOperation,
                $"The {which} loss became NaN or infinite in epoch {epoch}; training stopped after epoch {epoch - 1}. " +
                "Try a smaller learning rate or standardised inputs.");
    }
}
