using System.Globalization;
using BackpropPS.Core.Data;
using BackpropPS.Core.Kernels;
using BackpropPS.Core.Training;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Runs a trained network on records: reads its input columns, applies its scaling, names its answer. In float32
    /// the record's scaled inputs go through a float workspace made once (the weights rounded once).
    /// </summary>
    internal sealed class RecordPredictor
    {
        private readonly Network _network;
        private readonly CultureInfo _culture;
        private readonly TrainingWorkspace<float> _single;

        /// <param name="network">The trained network.</param>
        /// <param name="inputColumns">The input columns; null for the ones the network knows.</param>
        /// <param name="culture">The culture of numbers in text; null for the invariant culture.</param>
        /// <param name="precision">What the network computes in.</param>
        public RecordPredictor(Network network, IReadOnlyList<string> inputColumns, CultureInfo culture, Precision precision = Precision.Double)
        {
            _network = network;
            _culture = culture;
            InputColumns = inputColumns ?? (network.Schema != null && network.Schema.InputColumns.Count > 0 ? network.Schema.InputColumns : null);
            if (InputColumns == null)
            {
                throw BackpropException.Argument("MissingInputColumn",
                    "The network does not know its input columns (it was not trained on records); name them with -InputColumn.");
            }
            RecordData.EnsureInputCount(InputColumns, network.InputSize);
            if (precision == Precision.Single) _single = new TrainingWorkspace<float>(network, 1, Engine.Path, 1);
        }

        /// <summary>The record columns read as the network's inputs, in order.</summary>
        public IReadOnlyList<string> InputColumns { get; }

        /// <summary>The network's outputs for one record (row counts from 1, for errors).</summary>
        public double[] Predict(PSObject record, int row)
        {
            Matrix input = Matrix.FromRow(InputColumns.Select(c => RecordReader.Number(record, c, row, _culture)).ToArray());
            Matrix prepared = _network.PrepareInputs(input);
            if (_single != null)
            {
                Validation.EnsureBatch(prepared, _network.InputSize, "input", "InputSizeMismatch", "NonFiniteInput");
                return _single.Predict(prepared.ToPrecision(Precision.Single)).ToArray();
            }
            return Backpropagation.Forward(_network, prepared).Output.ToArray();
        }

        /// <summary>A number cell of a record, in the predictor's culture.</summary>
        public double Number(PSObject record, string column, int row) => RecordReader.Number(record, column, row, _culture);
    }
}
