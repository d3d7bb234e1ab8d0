using System.Globalization;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Evaluation
{
    /// <summary>
    /// The columns a prediction adds to a row, the same for a record and for a sample of a data set: a
    /// classifier's <c>Predicted</c> label, <c>Correct</c> when the actual label is known, and each label's
    /// <c>Probability_&lt;label&gt;</c>; numeric outputs as <c>Predicted</c> (one output) or
    /// <c>Predicted_&lt;target column&gt;</c> (several, numbered when the schema does not name them).
    /// </summary>
    public sealed class PredictionColumns
    {
        private readonly string[] _probabilityNames;
        private readonly string[] _outputNames;

        /// <summary>The columns for a network of <paramref name="outputs"/> outputs trained with <paramref name="schema"/> (or none).</summary>
        public PredictionColumns(DataSchema schema, int outputs)
        {
            Labels = schema?.Encoding(outputs);
            if (Labels != null)
            {
                _probabilityNames = new string[Labels.Labels.Count];
                for (int k = 0; k < _probabilityNames.Length; k++) _probabilityNames[k] = "Probability_" + Labels.Labels[k];
                return;
            }
            _outputNames = new string[outputs];
            if (outputs == 1) _outputNames[0] = "Predicted";
            for (int k = 0; outputs > 1 && k < outputs; k++)
            {
                string name = schema != null && schema.TargetColumns.Count == outputs ? schema.TargetColumns[k] : (k + 1).ToString(CultureInfo.InvariantCulture);
                _outputNames[k] = "Predicted_" + name;
            }
        }

        /// <summary>The class labels and how the outputs stand for them; null for numeric outputs.</summary>
        public LabelEncoding Labels { get; }

        /// <summary>
        /// The columns for one output row: the predicted label, whether it is <paramref name="actual"/> (left out when
        /// that is null) and the probabilities; or the numeric outputs.
        /// </summary>
        public List<KeyValuePair<string, object>> Of(IReadOnlyList<double> output, string actual = null)
        {
            var columns = new List<KeyValuePair<string, object>>();
            if (Labels == null)
            {
                for (int k = 0; k < _outputNames.Length; k++) columns.Add(Column(_outputNames[k], output[k]));
                return columns;
            }
            string predicted = Labels.Label(output);
            columns.Add(Column("Predicted", predicted));
            if (actual != null) columns.Add(Column("Correct", actual == predicted));
            double[] probabilities = Labels.Probabilities(output);
            for (int k = 0; k < probabilities.Length; k++) columns.Add(Column(_probabilityNames[k], probabilities[k]));
            return columns;
        }

        internal static KeyValuePair<string, object> Column(string name, object value) => new KeyValuePair<string, object>(name, value);
    }
}
