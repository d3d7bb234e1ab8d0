using System.Globalization;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Evaluation
{
    /// <summary>
    /// The class of each sample of a data set and the class a network predicts for it, read the way
    /// accuracy is judged: one-hot rows by their largest value, a single 0/1 column by the 0.5 threshold.
    /// </summary>
    public static class SampleClasses
    {
        /// <summary>
        /// The names of the data set's classes: its schema's labels, else "0", "1", ... for one-hot or 0/1 targets;
        /// null when the targets are not classes (regression, or several yes/no outputs).
        /// </summary>
        public static IReadOnlyList<string> Labels(Dataset data)
        {
            if (data == null) throw new ArgumentNullException(nameof(data));
            if (data.Schema != null && data.Schema.IsClassifier) return data.Schema.ClassLabels;
            AccuracyKind kind = Accuracy.KindFor(data.Targets);
            if (kind == AccuracyKind.ArgMax) return Numbered(data.Targets.Columns);
            if (kind == AccuracyKind.Threshold && data.Targets.Columns == 1) return Numbered(2);
            return null;
        }

        /// <summary>The class of sample <paramref name="row"/> (an index into <see cref="Labels"/>).</summary>
        public static int Actual(Dataset data, int row) => ClassOf(data.Targets, row);

        /// <summary>
        /// The class <paramref name="network"/> predicts for each of <paramref name="rows"/>, in that order, a
        /// chunk at a time (so a caller that needs only the first few stops early). Inputs go through the
        /// network's own scaling first, as in prediction.
        /// </summary>
        public static IEnumerable<(int Row, int Predicted)> Predict(Network network, Dataset data, IEnumerable<int> rows)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            if (data == null) throw new ArgumentNullException(nameof(data));
            if (data.Inputs.Columns != network.InputSize)
            {
                throw BackpropException.Argument("InputSizeMismatch",
                    $"The network takes {network.InputSize} inputs; the data set has {Wording.Count(data.Inputs.Columns, "input column")}.");
            }
            return Chunks(network, data, rows.ToArray());
        }

        private static IEnumerable<(int Row, int Predicted)> Chunks(Network network, Dataset data, int[] indices)
        {
            foreach (var (start, output) in DatasetPrediction.Forward(network, data, indices))
            {
                for (int r = 0; r < output.Rows; r++) yield return (indices[start + r], ClassOf(output, r));
            }
        }

        // A yes/no output is class 1 from 0.5 up; several outputs, the largest: the one rule accuracy uses.
        private static int ClassOf(Matrix values, int row) => DatasetPrediction.ClassOf(values, row);

        private static string[] Numbered(int count) =>
            Enumerable.Range(0, count).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
    }
}
