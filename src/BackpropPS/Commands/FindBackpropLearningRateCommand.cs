using System.Diagnostics;
using BackpropPS.Core.Training;

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
    public sealed class FindBackpropLearningRateCommand : TrainingCmdlet
    {
        /// <summary>The rate of the first step.</summary>
        [Parameter]
        [DecimalNumber]
        public double MinLearningRate { get; set; } = LearningRateRange.DefaultMinLearningRate;

        /// <summary>The rate of the last step.</summary>
        [Parameter]
        [DecimalNumber]
        public double MaxLearningRate { get; set; } = LearningRateRange.DefaultMaxLearningRate;

        /// <summary>The number of steps (mini-batches).</summary>
        [Parameter]
        [WholeNumber]
        public int Steps { get; set; } = LearningRateRange.DefaultSteps;

        /// <summary>The weight of the past in the smoothed loss.</summary>
        [Parameter]
        [DecimalNumber]
        public double Smoothing { get; set; } = LearningRateRange.DefaultSmoothing;

        /// <summary>Stop when the smoothed loss passes this many times its best; 0 stops only at a non-finite loss.</summary>
        [Parameter]
        [DecimalNumber]
        public double BlowUpFactor { get; set; } = LearningRateRange.DefaultBlowUpFactor;

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            EnsureOptionsFitTheOptimizer();
            var range = new LearningRateRange
            {
                MinLearningRate = MinLearningRate, MaxLearningRate = MaxLearningRate, Steps = Steps,
                Smoothing = Smoothing, BlowUpFactor = BlowUpFactor,
            };
            // The range first: a wrong range is the likeliest mistake and needs no data to be found.
            Run(range.Validate, range);
            TrainingOptions options = null;
            // No validation part: the test watches the training loss, as fastai's does.
            TrainingPreparation run = Run(() => Prepare(0, MinLearningRate, out options), Network);
            Dataset data = run.Training;
            WriteVerbose(FormattableString.Invariant(
                $"Range test of {run.Network.Shape} with {Optimizer}: {Steps} steps of {Wording.Count(Math.Min(options.BatchSize == 0 ? data.Count : options.BatchSize, data.Count), "sample")}, learning rate {MinLearningRate:G4} to {MaxLearningRate:G4}."));
            IEnumerator<LearningRateRangeRow> steps = Run(() => LearningRateFinder.Run(run.Network, data, options, range, StopToken), Network).GetEnumerator();
            var rows = new List<LearningRateRangeRow>();
            var progress = new ProgressRecord(1, $"Learning-rate range test of {run.Network.Shape}", "Starting");
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

        // The outcome in words: where it stopped and why, and what it suggests.
        private void Describe(LearningRateRangeResult result)
        {
            if (result.Diverged)
            {
                LearningRateRangeRow last = result.Rows[result.Rows.Count - 1];
                string why = double.IsNaN(last.SmoothedLoss) || double.IsInfinity(last.SmoothedLoss)
                    ? "the loss is no longer a finite number"
                    : FormattableString.Invariant($"the smoothed loss {last.SmoothedLoss:G6} is more than {BlowUpFactor:G} times the best, {result.MinimumSmoothedLoss:G6}");
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
