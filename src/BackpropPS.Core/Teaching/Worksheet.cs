using System.Globalization;
using System.IO;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Core.Teaching
{
    /// <summary>
    /// The worksheet a student fills in: a CSV with one row per quantity asked (Quantity, an empty Answer, Part,
    /// Layer, Hint), as Export-Csv writes it and Import-Csv reads it, and the diagram of the network with the
    /// given numbers (inputs, targets, weights, biases) and a blank for each quantity asked.
    /// </summary>
    public static class Worksheet
    {
        /// <summary>What a blank looks like in the diagram: a "?" (underscores would merge into the arrow a label sits on).</summary>
        public const string Blank = "?";

        /// <summary>The CSV's columns.</summary>
        public static readonly IReadOnlyList<string> Columns = new[] { "Quantity", "Answer", "Part", "Layer", "Hint" };

        /// <summary>Writes the CSV: every field quoted, as Export-Csv does.</summary>
        public static void WriteCsv(Exercise exercise, TextWriter writer)
        {
            if (exercise == null) throw new ArgumentNullException(nameof(exercise));
            writer.Write(Row(Columns));
            foreach (ExerciseQuantity q in exercise.Quantities)
                writer.Write(Row(new[] { q.Name, "", q.Part.ToString(), q.Layer.ToString(CultureInfo.InvariantCulture), q.Hint }));
        }

        /// <summary>The diagram with the givens and the blanks.</summary>
        public static Diagram Diagram(Exercise exercise)
        {
            if (exercise == null) throw new ArgumentNullException(nameof(exercise));
            Network network = exercise.Network;
            var asked = new HashSet<string>(exercise.Quantities.Select(q => q.Name), StringComparer.OrdinalIgnoreCase);
            string Given(ParameterId p) => $"{p.Name} = {N(p.ValueIn(network))}" + (asked.Contains(p.Name) ? $" \u2192 {Blank}" : "");
            IEnumerable<string> Blanks(int l, int j)
            {
                foreach (var (name, symbol) in new[] { (StepQuantities.Z(network, l, j), "z"), (StepQuantities.A(network, l, j), "a"), (StepQuantities.Delta(network, l, j), "delta") })
                    if (asked.Contains(name)) yield return $"{symbol} = {Blank}";
                if (l == network.Layers.Count) yield return $"y{j} = {N(exercise.Target[j - 1])}";
            }
            string title = $"Worksheet: network {network.Shape}, x = ({string.Join(", ", exercise.Input.Select(N))}), " +
                $"y = ({string.Join(", ", exercise.Target.Select(N))}), learning rate {N(exercise.LearningRate)}, {exercise.Loss} loss";
            string legend = $"fill in each blank in the CSV ({Wording.Count(exercise.Quantities.Count, "quantity", "quantities")} to {exercise.Decimals} decimals); " +
                "blue: positive weight, red: negative, thicker: larger";
            return Pictures.Diagram.Worksheet(network, title, legend, Given, i => $"x = {N(exercise.Input[i - 1])}", Blanks);
        }

        private static string Row(IEnumerable<string> fields) =>
            string.Join(",", fields.Select(f => "\"" + f.Replace("\"", "\"\"") + "\"")) + "\n";

        // The givens exactly: a student computes with these very numbers.
        private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
