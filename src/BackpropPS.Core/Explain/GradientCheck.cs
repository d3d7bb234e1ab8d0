using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Explain
{
    /// <summary>
    /// Checks gradients against central finite differences, (E(p + h) - E(p - h)) / 2h, on the same network,
    /// data and loss: the classic test that a backward pass is right.
    /// </summary>
    public static class GradientCheck
    {
        /// <summary>Checks backpropagation's gradient of every parameter.</summary>
        public static IReadOnlyList<GradientCheckResult> Run(Network network, Matrix input, Matrix target, LossFunction loss,
            GradientCheckSettings settings = null, Action<int, int> progress = null) =>
            Compare(network, input, target, loss, null, settings, progress);

        /// <summary>
        /// Checks supplied gradients (parameter name -> value, e.g. worked out by hand) instead of
        /// backpropagation's; only the parameters named are checked. With <paramref name="analytic"/> null,
        /// every parameter's backpropagated gradient is checked. <paramref name="progress"/> is told (done, total).
        /// </summary>
        public static IReadOnlyList<GradientCheckResult> Compare(Network network, Matrix input, Matrix target, LossFunction loss,
            IReadOnlyDictionary<string, double> analytic, GradientCheckSettings settings = null, Action<int, int> progress = null)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            settings = settings ?? new GradientCheckSettings();
            Validate(settings);
            // Also validates the input, the target and the loss, with the usual errors. The textbook loops (and
            // Math.Exp) here and in every loss below: a finite difference divides the loss's last bits by 2h.
            Gradient gradient = Backpropagation.Backward(Backpropagation.Forward(network, input, KernelPath.Reference), target, loss,
                KernelPath.Reference);

            List<ParameterId> parameters = ParameterId.All(network).ToList();
            if (analytic != null)
            {
                var names = new HashSet<string>(parameters.Select(p => p.Name), StringComparer.Ordinal);
                string unknown = analytic.Keys.FirstOrDefault(name => !names.Contains(name));
                if (unknown != null)
                {
                    throw BackpropException.Argument("UnknownParameterName",
                        $"Expected names of the network's parameters ({parameters[0].Name} ... {parameters[parameters.Count - 1].Name}); got '{unknown}'.");
                }
                parameters = parameters.Where(p => analytic.ContainsKey(p.Name)).ToList();
            }

            var results = new List<GradientCheckResult>(parameters.Count);
            for (int k = 0; k < parameters.Count; k++)
            {
                progress?.Invoke(k, parameters.Count);
                ParameterId p = parameters[k];
                double a = analytic != null ? analytic[p.Name] : p.GradientIn(gradient);
                double n = Numeric(network, p, input, target, loss, settings.StepSize);
                results.Add(new GradientCheckResult(p, a, n, Passes(a, n, settings)));
            }
            progress?.Invoke(parameters.Count, parameters.Count);
            return results;
        }

        /// <summary>|a - n| / max(|a|, |n|), and 0 when both are 0.</summary>
        public static double RelativeError(double analytic, double numeric)
        {
            double scale = Math.Max(Math.Abs(analytic), Math.Abs(numeric));
            return scale == 0.0 ? 0.0 : Math.Abs(analytic - numeric) / scale;
        }

        private static bool Passes(double analytic, double numeric, GradientCheckSettings settings) =>
            Math.Abs(analytic - numeric) <= settings.AbsoluteTolerance || RelativeError(analytic, numeric) <= settings.RelativeTolerance;

        private static double Numeric(Network network, ParameterId p, Matrix input, Matrix target, LossFunction loss, double step)
        {
            double value = p.ValueIn(network);
            double h = step * Math.Max(1.0, Math.Abs(value));
            double plus = value + h, minus = value - h;
            // Divide by the step actually taken: value + h is rounded, so (plus - minus) can differ from 2h.
            return (LossWith(network, p, plus, input, target, loss) - LossWith(network, p, minus, input, target, loss)) / (plus - minus);
        }

        // The batch's mean loss with one parameter set to value; the network itself is not changed.
        private static double LossWith(Network network, ParameterId p, double value, Matrix input, Matrix target, LossFunction loss)
        {
            Layer[] layers = network.Layers.ToArray();
            Layer layer = layers[p.Layer - 1];
            double[] weights = layer.Weights.ToArray(), biases = layer.Biases.ToArray();
            (p.Kind == ParameterKind.Weight ? weights : biases)[p.Index] = value;
            layers[p.Layer - 1] = Layer.Wrap(layer, weights, biases);

            ForwardPass forward = Backpropagation.Forward(new Network(layers), input, KernelPath.Reference);
            Activation output = layers[layers.Length - 1].Activation;
            int last = layers.Length - 1, width = forward.Output.Columns;
            double sum = 0.0;
            for (int r = 0; r < forward.SampleCount; r++)
                sum += Losses.SampleLoss(loss, output, forward.Z[last].Data, forward.Output.Data, target.Data, r, width);
            return sum / forward.SampleCount;
        }

        private static void Validate(GradientCheckSettings settings)
        {
            if (!IsFiniteAtLeastZero(settings.RelativeTolerance) || !IsFiniteAtLeastZero(settings.AbsoluteTolerance))
            {
                throw BackpropException.Argument("InvalidTolerance",
                    $"Tolerances must be finite numbers of at least 0; got relative {settings.RelativeTolerance} and absolute {settings.AbsoluteTolerance}.");
            }
            if (!(settings.StepSize > 0) || double.IsInfinity(settings.StepSize))
            {
                throw BackpropException.Argument("InvalidStepSize",
                    $"The finite-difference step must be a positive finite number; got {settings.StepSize}.");
            }
        }

        private static bool IsFiniteAtLeastZero(double value) => value >= 0 && !double.IsInfinity(value);
    }
}
