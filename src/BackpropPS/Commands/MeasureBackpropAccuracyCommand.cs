using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using BackpropPS.Core.Data;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Training;
using BackpropPS.Core;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>Measures a classifier on labelled records or data set objects: accuracy and a confusion matrix.</summary>
    [Cmdlet(VerbsDiagnostic.Measure, "BackpropAccuracy", DefaultParameterSetName = RecordSet)]
    [OutputType(typeof(AccuracyReport))]
    public sealed class MeasureBackpropAccuracyCommand : BackpropCmdlet
    {
        private const string RecordSet = "Record";
        private const string DatasetSet = "Dataset";
        private RecordPredictor _predictor;
        private LabelEncoding _classLabels;
        private LabelEncoding _labels;
        private string _target;
        private ConfusionMatrix _counts;
        private int _row;

        /// <summary>The trained classifier.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public Network Network { get; set; }

        /// <summary>A labelled record, or a data set object (all its samples are measured).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RecordSet)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>A data set object to measure whole, such as Get-BackpropDataset gives.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DatasetSet)]
        [ValidateNotNull]
        public Dataset Dataset { get; set; }

        /// <summary>The input columns, when the network does not know them from training.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNullOrEmpty]
        public string[] InputColumn { get; set; }

        /// <summary>The column with the actual label, when the network does not know it from training.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNullOrEmpty]
        public string TargetColumn { get; set; }

        /// <summary>The culture of numbers in text cells; by default the invariant culture ('.' as the decimal separator).</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNull]
        public CultureInfo Culture { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            var schema = Network.Schema;
            _classLabels = Run(() => schema?.Encoding(Network.OutputSize), Network);
            // A single numeric output is read as yes/no: the labels 0 and 1 on one output.
            _labels = _classLabels ?? (Network.OutputSize == 1 ? new LabelEncoding(new[] { "0", "1" }, 1, "A yes/no output") : null);
            if (_labels == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("NotAClassifier", ErrorCategory.InvalidOperation,
                    $"Expected a classifier (trained on class labels) or a single yes/no output; the network has {Wording.Count(Network.OutputSize, "numeric output")}.", Network));
            }
            _target = TargetColumn ?? (schema != null && schema.TargetColumns.Count == 1 ? schema.TargetColumns[0] : null);
            _counts = new ConfusionMatrix(_labels);
            if (ParameterSetName == DatasetSet) Measure(Dataset);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == DatasetSet) return;
            if (InputObject.BaseObject is Dataset data)
            {
                Measure(data);
                return;
            }
            ErrorRecord misplaced = RecordReader.NetworkPipedAsRecord(InputObject);
            if (misplaced != null) ThrowTerminatingError(misplaced);
            if (_target == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("MissingTargetColumn", ErrorCategory.InvalidArgument,
                    "The network does not know its label column; name it with -TargetColumn.", Network));
            }
            _row++;
            // Made at the first record: a data set object needs no input columns.
            if (_predictor == null) _predictor = Run(() => new RecordPredictor(Network, InputColumn, Culture), Network);
            try
            {
                int actual = Actual(InputObject, _row);
                _counts.Add(actual, _predictor.Predict(InputObject, _row));
            }
            catch (BackpropException e)
            {
                WriteError(ErrorRecords.From(e, InputObject));
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            IReadOnlyList<string> labels = _counts.Labels;
            var rows = new List<PSObject>();
            for (int a = 0; a < labels.Count; a++)
            {
                var row = new PSObject();
                row.Properties.Add(new PSNoteProperty("Actual", labels[a]));
                for (int p = 0; p < labels.Count; p++) row.Properties.Add(new PSNoteProperty(labels[p], _counts[a, p]));
                row.Properties.Add(new PSNoteProperty("Total", _counts.RowTotal(a)));
                row.Properties.Add(new PSNoteProperty("Recall", _counts.Recall(a)));
                rows.Add(row);
            }
            WriteObject(new AccuracyReport(_counts.Correct, _counts.Total, labels.ToArray(), rows));
        }

        // A whole data set at once, forward in chunks: its one-hot (or 0/1) targets against the predicted classes.
        private void Measure(Dataset data)
        {
            if (InputColumn != null || TargetColumn != null)
            {
                ThrowTerminatingError(ErrorRecords.Create("ColumnWithDataset", ErrorCategory.InvalidArgument,
                    "A data set object knows its columns; -InputColumn and -TargetColumn are for records.", data));
            }
            Run(() => DatasetInput.SchemaFor(data, Network), data);
            Run(() => { DatasetPrediction.Count(Network, data, _counts); return true; }, data);
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
