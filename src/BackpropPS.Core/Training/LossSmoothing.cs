namespace BackpropPS.Core.Training
{
    /// <summary>
    /// The exponentially weighted mean of the losses so far, bias-corrected as fastai's lr_find does:
    /// m = beta m + (1 - beta) loss, smoothed = m / (1 - beta^n) after n losses, so the first value is the first
    /// loss itself rather than a fiftieth of it.
    /// </summary>
    public sealed class LossSmoothing
    {
        private readonly double _beta;
        private double _mean, _betaPower = 1.0;

        /// <summary>Starts with no losses.</summary>
        public LossSmoothing(double beta)
        {
            if (!(beta >= 0 && beta < 1)) throw new ArgumentOutOfRangeException(nameof(beta));
            _beta = beta;
        }

        /// <summary>Adds one loss and returns the smoothed loss including it.</summary>
        public double Add(double loss)
        {
            _mean = _beta * _mean + (1 - _beta) * loss;
            _betaPower *= _beta;
            return _mean / (1 - _betaPower);
        }
    }
}
