namespace BackpropPS.Core.Explain
{
    /// <summary>One parameter's analytic gradient beside its finite-difference estimate: a flat row for Export-Csv.</summary>
    public sealed class GradientCheckResult
    {
        internal GradientCheckResult(ParameterId parameter, double analytic, double numeric, bool pass)
        {
            Name = parameter.Name;
            Layer = parameter.Layer;
            Kind = parameter.Kind;
            Analytic = analytic;
            Numeric = numeric;
            AbsoluteError = System.Math.Abs(analytic - numeric);
            RelativeError = GradientCheck.RelativeError(analytic, numeric);
            Pass = pass;
        }

        /// <summary>The seed-style name of the parameter.</summary>
        public string Name { get; }

        /// <summary>The layer, from 1.</summary>
        public int Layer { get; }

        /// <summary>Weight or Bias.</summary>
        public ParameterKind Kind { get; }

        /// <summary>The gradient checked: backpropagation's, or a value supplied to compare.</summary>
        public double Analytic { get; }

        /// <summary>The central finite difference (E(p + h) - E(p - h)) / 2h.</summary>
        public double Numeric { get; }

        /// <summary>|Analytic - Numeric|.</summary>
        public double AbsoluteError { get; }

        /// <summary>|Analytic - Numeric| / max(|Analytic|, |Numeric|); 0 when both are 0.</summary>
        public double RelativeError { get; }

        /// <summary>True when either error is within its tolerance.</summary>
        public bool Pass { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Name}: {(Pass ? "pass" : "FAIL")} (relative error {RelativeError.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)})";
    }
}
