namespace BackpropPS.Core.Training
{
    /// <summary>One step of a learning-rate range test: a flat row for Export-Csv.</summary>
    public sealed class LearningRateRangeRow
    {
        /// <summary>A row; public so that a script or a test can make rows of its own to sum up or draw.</summary>
        public LearningRateRangeRow(int step, double learningRate, double loss, double smoothedLoss, bool diverged, bool suggested)
        {
            Step = step;
            LearningRate = learningRate;
            Loss = loss;
            SmoothedLoss = smoothedLoss;
            Diverged = diverged;
            Suggested = suggested;
        }

        /// <summary>The step, from 1.</summary>
        public int Step { get; }

        /// <summary>The rate of this step's update.</summary>
        public double LearningRate { get; }

        /// <summary>The mean loss of the step's batch, before its update (after the updates of the steps before it).</summary>
        public double Loss { get; }

        /// <summary>The bias-corrected exponentially weighted mean of the losses up to this step.</summary>
        public double SmoothedLoss { get; }

        /// <summary>True on the last row when the test stopped there: the blow-up (smoothed loss past the factor of its best, or not finite).</summary>
        public bool Diverged { get; }

        /// <summary>True on the row of the suggested learning rate.</summary>
        public bool Suggested { get; }

        internal LearningRateRangeRow AsSuggested() => new LearningRateRangeRow(Step, LearningRate, Loss, SmoothedLoss, Diverged, true);
    }
}
