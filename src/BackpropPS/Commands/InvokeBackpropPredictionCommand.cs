using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System;
using BackpropPS.Core.Data;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Training;
using BackpropPS.Core;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Predicts for each record: the same record comes out with the prediction (and, for a classifier,
    /// each class's probability) added as columns. For a data set object, one row per sample: its index,
    /// its label, the prediction and the probabilities, without the inputs.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BackpropPrediction", DefaultParameterSetName = RecordSet)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeBackpropPredictionCommand : BackpropCmdlet
    {
        private const string RecordSet = "Record";
        private const string DatasetSet = "Dataset";
        private RecordPredictor _predictor;
        private int _row;

        /// <summary>The trained network.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public Network Network { get; set; }

        /// <summary>A record to predict for, or a data set object (one row per sample comes out).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RecordSet)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>A data set object to predict for whole, such as Get-BackpropDataset gives.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DatasetSet)]
        [ValidateNotNull]
        public Dataset Dataset { get; set; }

        /// <summary>The input columns, when the network does not know them from training.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNullOrEmpty]
        public string[] InputColumn { get; set; }

        /// <summary>The culture of numbers in text cells; by default the invariant culture ('.' as the decimal separator).</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNull]
        public CultureInfo Culture { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (ParameterSetName == DatasetSet) PredictAll(Dataset);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == DatasetSet) return;
            if (InputObject.BaseObject is Dataset data)
            {
                PredictAll(data);
                return;
            }
            ErrorRecord misplaced = RecordReader.NetworkPipedAsRecord(InputObject);
            if (misplaced != null) ThrowTerminatingError(misplaced);
            // Made at the first record: a data set object needs no input columns.
            if (_predictor == null) _predictor = Run(() => new RecordPredictor(Network, InputColumn, Culture), Network);
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

        // A whole data set, forward a chunk at a time, one row out per sample as soon as its chunk is done.
        private void PredictAll(Dataset data)
        {
            if (InputColumn != null)
            {
                ThrowTerminatingError(ErrorRecords.Create("ColumnWithDataset", ErrorCategory.InvalidArgument,
                    "A data set object knows its columns; -InputColumn is for records.", data));
            }
            DataSchema schema = Run(() => DatasetInput.SchemaFor(data, Network), data);
            LabelEncoding labels = Run(() => schema?.Encoding(Network.OutputSize), data);
            string labelColumn = schema != null && schema.TargetColumns.Count == 1 ? schema.TargetColumns[0] : "Actual";
            int[] all = Enumerable.Range(0, data.Count).ToArray();
            foreach (var (start, output) in Run(() => DatasetPrediction.Forward(Network, data, all), data))
            {
                for (int r = 0; r < output.Rows; r++)
                {
                    int index = start + r;
                    var row = new PSObject();
                    row.Properties.Add(new PSNoteProperty("Index", index));
                    double[] values = output.GetRow(r);
                    if (labels != null)
                    {
                        string actual = labels.Labels[DatasetPrediction.ClassOf(data.Targets, index)];
                        string predicted = labels.Label(values);
                        row.Properties.Add(new PSNoteProperty(labelColumn, actual));
                        row.Properties.Add(new PSNoteProperty("Predicted", predicted));
                        row.Properties.Add(new PSNoteProperty("Correct", actual == predicted));
                        double[] probabilities = labels.Probabilities(values);
                        for (int k = 0; k < probabilities.Length; k++) row.Properties.Add(new PSNoteProperty("Probability_" + labels.Labels[k], probabilities[k]));
                    }
                    else
                    {
                        foreach (PSNoteProperty p in Outputs(values, schema)) row.Properties.Add(p);
                    }
                    WriteObject(row);
                }
            }
        }

        private static IEnumerable<PSNoteProperty> Outputs(double[] output, DataSchema schema)
        {
            if (output.Length == 1)
            {
                yield return new PSNoteProperty("Predicted", output[0]);
                yield break;
            }
            for (int k = 0; k < output.Length; k++)
            {
                string name = schema != null && schema.TargetColumns.Count == output.Length
                    ? schema.TargetColumns[k] : (k + 1).ToString(CultureInfo.InvariantCulture);
                yield return new PSNoteProperty("Predicted_" + name, output[k]);
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
            else
            {
                added.AddRange(Outputs(output, schema));
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
