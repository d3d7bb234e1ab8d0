namespace BackpropPS.Core.Explain
{
    /// <summary>Tolerances and step size of a <see cref="GradientCheck"/>.</summary>
    /// <remarks>
    /// Why these defaults, for doubles (machine epsilon e = 2.2e-16): a central difference with step h has a
    /// truncation error of about h^2 |E'''| / 6 and a rounding error of about e |E| / h. With h = 1e-6 both
    /// are near 1e-10 for losses and derivatives of order 1, so a correct gradient agrees to about 1e-10
    /// absolutely, and to better than 1e-6 relatively unless the gradient itself is below about 1e-4 (the
    /// seed's hidden-layer gradients, 4e-4, come out with relative errors near 1e-7).
    /// A gradient passes when its relative error is within 1e-6 or its absolute error within 1e-8: the
    /// absolute test spares tiny gradients, whose relative error is all rounding, while a real mistake
    /// (a missing factor, a wrong sign, an index swapped) is off by far more than either.
    /// </remarks>
    public sealed class GradientCheckSettings
    {
        /// <summary>The default relative tolerance, 1e-6.</summary>
        public const double DefaultRelativeTolerance = 1e-6;

        /// <summary>The default absolute tolerance, 1e-8.</summary>
        public const double DefaultAbsoluteTolerance = 1e-8;

        /// <summary>The default step, 1e-6, scaled by max(1, |parameter|).</summary>
        public const double DefaultStepSize = 1e-6;

        /// <summary>A gradient passes when |a - n| / max(|a|, |n|) is at most this...</summary>
        public double RelativeTolerance { get; set; } = DefaultRelativeTolerance;

        /// <summary>...or when |a - n| is at most this.</summary>
        public double AbsoluteTolerance { get; set; } = DefaultAbsoluteTolerance;

        /// <summary>The finite-difference step h, relative to max(1, |parameter|).</summary>
        public double StepSize { get; set; } = DefaultStepSize;
    }
}
