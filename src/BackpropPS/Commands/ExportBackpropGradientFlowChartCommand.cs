using System.Globalization;
using System.IO;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;
using BackpropPS.Serialization;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws how the gradient flowed through each layer over a training run (Invoke-BackpropTraining -GradientFlow):
    /// one line per layer, on a log scale for norms and ratios. Takes the epochs of a run, their GradientFlow rows, or
    /// those rows read back with Import-Csv; rows of several runs (their Run column) get one line per run and layer.
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropGradientFlowChart", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropGradientFlowChartCommand : ChartExportCmdlet
    {
        private readonly List<GradientFlowPoint> _points = new List<GradientFlowPoint>();
        private int _notFinite, _notPositive, _rows;

        /// <summary>An epoch of a run trained with -GradientFlow, one of its GradientFlow rows, or such a row from Import-Csv.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>What to draw: a column of the gradient-flow rows.</summary>
        [Parameter]
        public GradientFlowMeasure Measure { get; set; } = GradientFlowMeasure.GradientNorm;

        /// <summary>A linear value axis even for the norms and ratios (shares are always drawn linear).</summary>
        [Parameter]
        public SwitchParameter LinearScale { get; set; }

        /// <summary>The culture of numbers in text (rows read back with Import-Csv); by default the invariant culture.</summary>
        [Parameter]
        [ValidateNotNull]
        public CultureInfo Culture { get; set; }

        private bool Logarithmic => !LinearScale && GradientFlowChart.IsLogarithmic(Measure);

        /// <inheritdoc />
        protected override string DefaultTitle => GradientFlowChart.Describe(Measure) + " per layer";

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // An epoch row that came back through remoting is rebuilt (or refused, naming what is wrong with it).
            if (!TryRun(() => Rehydration.LiveBaseObject(InputObject), InputObject, out object value)) return;
            switch (value)
            {
                case EpochResult epoch when epoch.GradientFlow.Count == 0:
                    WriteError(ErrorRecords.From(new BackpropException("NoGradientFlow", BackpropErrorKind.InvalidData,
                        $"Epoch {epoch.Epoch} has no gradient-flow rows: train with Invoke-BackpropTraining -GradientFlow."), epoch));
                    break;
                case EpochResult epoch:
                    foreach (GradientFlowRow row in epoch.GradientFlow) Add(row.Run, row.Epoch, row.Layer, Value(row));
                    break;
                case GradientFlowRow row:
                    Add(row.Run, row.Epoch, row.Layer, Value(row));
                    break;
                default:
                    // One bad record among many: reported, skipped, and the chart is drawn from the rest.
                    if (TryRun(() => (Epoch: Number("Epoch", true).Value, Layer: (int)Number("Layer", true).Value, Value: Number(Measure.ToString(), false)),
                        InputObject, out var read))
                    {
                        Add(RowValues.Text(InputObject.Properties["Run"]?.Value), read.Epoch, read.Layer, read.Value);
                    }
                    break;
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            // Each kind of value left out is said for what it is: NaN is not "0 or below".
            if (_notFinite > 0)
                WriteWarning(FormattableString.Invariant($"{_notFinite} values of {Measure} left out: they are not finite numbers (NaN or infinity)."));
            if (_notPositive > 0)
                WriteWarning(FormattableString.Invariant($"{_notPositive} values of {Measure} left out: a log scale cannot show 0 or below (use -LinearScale to see them)."));
            if (_points.Count == 0)
            {
                string which = Measure == GradientFlowMeasure.SaturatedShare ? " (it is measured in Sigmoid and Tanh layers only)"
                    : Measure == GradientFlowMeasure.DeadShare ? " (it is measured in ReLU layers only)" : "";
                Refuse("NoGradientFlowData", _rows == 0
                    ? "Expected gradient-flow rows (the epochs of Invoke-BackpropTraining -GradientFlow, or their GradientFlow rows); got none."
                    : FormattableString.Invariant($"None of the {_rows} gradient-flow rows has a {Measure} to draw{which}."), null, BackpropErrorKind.InvalidData);
            }
            var settings = new LineChartSettings { Title = Heading, Width = Width, Height = Height, Logarithmic = Logarithmic };
            WritePicture(FormattableString.Invariant($"Export gradient-flow chart of {_points.Count} values"),
                writer => GradientFlowChart.WriteSvg(_points, Measure, writer, settings));
        }

        // An empty value (a share of a layer it does not apply to) is no point; one the axis cannot show is counted.
        private void Add(string run, double epoch, int layer, double? value)
        {
            _rows++;
            if (!value.HasValue) return;
            double v = value.Value;
            if (double.IsNaN(v) || double.IsInfinity(v)) { _notFinite++; return; }
            if (Logarithmic && v <= 0) { _notPositive++; return; }
            _points.Add(new GradientFlowPoint(string.IsNullOrEmpty(run) ? null : run, epoch, layer, v));
        }

        private double? Value(GradientFlowRow row)
        {
            switch (Measure)
            {
                case GradientFlowMeasure.GradientNorm: return row.GradientNorm;
                case GradientFlowMeasure.MeanAbsDelta: return row.MeanAbsDelta;
                case GradientFlowMeasure.UpdateRatio: return row.UpdateRatio;
                case GradientFlowMeasure.SaturatedShare: return row.SaturatedShare;
                case GradientFlowMeasure.DeadShare: return row.DeadShare;
                case GradientFlowMeasure.WeightNorm: return row.WeightNorm;
                default: return row.UpdateNorm;
            }
        }

        // A property as a number; numeric text (Import-Csv) counts when it is a decimal in -Culture, and an empty cell is none.
        private double? Number(string property, bool required) =>
            RowValues.Number(InputObject, property, required, Culture, (problem, advice) => InvalidRecord(InputObject, problem, advice));

        private BackpropException InvalidRecord(PSObject record, string problem, string advice = "") =>
            BackpropException.Argument("InvalidGradientFlowRecord",
                $"Expected gradient-flow rows with numeric Epoch, Layer and {Measure} (Invoke-BackpropTraining -GradientFlow); {problem}: {record}.{advice}");
    }
}
