namespace BackpropPS.Core.Training
{
    /// <summary>
    /// The suggested rate of a range test: where the smoothed loss falls fastest against log(learning rate), the
    /// steepest point of the curve before the blow-up (fastai's "steep" suggestion).
    /// </summary>
    public static class LearningRateSuggestion
    {
        /// <summary>
        /// The index of the steepest descent of <paramref name="smoothed"/> against ln(<paramref name="rates"/>),
        /// by central differences (one-sided at the two ends, as numpy.gradient), looking only from index
        /// <paramref name="skip"/> on, where the smoothed loss has averaged enough batches to be more than noise,
        /// up to the lowest smoothed loss: past it the loss climbs towards the blow-up, and a dip there is noise
        /// at rates too large to train with. -1 when fewer than 3 points remain or the loss never falls.
        /// </summary>
        public static int Steepest(IReadOnlyList<double> rates, IReadOnlyList<double> smoothed, int skip)
        {
            if (rates == null) throw new ArgumentNullException(nameof(rates));
            if (smoothed == null) throw new ArgumentNullException(nameof(smoothed));
            if (rates.Count != smoothed.Count) throw new ArgumentException("One smoothed loss per rate is needed.", nameof(smoothed));
            int n = rates.Count;
            skip = Math.Max(0, skip);
            if (n - skip < 3) return -1;
            int lowest = skip;
            for (int k = skip + 1; k < n; k++) if (smoothed[k] < smoothed[lowest]) lowest = k;
            int best = -1;
            double steepest = 0.0;
            for (int k = skip; k <= lowest; k++)
            {
                double slope = Slope(rates, smoothed, k);
                if (slope < steepest) { steepest = slope; best = k; }
            }
            return best;
        }

        /// <summary>d smoothed / d ln(rate) at point <paramref name="k"/>: central inside, one-sided at the ends.</summary>
        public static double Slope(IReadOnlyList<double> rates, IReadOnlyList<double> smoothed, int k)
        {
            int low = Math.Max(0, k - 1), high = Math.Min(rates.Count - 1, k + 1);
            return (smoothed[high] - smoothed[low]) / (Math.Log(rates[high]) - Math.Log(rates[low]));
        }
    }
}
