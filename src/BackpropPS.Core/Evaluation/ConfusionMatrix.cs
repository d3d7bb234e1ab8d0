using BackpropPS.Core.Data;

namespace BackpropPS.Core.Evaluation
{
    /// <summary>
    /// Counts of (actual label, predicted label) pairs, in label order. A tally: <see cref="Add(int, IReadOnlyList{double})"/> counts one
    /// prediction, so that records can be measured as they stream by. Correct means the same as in the
    /// trainer's accuracy: the predicted label is <see cref="LabelEncoding.Decode"/> of the outputs.
    /// </summary>
    public sealed class ConfusionMatrix
    {
        private readonly int[,] _counts;

        /// <summary>An empty tally for the labels of <paramref name="encoding"/>.</summary>
        public ConfusionMatrix(LabelEncoding encoding)
        {
            Encoding = encoding ?? throw new ArgumentNullException(nameof(encoding));
            _counts = new int[encoding.Labels.Count, encoding.Labels.Count];
        }

        /// <summary>The labels and outputs the counts are of.</summary>
        public LabelEncoding Encoding { get; }

        /// <summary>The class labels, in output order.</summary>
        public IReadOnlyList<string> Labels => Encoding.Labels;

        /// <summary>Counts one record of label index <paramref name="actual"/> whose network outputs were <paramref name="output"/>.</summary>
        public void Add(int actual, IReadOnlyList<double> output) => _counts[actual, Encoding.Decode(output)]++;

        /// <summary>Counts one sample whose predicted class is already known.</summary>
        public void Add(int actual, int predicted) => _counts[actual, predicted]++;

        /// <summary>Records of label <paramref name="actual"/> predicted as <paramref name="predicted"/> (label indices).</summary>
        public int this[int actual, int predicted] => _counts[actual, predicted];

        /// <summary>Records of label index <paramref name="actual"/>.</summary>
        public int RowTotal(int actual) => Enumerable.Range(0, Labels.Count).Sum(p => _counts[actual, p]);

        /// <summary>The fraction of records of label index <paramref name="actual"/> predicted right; none without such records.</summary>
        public double? Recall(int actual)
        {
            int total = RowTotal(actual);
            return total == 0 ? (double?)null : (double)_counts[actual, actual] / total;
        }

        /// <summary>Records predicted right: the diagonal.</summary>
        public int Correct => Enumerable.Range(0, Labels.Count).Sum(k => _counts[k, k]);

        /// <summary>Records counted.</summary>
        public int Total => Enumerable.Range(0, Labels.Count).Sum(RowTotal);

        /// <summary>
        /// The matrix as rows for a table, one per actual label: <c>Actual</c>, a count per predicted label, <c>Total</c>
        /// and <c>Recall</c>.
        /// </summary>
        public IEnumerable<List<KeyValuePair<string, object>>> Rows()
        {
            for (int a = 0; a < Labels.Count; a++)
            {
                var row = new List<KeyValuePair<string, object>>(Labels.Count + 3) { PredictionColumns.Column("Actual", Labels[a]) };
                for (int p = 0; p < Labels.Count; p++) row.Add(PredictionColumns.Column(Labels[p], _counts[a, p]));
                row.Add(PredictionColumns.Column("Total", RowTotal(a)));
                row.Add(PredictionColumns.Column("Recall", Recall(a)));
                yield return row;
            }
        }
    }
}
