using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using BackpropPS.Core;
using BackpropPS.Core.Training;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>
    /// The learning-rate range test (Smith 2015; fastai's lr_find): mini-batch steps on the data, as
    /// Invoke-BackpropTraining takes it, with a rate that grows geometrically from -MinLearningRate to
    /// -MaxLearningRate, stopped at the blow-up. One result object: the suggested rate as a property, one row per
    /// step in Rows (for Export-Csv and Export-BackpropLearningRateChart).
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "BackpropLearningRate", DefaultParameterSetName = RecordSet)]
    [OutputType(typeof(LearningRateRangeResult))]
    public sealed class FindBackpropLearningRateCommand : BackpropCmdlet, IDisposable
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

        /// <summary>The record column(s) with the wanted outputs.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNullOrEmpty]
        public string[] TargetColumn { get; set; }

        /// <summary>The culture of numbers in text cells; by default the invariant culture.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNull]
        public CultureInfo Culture { get; set; }

        /// <summary>The inputs as a numeric batch.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BatchSet)]
        [ValidateNotNull]
        public object Input { get; set; }

        /// <summary>The targets as a numeric batch.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BatchSet)]
        [ValidateNotNull]
        public object Target { get; set; }

        /// <summary>The inputs and targets as one data set object.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DatasetSet)]
        [ValidateNotNull]
        public Dataset Dataset { get; set; }

        /// <summary>The rate of the first step.</summary>
        [Parameter]
        [DecimalText]
        public double MinLearningRate { get; set; } = 1e-6;

        /// <summary>The rate of the last step.</summary>
        [Parameter]
        [DecimalText]
        public double MaxLearningRate { get; set; } = 10;

        /// <summary>The number of steps (mini-batches).</summary>
        [Parameter]
        [DecimalText]
        public int Steps { get; set; } = 300;

        /// <summary>The weight of the past in the smoothed loss.</summary>
        [Parameter]
        [DecimalText]
        public double Smoothing { get; set; } = 0.98;

        /// <summary>Stop when the smoothed loss passes this many times its best; 0 stops only at a non-finite loss.</summary>
        [Parameter]
        [DecimalText]
        public double DivergenceFactor { get; set; } = 4;

        /// <summary>The loss; by default CrossEntropy for a Softmax output layer and HalfSquaredError otherwise.</summary>
        [Parameter]
        public LossFunction? Loss { get; set; }

        /// <summary>The update rule.</summary>
        [Parameter]
        public OptimizerKind Optimizer { get; set; } = OptimizerKind.Sgd;

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

        /// <summary>L2 weight decay.</summary>
        [Parameter]
        [DecimalText]
        public double WeightDecay { get; set; }

        /// <summary>Samples per step; 0 means the whole data set.</summary>
        [Parameter]
        [DecimalText]
        public int BatchSize { get; set; } = 32;

        /// <summary>Shuffle the samples before each pass over the data.</summary>
        [Parameter]
        public SwitchParameter Shuffle { get; set; }

        /// <summary>The seed of the shuffles.</summary>
        [Parameter]
        [DecimalText]
        public int Seed { get; set; }

        /// <summary>Scale each input column to mean 0 and variance 1 first.</summary>
        [Parameter]
        public SwitchParameter Standardize { get; set; }

        /// <summary>The most threads a large matrix product uses; 0 means one per processor.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [DecimalText]
        public int ThreadCount { get; set; }

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
            var range = new LearningRateRange
            {
                MinLearningRate = MinLearningRate, MaxLearningRate = MaxLearningRate, Steps = Steps,
                Smoothing = Smoothing, DivergenceFactor = DivergenceFactor,
            };
            // The range first: a wrong range is the likeliest mistake and needs no data to be found.
            Run(() => { range.Validate(); return range; }, range);
            var (network, data, options) = Run(Prepare, Network);
            WriteVerbose(FormattableString.Invariant(
                $"Range test of {network.Shape} with {Optimizer}: {Steps} steps of {Wording.Count(Math.Min(options.BatchSize == 0 ? data.Count : options.BatchSize, data.Count), "sample")}, learning rate {MinLearningRate:G4} to {MaxLearningRate:G4}."));
            IEnumerator<LearningRateRangeRow> steps = Run(() => LearningRateFinder.Run(network, data, options, range, _stop.Token), Network).GetEnumerator();
            var rows = new List<LearningRateRangeRow>();
            var progress = new ProgressRecord(1, $"Learning-rate range test of {network.Shape}", "Starting");
            var throttle = Stopwatch.StartNew();
            while (Run(steps.MoveNext, Network))
            {
                LearningRateRangeRow row = steps.Current;
                rows.Add(row);
                if (throttle.ElapsedMilliseconds >= 250)
                {
                    progress.StatusDescription = FormattableString.Invariant($"Step {row.Step} of {Steps}, learning rate {row.LearningRate:G4}, smoothed loss {row.SmoothedLoss:G6}");
                    progress.PercentComplete = (int)(100L * row.Step / Steps);
                    WriteProgress(progress);
                    throttle.Restart();
                }
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            if (Stopping) return;
            LearningRateRangeResult result = LearningRateFinder.Summarize(rows, range, Optimizer);
            Describe(result);
            WriteObject(result);
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _stop.Cancel();

        /// <inheritdoc />
        public void Dispose() => _stop.Dispose();

        private (Network, Dataset, TrainingOptions) Prepare()
        {
            var (data, schema) = TrainingInput.Read(Network, ParameterSetName == DatasetSet ? Dataset : null, _piped,
                ParameterSetName == BatchSet ? Input : null, Target, Culture, InputColumn, TargetColumn);
            // No validation part: the test watches the training loss, as fastai's does.
            var run = TrainingPreparation.Prepare(Network, data, schema, 0, Seed, Standardize);
            var options = new TrainingOptions
            {
                BatchSize = BatchSize,
                Loss = Loss ?? Losses.DefaultFor(run.Network),
                Shuffle = Shuffle,
                Seed = Seed,
                Threads = ThreadCount,
                Optimizer = new OptimizerSettings
                {
                    Kind = Optimizer, LearningRate = MinLearningRate, Momentum = Momentum, Nesterov = Nesterov,
                    Beta1 = Beta1, Beta2 = Beta2, Epsilon = Epsilon, WeightDecay = WeightDecay,
                },
            };
            return (run.Network, run.Training, options);
        }

        // The outcome in words: where it stopped and why, and what it suggests.
        private void Describe(LearningRateRangeResult result)
        {
            if (result.Diverged)
            {
                LearningRateRangeRow last = result.Rows[result.Rows.Count - 1];
                string why = double.IsNaN(last.SmoothedLoss) || double.IsInfinity(last.SmoothedLoss)
                    ? "the loss is no longer a finite number"
                    : FormattableString.Invariant($"the smoothed loss {last.SmoothedLoss:G6} is more than {DivergenceFactor:G} times the best, {result.MinimumSmoothedLoss:G6}");
                WriteVerbose(FormattableString.Invariant($"Blow-up at step {last.Step} (learning rate {last.LearningRate:G4}): {why}. The test stopped there; that row has Diverged = True."));
            }
            else
            {
                WriteVerbose($"All {result.StepsTaken} steps taken without a blow-up.");
            }
            if (result.SuggestedLearningRate.HasValue)
            {
                WriteVerbose(FormattableString.Invariant(
                    $"Suggested learning rate: {result.SuggestedLearningRate:G4} (step {result.SuggestedStep}), where the smoothed loss falls fastest, {result.SteepestSlope:G4} per unit of ln(learning rate). The lowest smoothed loss, {result.MinimumSmoothedLoss:G6}, was at {result.MinimumLossLearningRate:G4}."));
            }
            else
            {
                WriteWarning(result.StepsTaken < 3 + result.Steps / 10
                    ? "No learning rate is suggested: the loss blew up too early. Try a smaller -MinLearningRate."
                    : "No learning rate is suggested: the smoothed loss never fell. Try a larger -MaxLearningRate or more -Steps.");
            }
        }
    }
}
