using System;
using System.Linq;

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
            return network.WithLayers(network.Layers.Select((layer, l) => Layer.Wrap(layer,
                Descend(layer.Weights.Data, gradient.WeightGradient[l].Data, learningRate),
                Descend(layer.Biases.Data, gradient.BiasGradient[l].Data, learningRate))));
        }

        private static double[] Descend(double[] values, double[] gradient, double learningRate)
        {
            var next = new double[values.Length];
            for (int k = 0; k < values.Length; k++) next[k] = values[k] - learningRate * gradient[k];
            return next;
        }
    }
}
