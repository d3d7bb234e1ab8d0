using System.Globalization;

namespace BackpropPS.Core.Explain
{
    /// <summary>Breaks each gradient of a training step into the chain-rule factors it is the product of.</summary>
    internal static class ChainRule
    {
        public static IReadOnlyList<ParameterTrace> Trace(TrainingStep step)
        {
            Network network = step.Before;
            // Per-sample factors only mean something for one sample; a batch's gradient is a mean of products.
            Neuron[][] neurons = step.SampleCount == 1
                ? Enumerable.Range(0, network.Layers.Count).Select(l => Neurons(step, l)).ToArray()
                : null;

            var rows = new List<ParameterTrace>();
            foreach (ParameterId p in ParameterId.All(network))
            {
                var row = new ParameterTrace
                {
                    Name = p.Name,
                    Layer = p.Layer,
                    Kind = p.Kind,
                    From = p.From,
                    To = p.To,
                    Old = p.ValueIn(network),
                    Gradient = p.GradientIn(step.Gradient),
                    New = p.ValueIn(step.After),
                    LearningRate = step.LearningRate,
                    SampleCount = step.SampleCount,
                };
                if (neurons != null) AddFactors(row, p, neurons[p.Layer - 1], step);
                rows.Add(row);
            }
            return rows;
        }

        private static void AddFactors(ParameterTrace row, ParameterId p, Neuron[] layer, TrainingStep step)
        {
            if (!p.To.HasValue)
            {
                // A shared bias feeds every neuron of its layer: its gradient is the sum of their deltas.
                row.DeltaSum = layer.Sum(n => n.Delta);
                row.DeltaTerms = string.Join(" + ", layer.Select(n => Number(n.Delta)));
                return;
            }
            Neuron neuron = layer[p.To.Value - 1];
            row.LossDerivative = neuron.LossDerivative;
            row.Downstream = neuron.Downstream;
            row.DownstreamTerms = neuron.DownstreamTerms;
            row.ActivationDerivative = neuron.ActivationDerivative;
            row.Delta = neuron.Delta;
            row.Input = p.Kind == ParameterKind.Bias ? 1.0 : step.Forward.InputTo(p.Layer - 1)[0, p.From.Value - 1];
        }

        // The factors of every neuron of layer l (from 0) for the step's only sample.
        private static Neuron[] Neurons(TrainingStep step, int l)
        {
            Network network = step.Before;
            Layer layer = network.Layers[l];
            bool isOutput = l == network.Layers.Count - 1;
            bool elementWise = layer.Activation != Activation.Softmax;
            var result = new Neuron[layer.OutputSize];
            for (int j = 0; j < layer.OutputSize; j++)
            {
                double z = step.Forward.Z[l][0, j], a = step.Forward.A[l][0, j];
                var neuron = new Neuron
                {
                    Delta = step.Gradient.Delta[l][0, j],
                    ActivationDerivative = elementWise ? Activations.Derivative(layer.Activation, z, a) : (double?)null,
                };
                if (isOutput)
                {
                    // Left empty where the loss's closed form avoids it: Softmax, or a saturated output under
                    // BinaryCrossEntropy, where dE/dyhat is infinite but the delta is not.
                    double dE = Losses.LossDerivative(step.LossFunction, a, step.Target[0, j], layer.OutputSize);
                    neuron.LossDerivative = elementWise && !double.IsNaN(dE) && !double.IsInfinity(dE) ? dE : (double?)null;
                }
                else
                {
                    Layer above = network.Layers[l + 1];
                    var terms = Enumerable.Range(0, above.OutputSize)
                        .Select(k => (Weight: above.Weights[k, j], Delta: step.Gradient.Delta[l + 1][0, k])).ToArray();
                    // Summed in the order the backward pass sums them, so the value is the same to the last bit.
                    double sum = 0.0;
                    foreach (var t in terms) sum += t.Weight * t.Delta;
                    neuron.Downstream = sum;
                    neuron.DownstreamTerms = string.Join(" + ", terms.Select(t => $"{Number(t.Weight)} * {Number(t.Delta)}"));
                }
                result[j] = neuron;
            }
            return result;
        }

        // Twelve significant digits: enough to recompute the gradient by hand to about 1e-12 of its size.
        private static string Number(double value) => value.ToString("G12", CultureInfo.InvariantCulture);

        private sealed class Neuron
        {
            public double Delta;
            public double? ActivationDerivative;
            public double? LossDerivative;
            public double? Downstream;
            public string DownstreamTerms;
        }
    }
}
