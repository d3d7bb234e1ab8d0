namespace BackpropPS.Core.Data
{
    /// <summary>Standardisation of each input column: (x - mean) / scale. Immutable.</summary>
    public sealed class InputScaling
    {
        /// <summary>Creates a scaling from per-column means and scales (standard deviations).</summary>
        public InputScaling(IReadOnlyList<double> mean, IReadOnlyList<double> scale)
        {
            if (mean == null || scale == null || mean.Count != scale.Count || mean.Count == 0)
                throw BackpropException.Argument("InvalidScaling", "Expected one mean and one scale per input column.");
            if (mean.Concat(scale).Any(v => double.IsNaN(v) || double.IsInfinity(v)) || scale.Any(s => s <= 0))
                throw BackpropException.Argument("InvalidScaling", "Means must be finite and scales finite and positive.");
            Mean = mean.ToArray();
            Scale = scale.ToArray();
        }

        /// <summary>Each column's mean.</summary>
        public IReadOnlyList<double> Mean { get; }

        /// <summary>Each column's scale (its population standard deviation; 1 for a constant column).</summary>
        public IReadOnlyList<double> Scale { get; }

        /// <summary>Mean 0 and variance 1 per column of <paramref name="inputs"/>.</summary>
        public static InputScaling Fit(Matrix inputs)
        {
            if (inputs == null || inputs.Rows == 0) throw BackpropException.Argument("EmptyData", "Cannot standardise an empty data set.");
            int n = inputs.Rows, m = inputs.Columns;
            var mean = new double[m];
            var scale = new double[m];
            for (int c = 0; c < m; c++)
            {
                double sum = 0;
                for (int r = 0; r < n; r++) sum += inputs[r, c];
                mean[c] = sum / n;
                double squares = 0;
                for (int r = 0; r < n; r++) { double d = inputs[r, c] - mean[c]; squares += d * d; }
                double sd = Math.Sqrt(squares / n);
                scale[c] = sd > 0 ? sd : 1.0; // a constant column is centred, not blown up
            }
            return new InputScaling(mean, scale);
        }

        /// <summary>The scaled copy of <paramref name="inputs"/>, stored as they are (floats are scaled in double, then rounded).</summary>
        public Matrix Apply(Matrix inputs)
        {
            if (inputs.Columns != Mean.Count)
            {
                throw BackpropException.Argument("InputSizeMismatch",
                    $"Expected {Mean.Count} input values per sample (the scaling's size); got {inputs.Columns}.");
            }
            if (inputs.Precision == Precision.Single)
            {
                var singles = new float[inputs.Count];
                for (int k = 0; k < singles.Length; k++) singles[k] = (float)Scaled(inputs, k);
                return Matrix.Wrap(inputs.Rows, inputs.Columns, singles);
            }
            var data = new double[inputs.Count];
            for (int k = 0; k < data.Length; k++) data[k] = Scaled(inputs, k);
            return Matrix.Wrap(inputs.Rows, inputs.Columns, data);
        }

        private double Scaled(Matrix inputs, int k)
        {
            int c = k % inputs.Columns;
            return (inputs[k] - Mean[c]) / Scale[c];
        }
    }
}
