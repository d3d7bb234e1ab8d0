using System;
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
        public double MinLearningRate { get; set; } = 1e-6;

        /// <summary>The rate of the last step.</summary>
        public double MaxLearningRate { get; set; } = 10;

        /// <summary>The number of steps (mini-batches), at least 2.</summary>
        public int Steps { get; set; } = 300;

        /// <summary>The weight of the past in the smoothed loss (fastai's beta), from 0 up to (not including) 1.</summary>
        public double Smoothing { get; set; } = 0.98;

        /// <summary>Stop when the smoothed loss passes this many times its best so far (fastai's 4); 0 never stops before a non-finite loss.</summary>
        public double DivergenceFactor { get; set; } = 4;

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
            if (!(Smoothing >= 0 && Smoothing < 1))
            {
                throw BackpropException.Argument("InvalidSmoothing", string.Format(CultureInfo.InvariantCulture,
                    "The smoothing must be a number from 0 up to (not including) 1; got {0:G}.", Smoothing));
            }
            if (!(DivergenceFactor == 0 || DivergenceFactor > 1) || double.IsInfinity(DivergenceFactor))
            {
                throw BackpropException.Argument("InvalidDivergenceFactor", string.Format(CultureInfo.InvariantCulture,
                    "The divergence factor must be 0 (off) or a finite number above 1; got {0:G}.", DivergenceFactor));
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
