using System.Globalization;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// What a learning-rate range test sweeps (Smith 2015, "Cyclical Learning Rates"; fastai's lr_find): the rate
    /// grows geometrically from <see cref="MinLearningRate"/> at the first step to <see cref="MaxLearningRate"/> at
    /// the last, and the test stops at the blow-up.
    /// </summary>
    public sealed class LearningRateRange
    {
        /// <summary>The rate of the first step.</summary>
        public double MinLearningRate { get; set; } = DefaultMinLearningRate;

        /// <summary>The rate of the last step.</summary>
        public double MaxLearningRate { get; set; } = DefaultMaxLearningRate;

        /// <summary>The number of steps (mini-batches), at least 2.</summary>
        public int Steps { get; set; } = DefaultSteps;

        /// <summary>The weight of the past in the smoothed loss (fastai's beta), from 0 up to (not including) 1.</summary>
        public double Smoothing { get; set; } = DefaultSmoothing;

        /// <summary>
        /// Stop when the smoothed loss passes this many times its best so far (fastai's 4); 0 never stops before a
        /// non-finite loss. Not training's divergence factor, which compares with the loss before training.
        /// </summary>
        public double BlowUpFactor { get; set; } = DefaultBlowUpFactor;

        /// <summary>The default <see cref="MinLearningRate"/> (fastai's start_lr is 1e-7; 1e-6 saves steps where nothing moves).</summary>
        public const double DefaultMinLearningRate = 1e-6;

        /// <summary>The default <see cref="MaxLearningRate"/> (fastai's end_lr).</summary>
        public const double DefaultMaxLearningRate = 10;

        /// <summary>The default <see cref="Steps"/>.</summary>
        public const int DefaultSteps = 300;

        /// <summary>The default <see cref="Smoothing"/> (fastai's beta).</summary>
        public const double DefaultSmoothing = 0.98;

        /// <summary>
        /// The most steps a test takes: every step's row is kept for the result. fastai takes 100, the default here is
        /// 300; a test of more than a few thousand learns nothing more.
        /// </summary>
        public const int MaxSteps = 100_000;

        /// <summary>The default <see cref="BlowUpFactor"/> (fastai's 4).</summary>
        public const double DefaultBlowUpFactor = 4;

        /// <summary>Throws when a value is out of range, naming it in the user's terms.</summary>
        public void Validate()
        {
            EnsureRate(MinLearningRate, "minimum");
            EnsureRate(MaxLearningRate, "maximum");
            if (!(MinLearningRate < MaxLearningRate))
            {
                throw BackpropException.Argument("InvalidLearningRateRange", string.Format(CultureInfo.InvariantCulture,
                    "The minimum learning rate must be below the maximum; got {0:G} to {1:G}.", MinLearningRate, MaxLearningRate));
            }
            if (Steps < 2) throw BackpropException.Argument("InvalidStepCount", $"A range test needs at least 2 steps; got {Steps}.");
            if (Steps > MaxSteps)
            {
                throw new BackpropException("TooManySteps", BackpropErrorKind.LimitsExceeded,
                    $"A range test takes at most {Wording.Number(MaxSteps)} steps; got {Wording.Number(Steps)}. Give fewer -Steps: a few hundred find the rate.");
            }
            if (!(Smoothing >= 0 && Smoothing < 1))
            {
                throw BackpropException.Argument("InvalidSmoothing", string.Format(CultureInfo.InvariantCulture,
                    "The smoothing must be a number from 0 up to (not including) 1; got {0:G}.", Smoothing));
            }
            if (!(BlowUpFactor == 0 || BlowUpFactor > 1) || double.IsInfinity(BlowUpFactor))
            {
                throw BackpropException.Argument("InvalidBlowUpFactor", string.Format(CultureInfo.InvariantCulture,
                    "The blow-up factor must be 0 (off) or a finite number above 1; got {0:G}.", BlowUpFactor));
            }
        }

        /// <summary>
        /// The rate of <paramref name="step"/> (1 .. <see cref="Steps"/>): min (max / min)^((step - 1) / (steps - 1)).
        /// The first and last steps are exactly the two ends, not a rounding of them.
        /// </summary>
        public double RateAt(int step)
        {
            if (step < 1 || step > Steps) throw new ArgumentOutOfRangeException(nameof(step));
            if (step == 1) return MinLearningRate;
            if (step == Steps) return MaxLearningRate;
            return MinLearningRate * Math.Pow(MaxLearningRate / MinLearningRate, (step - 1) / (double)(Steps - 1));
        }

        private static void EnsureRate(double rate, string which)
        {
            if (!(rate > 0) || double.IsInfinity(rate))
            {
                throw BackpropException.Argument("InvalidLearningRate", string.Format(CultureInfo.InvariantCulture,
                    "The {0} learning rate must be a positive finite number; got {1:G}.", which, rate));
            }
        }
    }
}
