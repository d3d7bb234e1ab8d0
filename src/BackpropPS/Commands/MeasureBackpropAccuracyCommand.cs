using BackpropPS.Core.Data;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>Measures a classifier on labelled records or data set objects: accuracy and a confusion matrix.</summary>
    [Cmdlet(VerbsDiagnostic.Measure, "BackpropAccuracy", DefaultParameterSetName = RecordSet)]
    [OutputType(typeof(AccuracyReport))]
    public sealed class MeasureBackpropAccuracyCommand : DataCmdlet
    {
        private RecordPredictor _predictor;
        private LabelEncoding _classLabels;
        private LabelEncoding _labels;
        private string _target;
        private ConfusionMatrix _counts;
        private int _row;

        /// <summary>The column with the actual label, when the network does not know it from training.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNullOrEmpty]
        public string TargetColumn { get; set; }

        /// <inheritdoc />
        protected override IEnumerable<string> ColumnParameters => new[] { nameof(InputColumn), nameof(TargetColumn) };

        /// <inheritdoc />
        protected override bool CollectsRecords => false;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var schema = Network.Schema;
            _classLabels = Run(() => schema?.Encoding(Network.OutputSize), Network);
            // A single numeric output is read as yes/no: the labels 0 and 1 on one output.
            _labels = _classLabels ?? (Network.OutputSize == 1 ? new LabelEncoding(new[] { "0", "1" }, 1, "A yes/no output") : null);
            if (_labels == null)
            {
                Refuse("NotAClassifier", $"Expected a classifier (trained on class labels) or a single yes/no output; the network has {Wording.Count(Network.OutputSize, "numeric output")}.",
                    Network, BackpropErrorKind.InvalidOperation);
            }
            _target = TargetColumn ?? (schema != null && schema.TargetColumns.Count == 1 ? schema.TargetColumns[0] : null);
            _counts = new ConfusionMatrix(_labels);
            if (ParameterSetName == DatasetSet) Measure(Dataset);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == DatasetSet) return;
            Dataset data = Take(InputObject);
            if (data != null)
            {
                Measure(data);
                return;
            }
            if (_target == null)
                Refuse("MissingTargetColumn", "The network does not know its label column; name it with -TargetColumn.", Network);
            _row++;
            // Made at the first record: a data set object needs no input columns.
            if (_predictor == null) _predictor = Run(() => new RecordPredictor(Network, InputColumn, Culture, Precision), Network);
            // One bad record among many: reported, and the rest are counted.
            if (TryRun(() => Actual(InputObject, _row), InputObject, out int actual) &&
                TryRun(() => _predictor.Predict(InputObject, _row), InputObject, out double[] output))
            {
                _counts.Add(actual, output);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing() =>
            WriteObject(new AccuracyReport(_counts.Correct, _counts.Total, _counts.Labels.ToArray(), _counts.Rows().Select(Row).ToList()));

        // Flat for Export-Csv; its type name selects the view that shows every class at the prompt.
        private static PSObject Row(List<KeyValuePair<string, object>> columns)
        {
            PSObject row = PropertyRows.Of(columns);
            row.TypeNames.Insert(0, ConfusionMatrixView.RowType);
            return row;
        }

        // A whole data set at once, forward in chunks: its one-hot (or 0/1) targets against the predicted classes.
        private void Measure(Dataset data)
        {
            Run(() => DataSchema.For(data, Network), data);
            Run(() => DatasetPrediction.Count(Network, data, _counts, Precision), data);
        }

        private int Actual(PSObject record, int row)
        {
            if (_classLabels != null) return _labels.Index(RecordReader.Text(record, _target, row), _target, row);
            double value = _predictor.Number(record, _target, row);
            if (value != 0.0 && value != 1.0)
            {
                throw new BackpropException("UnknownLabel", BackpropErrorKind.InvalidData,
                    $"Record {row}, column '{_target}': expected 0 or 1 for a yes/no output; got {UserValue.Describe(value)}.");
            }
            return (int)value;
        }
    }
}
