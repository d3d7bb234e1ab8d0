namespace BackpropPS.Core.Training
{
    /// <summary>
    /// What a learning-rate range test found: the suggested rate (and where the loss was lowest and where it blew
    /// up) as properties, and one row per step in <see cref="Rows"/> for Export-Csv and the chart.
    /// </summary>
    public sealed class LearningRateRangeResult
    {
        /// <summary>A result of the given rows (use <see cref="LearningRateFinder.Summarize"/> to find the suggestion).</summary>
        public LearningRateRangeResult(OptimizerKind optimizer, double minLearningRate, double maxLearningRate, int steps,
            IReadOnlyList<LearningRateRangeRow> rows, int? suggestedStep, double? steepestSlope)
        {
            Rows = rows ?? throw new ArgumentNullException(nameof(rows));
            Optimizer = optimizer;
            MinLearningRate = minLearningRate;
            MaxLearningRate = maxLearningRate;
            Steps = steps;
            SuggestedStep = suggestedStep;
            SteepestSlope = steepestSlope;
            LearningRateRangeRow last = rows.Count > 0 ? rows[rows.Count - 1] : null;
            DivergedAtStep = last != null && last.Diverged ? last.Step : (int?)null;
            var finite = rows.Where(r => !r.Diverged && IsFinite(r.SmoothedLoss)).ToList();
            if (finite.Count > 0)
            {
                LearningRateRangeRow lowest = finite.Aggregate((a, b) => b.SmoothedLoss < a.SmoothedLoss ? b : a);
                MinimumSmoothedLoss = lowest.SmoothedLoss;
                MinimumLossLearningRate = lowest.LearningRate;
            }
        }

        /// <summary>The update rule the test ran with.</summary>
        public OptimizerKind Optimizer { get; }

        /// <summary>The rate of the first step.</summary>
        public double MinLearningRate { get; }

        /// <summary>The rate the last step would have had.</summary>
        public double MaxLearningRate { get; }

        /// <summary>The steps asked for.</summary>
        public int Steps { get; }

        /// <summary>The steps taken: fewer than <see cref="Steps"/> when the test stopped at the blow-up.</summary>
        public int StepsTaken => Rows.Count;

        /// <summary>True when the test stopped at the blow-up.</summary>
        public bool Diverged => DivergedAtStep.HasValue;

        /// <summary>The step of the blow-up, or null when every step was taken.</summary>
        public int? DivergedAtStep { get; }

        /// <summary>The rate where the smoothed loss fell fastest against log(rate), or null when it never fell.</summary>
        public double? SuggestedLearningRate => SuggestedStep.HasValue ? Rows[SuggestedStep.Value - 1].LearningRate : (double?)null;

        /// <summary>The step of the suggested rate.</summary>
        public int? SuggestedStep { get; }

        /// <summary>The slope there: the change of the smoothed loss per unit of ln(rate) (negative).</summary>
        public double? SteepestSlope { get; }

        /// <summary>The lowest smoothed loss before the blow-up.</summary>
        public double? MinimumSmoothedLoss { get; }

        /// <summary>The rate of the lowest smoothed loss (fastai's lr_min is a tenth of it).</summary>
        public double? MinimumLossLearningRate { get; }

        /// <summary>One row per step taken, in order.</summary>
        public IReadOnlyList<LearningRateRangeRow> Rows { get; }

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
