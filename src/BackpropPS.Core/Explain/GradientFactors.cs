using System.Globalization;

namespace BackpropPS.Core.Explain
{
    /// <summary>
    /// Says which chain-rule factor made each weight's gradient small, from the step's own trace: a factor far below
    /// its typical size (the median over the network's weights) is what shrank the product. In a deep sigmoid
    /// network the first layers' Downstream sums are orders of magnitude below typical: the vanishing gradient.
    /// </summary>
    public static class GradientFactors
    {
        /// <summary>One row per weight of a one-sample step, in the trace's order.</summary>
        public static IReadOnlyList<GradientFactor> Explain(TrainingStep step)
        {
            if (step == null) throw new ArgumentNullException(nameof(step));
            if (step.SampleCount != 1)
            {
                throw BackpropException.Argument("FactorsNeedOneSample",
                    $"Expected a step on one sample, whose gradients are products of factors; this step has {step.SampleCount} samples and each gradient is a mean of products. Take the step on one sample (Invoke-BackpropStep -Input with one row).");
            }
            var rows = step.Trace.Where(t => t.Kind == ParameterKind.Weight).Select(t => new GradientFactor
            {
                Name = t.Name,
                Layer = t.Layer,
                From = t.From.Value,
                To = t.To.Value,
                Gradient = t.Gradient,
                // Softmax: no single derivative, and the delta stands in for dE/da times it.
                Downstream = t.ActivationDerivative.HasValue ? (t.Downstream ?? t.LossDerivative ?? t.Delta.Value) : t.Delta.Value,
                ActivationDerivative = t.ActivationDerivative,
                Input = t.Input.Value,
            }).ToList();

            double downstream = Typical(rows.Select(r => r.Downstream));
            double derivative = Typical(rows.Where(r => r.ActivationDerivative.HasValue).Select(r => r.ActivationDerivative.Value));
            double input = Typical(rows.Select(r => r.Input));
            foreach (GradientFactor row in rows)
            {
                row.DownstreamRatio = Ratio(row.Downstream, downstream);
                row.DerivativeRatio = row.ActivationDerivative.HasValue ? Ratio(row.ActivationDerivative.Value, derivative) : (double?)null;
                row.InputRatio = Ratio(row.Input, input);
                // Ties go to the factor nearest the loss, the one the backward pass meets first.
                var (name, words, value, ratio, typical) = (nameof(GradientFactor.Downstream), "the downstream sum dE/da", row.Downstream, row.DownstreamRatio, downstream);
                if (row.Layer == step.Before.Layers.Count) words = row.ActivationDerivative.HasValue ? "the loss derivative dE/dyhat" : "the output delta dE/dz";
                if (row.DerivativeRatio < ratio)
                    (name, words, value, ratio, typical) = (nameof(GradientFactor.ActivationDerivative), "the activation derivative da/dz", row.ActivationDerivative.Value, row.DerivativeRatio.Value, derivative);
                if (row.InputRatio < ratio)
                    (name, words, value, ratio, typical) = (nameof(GradientFactor.Input), "the input activation", row.Input, row.InputRatio, input);
                row.SmallestFactor = name;
                row.Reason = $"{words} = {G(value)}, {G(ratio)} times its typical size {G(typical)}";
            }
            return rows;
        }

        // The median size of a factor over the step's weights; 0 only when every one is 0.
        private static double Typical(IEnumerable<double> values)
        {
            double[] sizes = values.Select(Math.Abs).OrderBy(v => v).ToArray();
            if (sizes.Length == 0) return 0.0;
            int mid = sizes.Length / 2;
            return sizes.Length % 2 == 1 ? sizes[mid] : (sizes[mid - 1] + sizes[mid]) / 2;
        }

        // A factor of a typical size 0 is as typical as it can be.
        private static double Ratio(double value, double typical) => typical > 0 ? Math.Abs(value) / typical : 1.0;

        private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
    }
}
