using System;
using System.Globalization;
using System.Management.Automation;
using BackpropPS.Core;
using BackpropPS.Core.Training;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Predicts for each record: the same record comes out with the prediction (and, for a classifier,
    /// each class's probability) added as columns.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BackpropPrediction")]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeBackpropPredictionCommand : BackpropCmdlet
    {
        private RecordPredictor _predictor;
        private int _row;

        /// <summary>The trained network.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public Network Network { get; set; }

        /// <summary>A record to predict for.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>The input columns, when the network does not know them from training.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] InputColumn { get; set; }

        /// <summary>The culture of numbers in text cells; by default the invariant culture ('.' as the decimal separator).</summary>
        [Parameter]
        [ValidateNotNull]
        public CultureInfo Culture { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing() => _predictor = Run(() => new RecordPredictor(Network, InputColumn, Culture), Network);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            ErrorRecord misplaced = RecordReader.NetworkPipedAsRecord(InputObject);
            if (misplaced != null) ThrowTerminatingError(misplaced);
            _row++;
            try
            {
                WriteObject(Predict(InputObject, _row));
            }
            catch (BackpropException e)
            {
                // One bad record among many: report it and go on with the rest.
                WriteError(ErrorRecords.From(e, InputObject));
            }
        }

        private PSObject Predict(PSObject record, int row)
        {
            double[] output = _predictor.Predict(record, row);
            var schema = _predictor.Schema;
            var result = new PSObject();
            var added = new System.Collections.Generic.List<PSNoteProperty>();
            LabelEncoding labels = _predictor.Labels;
            if (labels != null)
            {
                string predicted = labels.Label(output);
                added.Add(new PSNoteProperty("Predicted", predicted));
                string target = schema.TargetColumns.Count == 1 ? schema.TargetColumns[0] : null;
                if (target != null && RecordReader.HasColumn(record, target))
                {
                    string actual = RecordReader.Text(record, target, row);
                    labels.Index(actual, target, row);
                    added.Add(new PSNoteProperty("Correct", actual == predicted));
                }
                double[] probabilities = labels.Probabilities(output);
                for (int k = 0; k < probabilities.Length; k++) added.Add(new PSNoteProperty("Probability_" + labels.Labels[k], probabilities[k]));
            }
            else if (output.Length == 1)
            {
                added.Add(new PSNoteProperty("Predicted", output[0]));
            }
            else
            {
                for (int k = 0; k < output.Length; k++)
                {
                    string name = schema != null && schema.TargetColumns.Count == output.Length
                        ? schema.TargetColumns[k] : (k + 1).ToString(CultureInfo.InvariantCulture);
                    added.Add(new PSNoteProperty("Predicted_" + name, output[k]));
                }
            }
            // The record's own columns first, untouched; a column of the same name as a new one is replaced.
            foreach (string column in RecordReader.ColumnNames(record))
            {
                if (added.Exists(p => string.Equals(p.Name, column, StringComparison.OrdinalIgnoreCase))) continue;
                result.Properties.Add(new PSNoteProperty(column, RecordReader.Cell(record, column, row)));
            }
            foreach (PSNoteProperty property in added) result.Properties.Add(property);
            return result;
        }
    }
}
