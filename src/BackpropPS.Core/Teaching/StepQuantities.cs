using System.Globalization;
using BackpropPS.Core.Explain;

namespace BackpropPS.Core.Teaching
{
    /// <summary>
    /// The quantities of one step in the order a student computes them, named as the trace names them:
    /// forward layer by layer (z_h1, z_h2, a_h1, a_h2, ...), backward from the output (delta_o1, ..., dE/dw2_11,
    /// ..., dE/db2, then delta_h1, ...), then each parameter after the step (w1_11, ..., b2).
    /// </summary>
    internal static class StepQuantities
    {
        public static string Z(Network network, int layer, int neuron) => "z_" + NeuronNames.Neuron(network, layer, neuron);
        public static string A(Network network, int layer, int neuron) => "a_" + NeuronNames.Neuron(network, layer, neuron);
        public static string Delta(Network network, int layer, int neuron) => "delta_" + NeuronNames.Neuron(network, layer, neuron);
        public static string Gradient(string parameter) => "dE/d" + parameter;

        // What a layer takes in: x1, x2 for the first, the activations of the layer below for the others.
        public static string In(Network network, int layer, int input) =>
            layer == 1 ? NeuronNames.Input(input) : A(network, layer - 1, input);

        public static List<ExerciseQuantity> List(Exercise exercise)
        {
            Network network = exercise.Network;
            TrainingStep step = exercise.Step;
            int layers = network.Layers.Count;
            var parameters = ParameterId.All(network).ToList();
            var list = new List<ExerciseQuantity>();
            ExerciseQuantity Add(ExerciseQuantity q, double expected)
            {
                q.Expected = expected;
                q.Hint = StepHints.For(exercise, q);
                list.Add(q);
                return q;
            }

            for (int l = 1; l <= layers; l++)
            {
                int n = network.Layers[l - 1].OutputSize;
                for (int j = 1; j <= n; j++)
                    Add(new ExerciseQuantity(Z(network, l, j), ExercisePart.Forward, QuantityKind.Z, l, j, null), step.Forward.Z[l - 1][0, j - 1]);
                for (int j = 1; j <= n; j++)
                    Add(new ExerciseQuantity(A(network, l, j), ExercisePart.Forward, QuantityKind.A, l, j, null), step.Forward.A[l - 1][0, j - 1]);
            }
            for (int l = layers; l >= 1; l--)
            {
                int n = network.Layers[l - 1].OutputSize;
                for (int j = 1; j <= n; j++)
                    Add(new ExerciseQuantity(Delta(network, l, j), ExercisePart.Backward, QuantityKind.Delta, l, j, null), step.Gradient.Delta[l - 1][0, j - 1]);
                foreach (ParameterId p in parameters.Where(p => p.Layer == l))
                {
                    QuantityKind kind = p.Kind == ParameterKind.Weight ? QuantityKind.WeightGradient : QuantityKind.BiasGradient;
                    Add(new ExerciseQuantity(Gradient(p.Name), ExercisePart.Backward, kind, l, p.To ?? 0, p), p.GradientIn(step.Gradient));
                }
            }
            foreach (ParameterId p in parameters)
            {
                QuantityKind kind = p.Kind == ParameterKind.Weight ? QuantityKind.NewWeight : QuantityKind.NewBias;
                Add(new ExerciseQuantity(p.Name, ExercisePart.Update, kind, p.Layer, p.To ?? 0, p), p.ValueIn(step.After));
            }
            return list;
        }

        public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
