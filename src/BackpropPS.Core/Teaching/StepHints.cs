namespace BackpropPS.Core.Teaching
{
    /// <summary>The formula of each quantity in the worksheet's names, e.g. "delta_o1 = (a_o1 - y1) * a_o1(1 - a_o1)".</summary>
    internal static class StepHints
    {
        public static string For(Exercise exercise, ExerciseQuantity q)
        {
            Network network = exercise.Network;
            Layer layer = network.Layers[q.Layer - 1];
            int l = q.Layer, j = q.Neuron;
            switch (q.Kind)
            {
                case QuantityKind.Z:
                {
                    var terms = Enumerable.Range(1, layer.InputSize)
                        .Select(i => $"{ParameterId.WeightName(l, i, j)}*{StepQuantities.In(network, l, i)}").ToList();
                    if (layer.BiasMode != BiasMode.None) terms.Add(ParameterId.BiasName(l, layer.BiasMode == BiasMode.PerNeuron ? j : (int?)null));
                    return $"{q.Name} = {string.Join(" + ", terms)}";
                }
                case QuantityKind.A:
                    return $"{q.Name} = {ActivationText(network, layer, l, j)}";
                case QuantityKind.Delta:
                    return $"{q.Name} = {DeltaText(exercise, layer, l, j)}";
                case QuantityKind.WeightGradient:
                    return $"{q.Name} = {StepQuantities.Delta(network, l, j)} * {StepQuantities.In(network, l, q.Parameter.From.Value)}";
                case QuantityKind.BiasGradient:
                    return q.Parameter.To.HasValue
                        ? $"{q.Name} = {StepQuantities.Delta(network, l, j)}"
                        : $"{q.Name} = {string.Join(" + ", Enumerable.Range(1, layer.OutputSize).Select(k => StepQuantities.Delta(network, l, k)))}";
                default:
                    return $"{q.Name} = old {q.Name} - {StepQuantities.Number(exercise.LearningRate)} * {StepQuantities.Gradient(q.Name)}";
            }
        }

        private static string ActivationText(Network network, Layer layer, int l, int j)
        {
            string z = StepQuantities.Z(network, l, j);
            switch (layer.Activation)
            {
                case Activation.Sigmoid: return $"1 / (1 + exp(-{z}))";
                case Activation.Tanh: return $"tanh({z})";
                case Activation.ReLU: return $"max(0, {z})";
                case Activation.LeakyReLU: return $"{z} if {z} > 0, else 0.01*{z}";
                case Activation.Linear: return z;
                default:
                    return $"exp({z}) / ({string.Join(" + ", Enumerable.Range(1, layer.OutputSize).Select(k => $"exp({StepQuantities.Z(network, l, k)})"))})";
            }
        }

        private static string DeltaText(Exercise exercise, Layer layer, int l, int j)
        {
            Network network = exercise.Network;
            string a = StepQuantities.A(network, l, j), y = "y" + j;
            int n = layer.OutputSize;
            bool output = l == network.Layers.Count;
            if (output && layer.Activation == Activation.Softmax && exercise.Loss == LossFunction.CrossEntropy) return $"{a} - {y}";
            if (output && layer.Activation == Activation.Sigmoid && exercise.Loss == LossFunction.BinaryCrossEntropy)
                return n == 1 ? $"{a} - {y}" : $"({a} - {y}) / {n}";
            string dA = output ? LossDerivativeText(exercise.Loss, a, y, n) : Downstream(network, l, j);
            if (layer.Activation == Activation.Softmax)
                return $"{a} * (dE/d{a} - sum over k of a_k * dE/da_k), where dE/d{a} = {dA}";
            return $"{dA} * {DerivativeText(layer.Activation, a, StepQuantities.Z(network, l, j))}";
        }

        private static string Downstream(Network network, int l, int j) =>
            "(" + string.Join(" + ", Enumerable.Range(1, network.Layers[l].OutputSize)
                .Select(k => $"{ParameterId.WeightName(l + 1, j, k)}*{StepQuantities.Delta(network, l + 1, k)}")) + ")";

        private static string LossDerivativeText(LossFunction loss, string a, string y, int n)
        {
            switch (loss)
            {
                case LossFunction.HalfSquaredError: return $"({a} - {y})";
                case LossFunction.MeanSquaredError: return $"2({a} - {y}) / {n}";
                case LossFunction.CrossEntropy: return $"(-{y} / {a})";
                default: return $"({a} - {y}) / ({a}(1 - {a}) * {n})";
            }
        }

        private static string DerivativeText(Activation activation, string a, string z)
        {
            switch (activation)
            {
                case Activation.Sigmoid: return $"{a}(1 - {a})";
                case Activation.Tanh: return $"(1 - {a}^2)";
                case Activation.ReLU: return $"(1 if {z} > 0, else 0)";
                case Activation.LeakyReLU: return $"(1 if {z} > 0, else 0.01)";
                default: return "1";
            }
        }
    }
}
