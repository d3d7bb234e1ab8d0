using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Predicts for each record: the same record comes out with the prediction (and, for a classifier,
    /// each class's probability) added as columns. For a data set object, one row per sample: its index,
    /// its label, the prediction and the probabilities, without the inputs. The added columns are
    /// <see cref="PredictionColumns"/>'s, the same for both.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BackpropPrediction", DefaultParameterSetName = RecordSet)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeBackpropPredictionCommand : DataCmdlet
    {
        private RecordPredictor _predictor;
        private PredictionColumns _columns;
        private int _row;

        /// <inheritdoc />
        protected override bool CollectsRecords => false;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _columns = Run(() => new PredictionColumns(Network.Schema, Network.OutputSize), Network);
            if (ParameterSetName == DatasetSet) PredictAll(Dataset);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == DatasetSet) return;
            Dataset data = Take(InputObject);
            if (data != null)
            {
                PredictAll(data);
                return;
            }
            // Made at the first record: a data set object needs no input columns.
            if (_predictor == null) _predictor = Run(() => new RecordPredictor(Network, InputColumn, Culture, Precision), Network);
            _row++;
            // One bad record among many: reported, and the rest go on.
            WriteResult(() => Predict(InputObject, _row), InputObject);
        }

        // A whole data set, forward a chunk at a time, one row out per sample as soon as its chunk is done.
        private void PredictAll(Dataset data)
        {
            DataSchema schema = Run(() => DataSchema.For(data, Network), data);
            PredictionColumns columns = Run(() => new PredictionColumns(schema, Network.OutputSize), data);
            string labelColumn = schema != null && schema.TargetColumns.Count == 1 ? schema.TargetColumns[0] : "Actual";
            int[] all = Enumerable.Range(0, data.Count).ToArray();
            foreach (var (start, output) in Run(() => DatasetPrediction.Forward(Network, data, all, Precision), data))
            {
                for (int r = 0; r < output.Rows; r++)
                {
                    int index = start + r;
                    var row = new PSObject();
                    row.Properties.Add(new PSNoteProperty("Index", index));
                    string actual = columns.Labels?.Labels[DatasetPrediction.ClassOf(data.Targets, index)];
                    if (actual != null) row.Properties.Add(new PSNoteProperty(labelColumn, actual));
                    PropertyRows.Add(row, columns.Of(output.GetRow(r), actual));
                    WriteObject(row);
                }
            }
        }

        // The record's own columns first, untouched (a column of the same name as a new one is replaced), then the prediction's.
        private PSObject Predict(PSObject record, int row)
        {
            List<KeyValuePair<string, object>> added = _columns.Of(_predictor.Predict(record, row), Actual(record, row));
            var result = new PSObject();
            foreach (string column in RecordReader.ColumnNames(record))
            {
                if (added.Exists(p => string.Equals(p.Key, column, System.StringComparison.OrdinalIgnoreCase))) continue;
                result.Properties.Add(new PSNoteProperty(column, RecordReader.Cell(record, column, row)));
            }
            PropertyRows.Add(result, added);
            return result;
        }

        // A classifier's record that holds its label column: the label, checked against the network's labels.
        private string Actual(PSObject record, int row)
        {
            DataSchema schema = Network.Schema;
            string target = _columns.Labels != null && schema.TargetColumns.Count == 1 ? schema.TargetColumns[0] : null;
            if (target == null || !RecordReader.HasColumn(record, target)) return null;
            string actual = RecordReader.Text(record, target, row);
            _columns.Labels.Index(actual, target, row);
            return actual;
        }
    }
}
