using System.Globalization;

namespace BackpropPS.Core
{
    /// <summary>Plain gradient descent: parameter - learningRate * gradient.</summary>
    public static class GradientDescent
    {
        /// <summary>Returns a new network one step down the gradient; the gradient's network is left unchanged.</summary>
        public static Network Step(Gradient gradient, double learningRate)
        {
            if (gradient == null) throw new ArgumentNullException(nameof(gradient));
            Validation.EnsureLearningRate(learningRate);
            Network network = gradient.Network;
            return EnsureFinite(network.WithLayers(network.Layers.Select((layer, l) => Layer.Wrap(layer,
                Descend(layer.Weights.Data, gradient.WeightGradient[l].Data, learningRate),
                Descend(layer.Biases.Data, gradient.BiasGradient[l].Data, learningRate)))), learningRate);
        }

        /// <summary>
        /// <paramref name="next"/> when every parameter is finite; otherwise a <c>NonFiniteStep</c> error naming the first
        /// one that is not, so that an overflowing step never hands back a network that can be used or written.
        /// </summary>
        internal static Network EnsureFinite(Network next, double learningRate)
        {
            for (int l = 0; l < next.Layers.Count; l++)
            {
                foreach (ParameterKind kind in new[] { ParameterKind.Weight, ParameterKind.Bias })
                {
                    double[] values = kind == ParameterKind.Weight ? next.Layers[l].Weights.Data : next.Layers[l].Biases.Data;
                    int bad = System.Array.FindIndex(values, v => double.IsNaN(v) || double.IsInfinity(v));
                    if (bad < 0) continue;
                    // Only now, on the way to an error, is the parameter looked up by name.
                    ParameterId p = ParameterId.All(next).First(id => id.Layer == l + 1 && id.Kind == kind && id.Index == bad);
                    double value = values[bad];
                    throw new BackpropException("NonFiniteStep", BackpropErrorKind.InvalidOperation, string.Format(CultureInfo.InvariantCulture,
                        "A step with a learning rate of {0:G} makes {1} {2}: expected finite weights and biases. Try a smaller learning rate.",
                        learningRate, p.Name, double.IsNaN(value) ? "NaN" : value > 0 ? "infinite" : "-infinite"));
                }
            }
            return next;
        }

        private static double[] Descend(double[] values, double[] gradient, double learningRate)
        {
            var next = new double[values.Length];
            for (int k = 0; k < values.Length; k++) next[k] = values[k] - learningRate * gradient[k];
            return next;
        }
    }
}
