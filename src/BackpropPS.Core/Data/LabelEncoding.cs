using BackpropPS.Core.Evaluation;

namespace BackpropPS.Core.Data
{
    /// <summary>
    /// Class labels and the network outputs that stand for them: one output per label (one-hot targets, the
    /// predicted label is the largest output), or one output for two labels (a single sigmoid output is the
    /// probability of the second label). The one place these rules are written. Immutable.
    /// </summary>
    public sealed class LabelEncoding
    {
        /// <summary>An encoding of <paramref name="labels"/> (in output order) onto <paramref name="outputs"/> outputs.</summary>
        /// <param name="labels">The class labels, distinct, at least two.</param>
        /// <param name="outputs">The network's outputs.</param>
        /// <param name="subject">Who has the labels, for errors: "Column 'species'", "The data set".</param>
        public LabelEncoding(IReadOnlyList<string> labels, int outputs, string subject)
        {
            EnsureValid(labels, subject);
            if (!Fits(labels.Count, outputs))
            {
                throw BackpropException.Argument("ClassCountMismatch",
                    $"{subject} has {Wording.Count(labels.Count, "label")} ({string.Join(", ", labels)}); the network has {Wording.Count(outputs, "output")}: " +
                    "one per label, or one output for two labels.");
            }
            Labels = labels.ToArray();
            Outputs = outputs;
        }

        /// <summary>The labels of <paramref name="cells"/> (distinct, in ordinal order) for <paramref name="outputs"/> outputs.</summary>
        public static LabelEncoding FromCells(IEnumerable<string> cells, int outputs, string subject) =>
            new LabelEncoding(cells.Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToArray(), outputs, subject);

        /// <summary>The class labels, in output order.</summary>
        public IReadOnlyList<string> Labels { get; }

        /// <summary>The network's outputs: as many as labels, or one for two labels.</summary>
        public int Outputs { get; }

        /// <summary>
        /// True when <paramref name="labels"/> labels fit <paramref name="outputs"/> outputs: at least two labels,
        /// one output each, or one output for exactly two.
        /// </summary>
        public static bool Fits(int labels, int outputs) => labels >= 2 && (labels == outputs || (outputs == 1 && labels == 2));

        /// <summary>
        /// Refuses labels a classifier cannot tell apart: fewer than two (one output would stand for a second label
        /// that does not exist) or the same label twice (two outputs with one meaning).
        /// </summary>
        public static void EnsureValid(IReadOnlyList<string> labels, string subject)
        {
            if (labels == null) throw new ArgumentNullException(nameof(labels));
            if (labels.Count == 1)
            {
                throw BackpropException.Argument("SingleClassLabel",
                    $"{subject} has one label only ({labels[0]}); a classifier needs at least two labels to tell apart.");
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string label in labels)
            {
                if (label == null)
                    throw BackpropException.Argument("EmptyClassLabel", $"{subject} has an empty class label.");
                if (!seen.Add(label))
                {
                    throw BackpropException.Argument("DuplicateClassLabel",
                        $"{subject} names the label '{label}' twice; each class label must be different (labels are compared as text, case-sensitively).");
                }
            }
        }

        /// <summary>The output index of <paramref name="label"/>, or -1 for a label not encoded here.</summary>
        public int IndexOf(string label)
        {
            for (int k = 0; k < Labels.Count; k++) if (string.Equals(Labels[k], label, StringComparison.Ordinal)) return k;
            return -1;
        }

        /// <summary>
        /// The label index of <paramref name="label"/>; a label the network was not trained on is an
        /// <c>UnknownLabel</c> error naming the record (<paramref name="row"/> counts from 1) and the column.
        /// </summary>
        public int Index(string label, string column, int row)
        {
            int index = IndexOf(label);
            if (index >= 0) return index;
            throw new BackpropException("UnknownLabel", BackpropErrorKind.InvalidData,
                $"Record {row}, column '{column}': the label '{label}' is not one the network was trained on ({string.Join(", ", Labels)}).");
        }

        /// <summary>One row of targets per label: one-hot, or for one output 1 for the second label and 0 for the first.</summary>
        public Matrix Encode(IReadOnlyList<string> labels, string column)
        {
            var targets = new double[labels.Count * Outputs];
            for (int r = 0; r < labels.Count; r++)
            {
                int index = Index(labels[r], column, r + 1);
                if (Outputs == 1) targets[r] = index;
                else targets[r * Outputs + index] = 1.0;
            }
            return new Matrix(labels.Count, Outputs, targets);
        }

        /// <summary>The label index an output row stands for (see <see cref="Accuracy.ClassOf"/>).</summary>
        public int Decode(IReadOnlyList<double> output) => Accuracy.ClassOf(output.ToArray(), 0, output.Count);

        /// <summary>The predicted label of an output row.</summary>
        public string Label(IReadOnlyList<double> output) => Labels[Decode(output)];

        /// <summary>Each label's probability, in label order: the outputs, or 1 - p and p for one output p.</summary>
        public double[] Probabilities(IReadOnlyList<double> output) =>
            Outputs == 1 ? new[] { 1.0 - output[0], output[0] } : output.ToArray();
    }
}
