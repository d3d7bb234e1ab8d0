namespace BackpropPS.Core.Teaching
{
    /// <summary>
    /// Recomputes one quantity of a step from the values of the quantities it is made of (a student's own
    /// answers, or the right ones), the right way or with one common mistake injected. This is how the grader
    /// tells a mistake made here from one carried over from an earlier answer, and names the mistake.
    /// </summary>
    internal static class StepFormulas
    {
        /// <summary>The quantities <paramref name="q"/> is computed from (the givens x, y and old parameters are not quantities).</summary>
        public static IReadOnlyList<string> Inputs(Exercise exercise, ExerciseQuantity q)
        {
            Network network = exercise.Network;
            Layer layer = network.Layers[q.Layer - 1];
            int l = q.Layer, j = q.Neuron;
            IEnumerable<string> Each(Func<int, string> name, int count) => Enumerable.Range(1, count).Select(name);
            bool softmax = layer.Activation == Activation.Softmax;
            switch (q.Kind)
            {
                case QuantityKind.Z:
                    return l == 1 ? new string[0] : Each(i => StepQuantities.A(network, l - 1, i), layer.InputSize).ToArray();
                case QuantityKind.A:
                    return softmax ? Each(k => StepQuantities.Z(network, l, k), layer.OutputSize).ToArray() : new[] { StepQuantities.Z(network, l, j) };
                case QuantityKind.Delta:
                {
                    var names = new List<string> { StepQuantities.Z(network, l, j) };
                    names.AddRange(softmax ? Each(k => StepQuantities.A(network, l, k), layer.OutputSize) : new[] { StepQuantities.A(network, l, j) });
                    if (l < network.Layers.Count) names.AddRange(Each(k => StepQuantities.Delta(network, l + 1, k), network.Layers[l].OutputSize));
                    return names.Distinct().ToArray();
                }
                case QuantityKind.WeightGradient:
                {
                    var names = new List<string> { StepQuantities.Delta(network, l, j) };
                    if (l > 1) names.Add(StepQuantities.A(network, l - 1, q.Parameter.From.Value));
                    return names;
                }
                case QuantityKind.BiasGradient:
                    return q.Parameter.To.HasValue ? new[] { StepQuantities.Delta(network, l, j) } : Each(k => StepQuantities.Delta(network, l, k), layer.OutputSize).ToArray();
                default:
                    return new[] { StepQuantities.Gradient(q.Name) };
            }
        }

        /// <summary>How many ways <paramref name="mistake"/> can be made on <paramref name="q"/>: which delta a shared bias's sum dropped.</summary>
        public static int Variants(Exercise exercise, ExerciseQuantity q, ExerciseMistake mistake) =>
            mistake == ExerciseMistake.DroppedBiasSumTerm && q.Kind == QuantityKind.BiasGradient && !q.Parameter.To.HasValue
                ? exercise.Network.Layers[q.Layer - 1].OutputSize : 1;

        /// <summary>
        /// <paramref name="q"/> from the values <paramref name="get"/> gives for the quantities it is made of, with
        /// <paramref name="mistake"/> made (None: the right way); NaN when that mistake cannot be made on it.
        /// </summary>
        public static double Compute(Exercise exercise, ExerciseQuantity q, Func<string, double> get, ExerciseMistake mistake, int variant = 0)
        {
            double value = Value(exercise, q, get, mistake, variant);
            return mistake == ExerciseMistake.SignFlipped && q.Part != ExercisePart.Update ? -value : value;
        }

        private static double Value(Exercise exercise, ExerciseQuantity q, Func<string, double> get, ExerciseMistake mistake, int variant)
        {
            Network network = exercise.Network;
            Layer layer = network.Layers[q.Layer - 1];
            int l = q.Layer, j = q.Neuron;
            bool useZ = mistake == ExerciseMistake.ZInsteadOfA;
            // What the layer takes in; z of the layer below where the mistake uses z instead of a.
            double In(int i) => l == 1 ? exercise.Input[i - 1] : get(useZ ? StepQuantities.Z(network, l - 1, i) : StepQuantities.A(network, l - 1, i));
            switch (q.Kind)
            {
                case QuantityKind.Z:
                {
                    if (!Allowed(mistake, ExerciseMistake.ZInsteadOfA, ExerciseMistake.ForgotBias) || (useZ && l == 1)) return double.NaN;
                    if (mistake == ExerciseMistake.ForgotBias && layer.BiasMode == BiasMode.None) return double.NaN;
                    double sum = 0.0;
                    for (int i = 1; i <= layer.InputSize; i++) sum += layer.Weights[j - 1, i - 1] * In(i);
                    return mistake == ExerciseMistake.ForgotBias ? sum : sum + layer.BiasOf(j - 1);
                }
                case QuantityKind.A:
                {
                    if (!Allowed(mistake)) return double.NaN;
                    if (layer.Activation != Activation.Softmax) return Activations.Apply(layer.Activation, get(StepQuantities.Z(network, l, j)));
                    double[] z = Enumerable.Range(1, layer.OutputSize).Select(k => get(StepQuantities.Z(network, l, k))).ToArray();
                    double max = z.Max();
                    return Math.Exp(z[j - 1] - max) / z.Sum(v => Math.Exp(v - max));
                }
                case QuantityKind.Delta:
                    return Delta(exercise, l, j, get, mistake);
                case QuantityKind.WeightGradient:
                    if (!Allowed(mistake, ExerciseMistake.ZInsteadOfA) || (useZ && l == 1)) return double.NaN;
                    return get(StepQuantities.Delta(network, l, j)) * In(q.Parameter.From.Value);
                case QuantityKind.BiasGradient:
                {
                    if (!Allowed(mistake, ExerciseMistake.DroppedBiasSumTerm)) return double.NaN;
                    if (q.Parameter.To.HasValue)
                        return mistake == ExerciseMistake.DroppedBiasSumTerm ? double.NaN : get(StepQuantities.Delta(network, l, j));
                    if (mistake == ExerciseMistake.DroppedBiasSumTerm && layer.OutputSize < 2) return double.NaN;
                    double sum = 0.0;
                    for (int k = 1; k <= layer.OutputSize; k++)
                        if (mistake != ExerciseMistake.DroppedBiasSumTerm || k - 1 != variant) sum += get(StepQuantities.Delta(network, l, k));
                    return sum;
                }
                default:
                {
                    if (!Allowed(mistake, ExerciseMistake.SignFlipped, ExerciseMistake.ForgotLearningRate)) return double.NaN;
                    double old = q.Parameter.ValueIn(network), gradient = get(StepQuantities.Gradient(q.Name));
                    if (mistake == ExerciseMistake.SignFlipped) return old + exercise.LearningRate * gradient;
                    return mistake == ExerciseMistake.ForgotLearningRate ? old - gradient : old - exercise.LearningRate * gradient;
                }
            }
        }

        // dE/dz of neuron j of layer l: dE/da times da/dz, or Softmax's Jacobian product for a coupled layer.
        private static double Delta(Exercise exercise, int l, int j, Func<string, double> get, ExerciseMistake mistake)
        {
            Network network = exercise.Network;
            Layer layer = network.Layers[l - 1];
            bool output = l == network.Layers.Count;
            int n = layer.OutputSize;
            double A(int k) => get(StepQuantities.A(network, l, k));
            double DE(int k) => output ? Losses.LossDerivative(exercise.Loss, A(k), exercise.Target[k - 1], n) : Downstream(exercise, l, k, get, mistake);

            if (layer.Activation == Activation.Softmax)
            {
                if (!Allowed(mistake, output ? ExerciseMistake.None : ExerciseMistake.NewWeightInDownstreamSum)) return double.NaN;
                if (output && exercise.Loss == LossFunction.CrossEntropy) return A(j) * exercise.Target.Sum() - exercise.Target[j - 1];
                double dot = 0.0;
                for (int k = 1; k <= n; k++) dot += A(k) * DE(k);
                return A(j) * (DE(j) - dot);
            }
            if (!Allowed(mistake, ExerciseMistake.ActivationAsDerivative, ExerciseMistake.ForgotActivationDerivative, ExerciseMistake.ZInsteadOfA,
                    output ? ExerciseMistake.None : ExerciseMistake.NewWeightInDownstreamSum))
                return double.NaN;
            double z = get(StepQuantities.Z(network, l, j)), a = A(j);
            // The closed form the module uses, so that the right way gives its value to the last bits.
            if (output && mistake == ExerciseMistake.None && layer.Activation == Activation.Sigmoid && exercise.Loss == LossFunction.BinaryCrossEntropy)
                return (a - exercise.Target[j - 1]) / n;
            double derivative = mistake == ExerciseMistake.ActivationAsDerivative ? a
                : mistake == ExerciseMistake.ForgotActivationDerivative ? 1.0
                : Activations.Derivative(layer.Activation, z, mistake == ExerciseMistake.ZInsteadOfA ? z : a);
            return DE(j) * derivative;
        }

        // dE/da of hidden neuron j of layer l: the sum over the layer above of weight times delta.
        private static double Downstream(Exercise exercise, int l, int j, Func<string, double> get, ExerciseMistake mistake)
        {
            Network network = exercise.Network;
            Layer above = network.Layers[l];
            double sum = 0.0;
            for (int k = 1; k <= above.OutputSize; k++)
            {
                double weight = mistake == ExerciseMistake.NewWeightInDownstreamSum ? get(ParameterId.WeightName(l + 1, j, k)) : above.Weights[k - 1, j - 1];
                sum += weight * get(StepQuantities.Delta(network, l + 1, k));
            }
            return sum;
        }

        // The right way, a flipped sign (applied by Compute), or one of the mistakes this quantity can have.
        private static bool Allowed(ExerciseMistake mistake, params ExerciseMistake[] these) =>
            mistake == ExerciseMistake.None || mistake == ExerciseMistake.SignFlipped || these.Contains(mistake);
    }
}
