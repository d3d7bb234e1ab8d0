using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Threading;
using BackpropPS.Core;
using BackpropPS.Core.Training;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Trains a network for many epochs on records, numeric batches or a data set object, emitting one row per
    /// epoch. A data set object may also be piped: it comes in through the record set's -InputObject and is
    /// taken whole (see <see cref="PipedTrainingData"/>).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BackpropTraining", DefaultParameterSetName = RecordSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EpochResult))]
    public sealed class InvokeBackpropTrainingCommand : BackpropCmdlet, IDisposable
    {
        private const string RecordSet = "Record";
        private const string BatchSet = "Batch";
        private const string DatasetSet = "Dataset";
        private readonly PipedTrainingData _piped = new PipedTrainingData();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>The network to start from; it is not changed.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public Network Network { get; set; }

        /// <summary>A training record (an Import-Csv row or any object), or one whole data set object.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RecordSet)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>The record columns that are the network's inputs, in order.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNullOrEmpty]
        public string[] InputColumn { get; set; }

        /// <summary>The record column(s) with the wanted outputs: one column of class labels, or one numeric column per output.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNullOrEmpty]
        public string[] TargetColumn { get; set; }

        /// <summary>The culture of numbers in text cells; by default the invariant culture ('.' as the decimal separator).</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNull]
        public CultureInfo Culture { get; set; }

        /// <summary>The inputs as a numeric batch: one array per sample, a double[][] or double[,], or a Matrix.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BatchSet)]
        [ValidateNotNull]
        public object Input { get; set; }

        /// <summary>The targets as a numeric batch: one array per sample, a double[][] or double[,], or a Matrix.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BatchSet)]
        [ValidateNotNull]
        public object Target { get; set; }

        /// <summary>The inputs and targets as one data set object, such as Get-BackpropDataset -AsDataset gives.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DatasetSet)]
        [ValidateNotNull]
        public Dataset Dataset { get; set; }

        /// <summary>The loss; by default CrossEntropy for a Softmax output layer and HalfSquaredError otherwise.</summary>
        [Parameter]
        public LossFunction? Loss { get; set; }

        /// <summary>The update rule.</summary>
        [Parameter]
        public OptimizerKind Optimizer { get; set; } = OptimizerKind.Sgd;

        /// <summary>The step size.</summary>
        [Parameter]
        [DecimalText]
        public double LearningRate { get; set; } = 0.01;

        /// <summary>Momentum's mu (with -Optimizer Momentum).</summary>
        [Parameter]
        [DecimalText]
        public double Momentum { get; set; } = 0.9;

        /// <summary>Use Nesterov momentum (with -Optimizer Momentum).</summary>
        [Parameter]
        public SwitchParameter Nesterov { get; set; }

        /// <summary>Adam's first-moment decay.</summary>
        [Parameter]
        [DecimalText]
        public double Beta1 { get; set; } = 0.9;

        /// <summary>Adam's second-moment decay.</summary>
        [Parameter]
        [DecimalText]
        public double Beta2 { get; set; } = 0.999;

        /// <summary>Adam's epsilon.</summary>
        [Parameter]
        [DecimalText]
        public double Epsilon { get; set; } = 1e-8;

        /// <summary>L2 weight decay: lambda w is added to each weight's gradient.</summary>
        [Parameter]
        [DecimalText]
        public double WeightDecay { get; set; }

        /// <summary>Passes over the training data.</summary>
        [Parameter]
        [DecimalText]
        public int Epochs { get; set; } = 100;

        /// <summary>Samples per step; 0 means the whole training set.</summary>
        [Parameter]
        [DecimalText]
        public int BatchSize { get; set; } = 32;

        /// <summary>Shuffle the training samples before each epoch.</summary>
        [Parameter]
        public SwitchParameter Shuffle { get; set; }

        /// <summary>The seed of the validation split and the shuffles.</summary>
        [Parameter]
        [DecimalText]
        public int Seed { get; set; }

        /// <summary>The fraction of the data held out for validation (0 to below 1).</summary>
        [Parameter]
        [DecimalText]
        public double ValidationFraction { get; set; }

        /// <summary>Stop after this many epochs without a new best (validation) loss; 0 is off.</summary>
        [Parameter]
        [DecimalText]
        public int Patience { get; set; }

        /// <summary>
        /// Stop with TrainingDiverged when an epoch's loss passes this many times the loss before training; 0 is off.
        /// </summary>
        [Parameter]
        [DecimalText]
        public double DivergenceFactor { get; set; } = TrainingOptions.DefaultDivergenceFactor;

        /// <summary>Scale each input column to mean 0 and variance 1, from the training part only.</summary>
        [Parameter]
        public SwitchParameter Standardize { get; set; }

        /// <summary>
        /// The most threads a large matrix product uses; 0 (the default) means one per processor. Results are the
        /// same whatever the number.
        /// </summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [DecimalText]
        public int ThreadCount { get; set; }

        /// <summary>Record per layer how the gradient flows (norms, mean |delta|, saturated and dead neurons, update ratio) in each epoch's GradientFlow.</summary>
        [Parameter]
        public SwitchParameter GradientFlow { get; set; }

        /// <summary>With -GradientFlow: a Sigmoid or Tanh neuron output counts as saturated when its derivative da/dz is below this.</summary>
        [Parameter]
        [DecimalText]
        public double SaturationThreshold { get; set; } = TrainingOptions.DefaultSaturationThreshold;

        /// <summary>A network file written every -CheckpointInterval epochs and after the last epoch.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CheckpointPath { get; set; }

        /// <summary>Epochs between checkpoints.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [DecimalText]
        public int CheckpointInterval { get; set; } = 10;

        /// <summary>Replace an existing checkpoint file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName != RecordSet) return;
            ErrorRecord refused = _piped.Add(InputObject, InputColumn != null || TargetColumn != null);
            if (refused != null) ThrowTerminatingError(refused);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            TrainingInput.EnsureOptionsFitTheOptimizer(this, MyInvocation.BoundParameters, Optimizer);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(SaturationThreshold)) && !GradientFlow)
            {
                // Said, not ignored: the threshold only shapes the gradient-flow rows.
                ThrowTerminatingError(ErrorRecords.Create("OptionNeedsGradientFlow", ErrorCategory.InvalidArgument,
                    "-SaturationThreshold applies to the rows of -GradientFlow; add -GradientFlow, or leave the threshold out.", SaturationThreshold));
            }
            // Checked before training, so that a bad path does not surface only at the first checkpoint.
            string checkpoint = CheckpointPath == null ? null : ExportFile.Prepare(this, CheckpointPath, Force, "CheckpointFileExists");
            if (checkpoint != null && !ShouldProcess(checkpoint, "Write checkpoints of the network")) checkpoint = null;
            var (network, training, validation, options) = Run(Prepare, Network);
            IEnumerator<EpochResult> epochs = Run(() => Trainer.Train(network, training, validation, options, _stop.Token), Network).GetEnumerator();
            var progress = new ProgressRecord(1, $"Training {network.Shape}", "Starting");
            var throttle = Stopwatch.StartNew();
            EpochResult last = null, saved = null;
            try
            {
                while (Run(epochs.MoveNext, last?.Epoch))
                {
                    last = epochs.Current;
                    WriteVerbose(Describe(last));
                    if (throttle.ElapsedMilliseconds >= 250 || last.Epoch == options.Epochs) { Report(progress, last, options.Epochs); throttle.Restart(); }
                    if (checkpoint != null && last.Epoch % CheckpointInterval == 0) saved = Save(checkpoint, last);
                    WriteObject(last);
                }
            }
            finally
            {
                // After the last epoch, or when stopped (Ctrl+C) or failed: the last finished epoch is kept on disk too.
                if (checkpoint != null && last != null && saved != last) Save(checkpoint, last);
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _stop.Cancel();

        /// <inheritdoc />
        public void Dispose() => _stop.Dispose();

        private (Network, Dataset, Dataset, TrainingOptions) Prepare()
        {
            var (data, schema) = TrainingInput.Read(Network, ParameterSetName == DatasetSet ? Dataset : null, _piped,
                ParameterSetName == BatchSet ? Input : null, Target, Culture, InputColumn, TargetColumn);
            var run = TrainingPreparation.Prepare(Network, data, schema, ValidationFraction, Seed, Standardize);
            var options = new TrainingOptions
            {
                Epochs = Epochs,
                BatchSize = BatchSize,
                Loss = Loss ?? Losses.DefaultFor(run.Network),
                Shuffle = Shuffle,
                Seed = Seed,
                Patience = Patience,
                Threads = ThreadCount,
                DivergenceFactor = DivergenceFactor,
                GradientFlow = GradientFlow,
                SaturationThreshold = SaturationThreshold,
                Optimizer = new OptimizerSettings
                {
                    Kind = Optimizer, LearningRate = LearningRate, Momentum = Momentum, Nesterov = Nesterov,
                    Beta1 = Beta1, Beta2 = Beta2, Epsilon = Epsilon, WeightDecay = WeightDecay,
                },
            };
            return (run.Network, run.Training, run.Validation, options);
        }

        private void Report(ProgressRecord progress, EpochResult epoch, int epochs)
        {
            progress.StatusDescription = FormattableString.Invariant($"Epoch {epoch.Epoch} of {epochs}, loss {epoch.Loss:G6}");
            progress.PercentComplete = (int)(100L * epoch.Epoch / epochs);
            progress.SecondsRemaining = (int)(epoch.Elapsed.TotalSeconds / epoch.Epoch * (epochs - epoch.Epoch));
            WriteProgress(progress);
        }

        private bool _checkpointed;

        private EpochResult Save(string path, EpochResult epoch)
        {
            // Without -Force the first checkpoint is created new, so that two runs given the same path do not
            // both write it (the second stops with CheckpointFileExists); later ones replace this run's own file.
            string existsErrorId = _checkpointed || Force ? null : "CheckpointFileExists";
            ExportFile.Write(this, path, writer => NetworkJson.Write(epoch.Network, writer), "CheckpointWriteFailed", path, existsErrorId);
            _checkpointed = true;
            if (!Stopping) WriteVerbose($"Checkpoint of epoch {epoch.Epoch} written to {path}.");
            return epoch;
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
