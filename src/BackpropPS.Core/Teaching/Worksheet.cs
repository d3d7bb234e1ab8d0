using System.Globalization;
using System.IO;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Core.Teaching
{
    /// <summary>
    /// The worksheet a student fills in: a CSV with one row per quantity asked (Quantity, an empty Answer, Part,
    /// Layer, Hint, and the exercise's Fingerprint), as Export-Csv writes it and Import-Csv reads it, and the
    /// diagram of the network with the given numbers (inputs, targets, weights, biases) and a blank for each
    /// quantity asked.
    /// </summary>
    public static class Worksheet
    {
        /// <summary>What a blank looks like in the diagram: a "?" (underscores would merge into the arrow a label sits on).</summary>
        public const string Blank = "?";

        /// <summary>
        /// The column that holds the exercise's fingerprint on every row: a column, not a row of its own, so that it
        /// survives Import-Csv and Export-Csv, a spreadsheet, sorting and filtering, and a script that fills every row.
        /// </summary>
        public const string FingerprintColumn = "Fingerprint";

        /// <summary>The CSV's columns.</summary>
        public static readonly IReadOnlyList<string> Columns = new[] { "Quantity", "Answer", "Part", "Layer", "Hint", FingerprintColumn };

        /// <summary>The largest filled sheet graded (bytes): the largest worksheet, filled, has about 62 KB.</summary>
        public const long MaxSheetBytes = 1 << 20;

        /// <summary>The most rows a filled sheet may have: the largest worksheet has 532, a spreadsheet may add blank ones.</summary>
        public const int MaxSheetRows = 10000;

        /// <summary>Writes the CSV: every field quoted, as Export-Csv does.</summary>
        public static void WriteCsv(Exercise exercise, TextWriter writer)
        {
            if (exercise == null) throw new ArgumentNullException(nameof(exercise));
            writer.Write(Row(Columns));
            foreach (ExerciseQuantity q in exercise.Quantities)
                writer.Write(Row(new[] { q.Name, "", q.Part.ToString(), q.Layer.ToString(CultureInfo.InvariantCulture), q.Hint, exercise.Fingerprint }));
        }

        /// <summary>
        /// Whether a filled sheet carries <paramref name="exercise"/>'s fingerprint: true when its Fingerprint cells
        /// hold it, false when it carries none (the column removed or emptied); an <c>ExerciseMismatch</c> when a
        /// row carries another exercise's. <paramref name="cells"/> has one cell per row (null for an empty one or
        /// a sheet without the column); <paramref name="against"/> names the exercise in the message.
        /// </summary>
        public static bool CarriesFingerprint(Exercise exercise, IReadOnlyList<string> cells, string sheet, string against)
        {
            if (exercise == null) throw new ArgumentNullException(nameof(exercise));
            var given = (cells ?? new string[0]).Select((c, r) => (Text: c?.Trim() ?? "", Row: r + 1)).Where(c => c.Text.Length > 0).ToList();
            var other = given.FirstOrDefault(c => !string.Equals(c.Text, exercise.Fingerprint, StringComparison.OrdinalIgnoreCase));
            if (other.Text == null) return given.Count > 0;
            string shown = other.Text.Length > 40 ? other.Text.Substring(0, 40) + "..." : other.Text;
            string graded = $"exercise {exercise.Fingerprint} ({against})";
            throw new BackpropException("ExerciseMismatch", BackpropErrorKind.InvalidData, given.Count(c => c.Text == other.Text) == given.Count
                ? $"{sheet} was made for exercise {shown} (its {FingerprintColumn} column), not for {graded}, the one it is graded against. " +
                  "Grade each sheet with the exercise it was made for."
                : $"{sheet} row {other.Row} carries the fingerprint of exercise {shown}, not of {graded}, the one the sheet is graded against: " +
                  "its rows come from more than one exercise. Grade each sheet with the exercise it was made for.");
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
                $"{PictureColours.PositiveName}: positive weight, {PictureColours.NegativeName}: negative, thicker: larger";
            return Pictures.Diagram.Worksheet(network, title, legend, Given, i => $"x = {N(exercise.Input[i - 1])}", Blanks);
        }

        private static string Row(IEnumerable<string> fields) =>
            string.Join(",", fields.Select(f => "\"" + f.Replace("\"", "\"\"") + "\"")) + "\n";

        // The givens exactly: a student computes with these very numbers.
        private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
