using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using BackpropPS.Core;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>Measures a classifier on labelled records: accuracy and a confusion matrix.</summary>
    [Cmdlet(VerbsDiagnostic.Measure, "BackpropAccuracy")]
    [OutputType(typeof(AccuracyReport))]
    public sealed class MeasureBackpropAccuracyCommand : BackpropCmdlet
    {
        private RecordPredictor _predictor;
        private IReadOnlyList<string> _labels;
        private string _target;
        private int[,] _counts;
        private int _row;

        /// <summary>The trained classifier.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public Network Network { get; set; }

        /// <summary>A labelled record.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>The input columns, when the network does not know them from training.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] InputColumn { get; set; }

        /// <summary>The column with the actual label, when the network does not know it from training.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string TargetColumn { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            _predictor = Run(() => new RecordPredictor(Network, InputColumn), Network);
            var schema = Network.Schema;
            _labels = schema?.IsClassifier == true ? schema.ClassLabels : Network.OutputSize == 1 ? new[] { "0", "1" } : null;
            if (_labels == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("NotAClassifier", ErrorCategory.InvalidOperation,
                    $"Expected a classifier (trained on class labels) or a single yes/no output; the network has {Wording.Count(Network.OutputSize, "numeric output")}.", Network));
            }
            _target = TargetColumn ?? (schema != null && schema.TargetColumns.Count == 1 ? schema.TargetColumns[0] : null);
            if (_target == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("MissingTargetColumn", ErrorCategory.InvalidArgument,
                    "The network does not know its label column; name it with -TargetColumn.", Network));
            }
            _counts = new int[_labels.Count, _labels.Count];
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            ErrorRecord misplaced = RecordReader.NetworkPipedAsRecord(InputObject);
            if (misplaced != null) ThrowTerminatingError(misplaced);
            _row++;
            try
            {
                int actual = Actual(InputObject, _row);
                int predicted = RecordDataset.LabelIndex(_labels, _predictor.Label(_predictor.Predict(InputObject, _row)), _target, _row);
                _counts[actual, predicted]++;
            }
            catch (BackpropException e)
            {
                WriteError(ErrorRecords.From(e, InputObject));
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            int n = _labels.Count, correct = 0, total = 0;
            var rows = new List<PSObject>();
            for (int a = 0; a < n; a++)
            {
                var row = new PSObject();
                row.Properties.Add(new PSNoteProperty("Actual", _labels[a]));
                int rowTotal = 0;
                for (int p = 0; p < n; p++) { row.Properties.Add(new PSNoteProperty(_labels[p], _counts[a, p])); rowTotal += _counts[a, p]; }
                row.Properties.Add(new PSNoteProperty("Total", rowTotal));
                row.Properties.Add(new PSNoteProperty("Recall", rowTotal == 0 ? (double?)null : (double)_counts[a, a] / rowTotal));
                rows.Add(row);
                correct += _counts[a, a];
                total += rowTotal;
            }
            WriteObject(new AccuracyReport(correct, total, _labels.ToArray(), rows));
        }

        private int Actual(PSObject record, int row)
        {
            if (Network.Schema?.IsClassifier == true) return RecordDataset.LabelIndex(_labels, RecordReader.Text(record, _target, row), _target, row);
            double value = RecordReader.Number(record, _target, row);
            if (value != 0.0 && value != 1.0)
            {
                throw new BackpropException("UnknownLabel", BackpropErrorKind.InvalidData,
                    $"Record {row}, column '{_target}': expected 0 or 1 for a yes/no output; got {value}.");
            }
            return (int)value;
        }
    }
}
