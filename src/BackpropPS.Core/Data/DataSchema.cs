using BackpropPS.Core.Data;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// What a network was trained on: the record columns it reads, what its outputs mean (class labels
    /// or numeric target columns) and the input scaling it expects. Saved with the network so that
    /// prediction takes the same records back. Immutable.
    /// </summary>
    public sealed class DataSchema
    {
        /// <summary>Creates a schema.</summary>
        /// <param name="inputColumns">The record columns the inputs come from, in order.</param>
        /// <param name="targetColumns">The record columns the targets come from.</param>
        /// <param name="classLabels">The labels of a classifier's outputs, in output order; empty for numeric targets.</param>
        /// <param name="scaling">The input scaling, or null.</param>
        public DataSchema(IEnumerable<string> inputColumns, IEnumerable<string> targetColumns,
            IEnumerable<string> classLabels = null, InputScaling scaling = null)
        {
            InputColumns = (inputColumns ?? throw new ArgumentNullException(nameof(inputColumns))).ToArray();
            TargetColumns = (targetColumns ?? Enumerable.Empty<string>()).ToArray();
            ClassLabels = (classLabels ?? Enumerable.Empty<string>()).ToArray();
            Scaling = scaling;
            // One label would leave a single output standing for a second label that does not exist (and the
            // predictor without an answer); a label twice would give two outputs one meaning.
            if (ClassLabels.Count > 0) LabelEncoding.EnsureValid(ClassLabels, "The schema");
            if (scaling != null && scaling.Mean.Count != InputColumns.Count && InputColumns.Count > 0)
            {
                throw BackpropException.Argument("ScalingSizeMismatch",
                    $"The scaling covers {scaling.Mean.Count} inputs; the schema names {InputColumns.Count} input columns.");
            }
        }

        /// <summary>The record columns the inputs come from, in order.</summary>
        public IReadOnlyList<string> InputColumns { get; }

        /// <summary>The record columns the targets come from.</summary>
        public IReadOnlyList<string> TargetColumns { get; }

        /// <summary>The labels of a classifier's outputs, in output order; empty for numeric targets.</summary>
        public IReadOnlyList<string> ClassLabels { get; }

        /// <summary>True when the outputs are class probabilities for <see cref="ClassLabels"/>.</summary>
        public bool IsClassifier => ClassLabels.Count > 0;

        /// <summary>
        /// True when the network's outputs fit the labels: one output per label, or one output for two labels
        /// (the probability of the second, as a single sigmoid output gives).
        /// </summary>
        public bool FitsOutputs(int outputs) => !IsClassifier || LabelEncoding.Fits(ClassLabels.Count, outputs);

        /// <summary>
        /// The one rule of a schema's fit, for a network and a data set alike: <paramref name="owner"/> ("The network")
        /// has <paramref name="inputs"/> inputs and <paramref name="outputs"/> outputs (named by the nouns given); the
        /// schema's input columns (when it names any) and its scaling must cover the inputs, and its class labels
        /// (one output each, or one for two) or its numeric target columns the outputs. Throws SchemaSizeMismatch.
        /// </summary>
        public void EnsureFits(string owner, int inputs, string inputNoun, int outputs, string outputNoun)
        {
            if (InputColumns.Count > 0 && InputColumns.Count != inputs)
                throw Mismatch($"{owner} has {Wording.Count(inputs, inputNoun)} but its schema names {InputColumns.Count} ({string.Join(", ", InputColumns)}).");
            if (!FitsOutputs(outputs))
            {
                throw Mismatch($"{owner} has {Wording.Count(outputs, outputNoun)} but its schema names {Wording.Count(ClassLabels.Count, "class label")}: " +
                    $"one {outputNoun} per label, or one for two labels.");
            }
            if (!IsClassifier && TargetColumns.Count > 0 && TargetColumns.Count != outputs)
                throw Mismatch($"{owner} has {Wording.Count(outputs, outputNoun)} but its schema names {TargetColumns.Count} ({string.Join(", ", TargetColumns)}).");
            if (Scaling != null && Scaling.Mean.Count != inputs)
                throw Mismatch($"{owner} has {Wording.Count(inputs, inputNoun)} but its schema's scaling covers {Scaling.Mean.Count}.");
        }

        /// <summary>
        /// The schema a network trained or measured on <paramref name="data"/> works with: the data set's own (its
        /// columns and labels, as records would give them), else the network's, as with plain numeric batches. The
        /// data set must fit the network, with the errors the record path gives for the same mistakes.
        /// </summary>
        public static DataSchema For(Dataset data, Network network)
        {
            DataSchema schema = data.Schema;
            if (data.Inputs.Columns != network.InputSize)
            {
                string named = schema != null && schema.InputColumns.Count > 0 ? $" ({string.Join(", ", schema.InputColumns)})" : "";
                throw BackpropException.Argument("InputSizeMismatch",
                    $"The network takes {network.InputSize} inputs; the data set has {Wording.Count(data.Inputs.Columns, "input column")}{named}.");
            }
            if (schema != null && schema.IsClassifier) schema.EnsureLabelsFit(network);
            if (data.Targets.Columns != network.OutputSize)
            {
                throw BackpropException.Argument("TargetSizeMismatch",
                    $"The network has {Wording.Count(network.OutputSize, "output")}; the data set has {Wording.Count(data.Targets.Columns, "target column")}.");
            }
            return schema ?? network.Schema;
        }

        // The labels must fit the outputs (ClassCountMismatch), and a network trained on labels before reads its outputs
        // as those labels: others would silently change their meaning (ClassLabelMismatch).
        private void EnsureLabelsFit(Network network)
        {
            _ = new LabelEncoding(ClassLabels, network.OutputSize, "The data set");
            DataSchema known = network.Schema;
            if (known != null && known.IsClassifier && !known.ClassLabels.SequenceEqual(ClassLabels, StringComparer.Ordinal))
            {
                throw BackpropException.Argument("ClassLabelMismatch",
                    $"The network was trained on the labels {string.Join(", ", known.ClassLabels)}; the data set's labels are {string.Join(", ", ClassLabels)}.");
            }
        }

        private static BackpropException Mismatch(string message) => BackpropException.Argument("SchemaSizeMismatch", message);

        /// <summary>The encoding of the class labels onto <paramref name="outputs"/> outputs; null for numeric targets.</summary>
        public LabelEncoding Encoding(int outputs) => IsClassifier ? new LabelEncoding(ClassLabels, outputs, "The schema") : null;

        /// <summary>The input scaling applied before the first layer, or null.</summary>
        public InputScaling Scaling { get; }

        /// <summary>What the network reads and predicts, in one line (a CSV cell, a narrow table).</summary>
        public override string ToString()
        {
            string inputs = InputColumns.Count > 0 ? string.Join(", ", InputColumns) : "unnamed inputs";
            string outputs = IsClassifier ? string.Join(", ", TargetColumns) + ": " + string.Join(", ", ClassLabels) : string.Join(", ", TargetColumns);
            return inputs + " -> " + outputs + (Scaling != null ? " (standardised)" : "");
        }
    }
}
