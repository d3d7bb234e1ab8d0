using System.Diagnostics;
using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Trains a network for many epochs on records, numeric batches or a data set object, emitting one row per
    /// epoch. The data and the optimizer are read as <see cref="TrainingCmdlet"/> reads them for every command that
    /// trains; the epochs, early stopping, gradient flow and checkpoints are this command's own.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BackpropTraining", DefaultParameterSetName = RecordSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EpochResult))]
    public sealed class InvokeBackpropTrainingCommand : TrainingCmdlet
    {
        /// <summary>The step size.</summary>
        [Parameter]
        [DecimalNumber]
        public double LearningRate { get; set; } = OptimizerSettings.DefaultLearningRate;

        /// <summary>Passes over the training data.</summary>
        [Parameter]
        [WholeNumber]
        public int Epochs { get; set; } = TrainingOptions.DefaultEpochs;

        /// <summary>The fraction of the data held out for validation (0 to below 1).</summary>
        [Parameter]
        [DecimalNumber]
        public double ValidationFraction { get; set; }

        /// <summary>Stop after this many epochs without a new best (validation) loss; 0 is off.</summary>
        [Parameter]
        [WholeNumber]
        public int Patience { get; set; }

        /// <summary>Stop with TrainingDiverged when an epoch's loss passes this many times the loss before training; 0 is off.</summary>
        [Parameter]
        [DecimalNumber]
        public double DivergenceFactor { get; set; } = TrainingOptions.DefaultDivergenceFactor;

        /// <summary>Record per layer how the gradient flows (norms, mean |delta|, saturated and dead neurons, update ratio) in each epoch's GradientFlow.</summary>
        [Parameter]
        public SwitchParameter GradientFlow { get; set; }

        /// <summary>With -GradientFlow: a Sigmoid or Tanh neuron output counts as saturated when its derivative da/dz is below this.</summary>
        [Parameter]
        [DecimalNumber]
        public double SaturationThreshold { get; set; } = TrainingOptions.DefaultSaturationThreshold;

        /// <summary>A network file written every -CheckpointInterval epochs and after the last epoch.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CheckpointPath { get; set; }

        /// <summary>Epochs between checkpoints.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int CheckpointInterval { get; set; } = 10;

        /// <summary>Replace an existing checkpoint file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            EnsureOptionsFitTheOptimizer();
            // Said, not ignored: the threshold only shapes the gradient-flow rows.
            if (IsBound(nameof(SaturationThreshold)) && !GradientFlow)
            {
                Refuse("OptionNeedsGradientFlow", "-SaturationThreshold applies to the rows of -GradientFlow; add -GradientFlow, or leave the threshold out.",
                    SaturationThreshold);
            }
            TrainingCheckpoint checkpoint = CheckpointPath == null ? null
                : Run(() => TrainingCheckpoint.Prepare(this, CheckpointPath, CheckpointInterval, Force), CheckpointPath);
            if (checkpoint != null && !ShouldProcess(checkpoint.Path, "Write checkpoints of the network")) checkpoint = null;
            TrainingOptions options = null;
            TrainingPreparation run = Run(() => Prepare(ValidationFraction, LearningRate, out options), Network);
            options.Epochs = Epochs;
            options.Patience = Patience;
            options.DivergenceFactor = DivergenceFactor;
            options.GradientFlow = GradientFlow;
            options.SaturationThreshold = SaturationThreshold;
            IEnumerator<EpochResult> epochs = Run(() => Trainer.Train(run.Network, run.Training, run.Validation, options, StopToken), Network).GetEnumerator();
            var progress = new ProgressRecord(1, $"Training {run.Network.Shape}", "Starting");
            var throttle = Stopwatch.StartNew();
            EpochResult last = null;
            try
            {
                while (Run(epochs.MoveNext, last?.Epoch))
                {
                    last = epochs.Current;
                    WriteVerbose(Describe(last));
                    if (throttle.ElapsedMilliseconds >= 250 || last.Epoch == options.Epochs) { Report(progress, last, options.Epochs); throttle.Restart(); }
                    if (checkpoint != null && Run(() => checkpoint.After(last), checkpoint.Path)) Saved(checkpoint, last);
                    WriteObject(last);
                }
            }
            finally
            {
                // After the last epoch, or when stopped (Ctrl+C) or failed: the last finished epoch is kept on disk too.
                if (checkpoint != null && Run(() => checkpoint.Finish(last), checkpoint.Path)) Saved(checkpoint, last);
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        private void Saved(TrainingCheckpoint checkpoint, EpochResult epoch)
        {
            if (!Stopping) WriteVerbose($"Checkpoint of epoch {epoch.Epoch} written to {checkpoint.Path}.");
        }

        private void Report(ProgressRecord progress, EpochResult epoch, int epochs)
        {
            progress.StatusDescription = FormattableString.Invariant($"Epoch {epoch.Epoch} of {epochs}, loss {epoch.Loss:G6}");
            progress.PercentComplete = (int)(100L * epoch.Epoch / epochs);
            progress.SecondsRemaining = (int)(epoch.Elapsed.TotalSeconds / epoch.Epoch * (epochs - epoch.Epoch));
            WriteProgress(progress);
        }

        // Verbose lines and progress use the invariant culture, like every number the module shows.
        private static string Describe(EpochResult e) =>
            FormattableString.Invariant($"Epoch {e.Epoch}: loss {e.Loss:G6}") +
            (e.ValidationLoss.HasValue ? FormattableString.Invariant($", validation loss {e.ValidationLoss:G6}") : "") +
            (e.Accuracy.HasValue ? FormattableString.Invariant($", accuracy {e.Accuracy:P1}") : "") +
            (e.ValidationAccuracy.HasValue ? FormattableString.Invariant($", validation accuracy {e.ValidationAccuracy:P1}") : "") +
            FormattableString.Invariant($", gradient norm {e.GradientNorm:G4}");
    }
}
