using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using BackpropPS.Core;
using BackpropPS.Core.Training;

namespace BackpropPS.Internal
{
    /// <summary>Runs a trained network on records: reads its input columns, applies its scaling, names its answer.</summary>
    internal sealed class RecordPredictor
    {
        private readonly Network _network;

        public RecordPredictor(Network network, IReadOnlyList<string> inputColumns)
        {
            _network = network;
            InputColumns = inputColumns ?? (network.Schema != null && network.Schema.InputColumns.Count > 0 ? network.Schema.InputColumns : null);
            if (InputColumns == null)
            {
                throw BackpropException.Argument("MissingInputColumn",
                    "The network does not know its input columns (it was not trained on records); name them with -InputColumn.");
            }
            if (InputColumns.Count != network.InputSize)
            {
                throw BackpropException.Argument("InputSizeMismatch",
                    $"The network takes {network.InputSize} inputs; got {InputColumns.Count} input columns ({string.Join(", ", InputColumns)}).");
            }
        }

        public IReadOnlyList<string> InputColumns { get; }

        public DataSchema Schema => _network.Schema;

        /// <summary>The network's outputs for one record (row counts from 1, for errors).</summary>
        public double[] Predict(PSObject record, int row)
        {
            Matrix input = Matrix.FromRow(InputColumns.Select(c => RecordReader.Number(record, c, row)).ToArray());
            return Backpropagation.Forward(_network, _network.PrepareInputs(input)).Output.ToArray();
        }

        /// <summary>Each class label's probability, in label order (one output p for two labels: 1 - p and p).</summary>
        public double[] Probabilities(double[] output) =>
            output.Length == 1 && Schema.ClassLabels.Count == 2 ? new[] { 1.0 - output[0], output[0] } : output;

        /// <summary>
        /// The predicted label: the class with the largest probability for a classifier (for one output and two
        /// labels, the second when the output is at least 0.5), "1" or "0" for a single numeric output read as
        /// yes/no; null for other regressions.
        /// </summary>
        public string Label(double[] output)
        {
            if (Schema?.IsClassifier == true)
                return Schema.ClassLabels[output.Length == 1 ? (output[0] >= 0.5 ? 1 : 0) : Accuracy.ArgMax(Matrix.FromRow(output), 0)];
            return output.Length == 1 ? (output[0] >= 0.5 ? "1" : "0") : null;
        }
    }
}
