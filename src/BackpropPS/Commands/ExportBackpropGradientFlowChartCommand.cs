using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System;
using BackpropPS.Core.Data;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;
using BackpropPS.Core;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws how the gradient flowed through each layer over a training run (Invoke-BackpropTraining -GradientFlow):
    /// one line per layer, on a log scale for norms and ratios. Takes the epochs of a run, their GradientFlow rows, or
    /// those rows read back with Import-Csv; rows of several runs (their Run column) get one line per run and layer.
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropGradientFlowChart", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropGradientFlowChartCommand : BackpropCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private readonly List<GradientFlowPoint> _points = new List<GradientFlowPoint>();
        private int _leftOut, _rows;
        private string _path;

        /// <summary>An epoch of a run trained with -GradientFlow, one of its GradientFlow rows, or such a row from Import-Csv.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>The .svg file to write.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The .svg file to write, taken exactly as typed (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>What to draw: a column of the gradient-flow rows.</summary>
        [Parameter]
        public GradientFlowMeasure Measure { get; set; } = GradientFlowMeasure.GradientNorm;

        /// <summary>The chart's caption; by default the measure's name and "per layer".</summary>
        [Parameter]
        [ValidateNotNull]
        public string Title { get; set; }

        /// <summary>Width in pixels.</summary>
        [Parameter]
        [ValidateRange(100, 10000)]
        public int Width { get; set; } = 640;

        /// <summary>Height in pixels.</summary>
        [Parameter]
        [ValidateRange(100, 10000)]
        public int Height { get; set; } = 400;

        /// <summary>A linear value axis even for the norms and ratios (shares are always drawn linear).</summary>
        [Parameter]
        public SwitchParameter LinearScale { get; set; }

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The culture of numbers in text (rows read back with Import-Csv); by default the invariant culture.</summary>
        [Parameter]
        [ValidateNotNull]
        public CultureInfo Culture { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool Logarithmic => !LinearScale && GradientFlowChart.IsLogarithmic(Measure);

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            Title = Title ?? GradientFlowChart.Describe(Measure) + " per layer";
            Run(() => { SvgMarkup.CheckTitle(Title); return Title; }, Title);
            string typed = ParameterSetName == PathSet ? Path : LiteralPath;
            string resolved = FileSystemPaths.ForWriting(this, typed);
            if (!string.Equals(System.IO.Path.GetExtension(resolved), ".svg", StringComparison.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(ErrorRecords.Create("UnsupportedChartFormat", ErrorCategory.InvalidArgument,
                    $"Expected a .svg file; got '{resolved}'. Charts are SVG; any SVG viewer or converter turns one into a PNG.", typed));
            }
            _path = ExportFile.Prepare(this, typed, Force, "ChartFileExists");
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            switch (InputObject.BaseObject)
            {
                case EpochResult epoch when epoch.GradientFlow.Count == 0:
                    WriteError(ErrorRecords.Create("NoGradientFlow", ErrorCategory.InvalidData,
                        $"Epoch {epoch.Epoch} has no gradient-flow rows: train with Invoke-BackpropTraining -GradientFlow.", epoch));
                    break;
                case EpochResult epoch:
                    foreach (GradientFlowRow row in epoch.GradientFlow) Add(row.Run, row.Epoch, row.Layer, Value(row));
                    break;
                case GradientFlowRow row:
                    Add(row.Run, row.Epoch, row.Layer, Value(row));
                    break;
                default:
                    try
                    {
                        Add(Text(InputObject, "Run"), Number(InputObject, "Epoch", true).Value, (int)Number(InputObject, "Layer", true).Value,
                            Number(InputObject, Measure.ToString(), false));
                    }
                    catch (BackpropException e)
                    {
                        // One bad record among many: reported, skipped, and the chart is drawn from the rest.
                        WriteError(ErrorRecords.From(e, InputObject));
                    }
                    break;
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_leftOut > 0)
            {
                WriteWarning(FormattableString.Invariant($"{_leftOut} values of {Measure} left out: ") +
                    (Logarithmic ? "a log scale cannot show 0 or below (use -LinearScale to see them)." : "they are not finite."));
            }
            if (_points.Count == 0)
            {
                string which = Measure == GradientFlowMeasure.SaturatedShare ? " (it is measured in Sigmoid and Tanh layers only)"
                    : Measure == GradientFlowMeasure.DeadShare ? " (it is measured in ReLU layers only)" : "";
                ThrowTerminatingError(ErrorRecords.Create("NoGradientFlowData", ErrorCategory.InvalidData, _rows == 0
                    ? "Expected gradient-flow rows (the epochs of Invoke-BackpropTraining -GradientFlow, or their GradientFlow rows); got none."
                    : FormattableString.Invariant($"None of the {_rows} gradient-flow rows has a {Measure} to draw{which}."), null));
            }
            if (!ShouldProcess(_path, FormattableString.Invariant($"Export gradient-flow chart of {_points.Count} values"))) return;
            var settings = new LineChartSettings { Title = Title, Width = Width, Height = Height, Logarithmic = Logarithmic };
            ExportFile.Write(this, _path, writer => GradientFlowChart.WriteSvg(_points, Measure, writer, settings), "ChartFileWriteFailed", _path,
                Force ? null : "ChartFileExists");
            if (PassThru) WriteObject(ExportFile.Written(this, _path));
        }

        // An empty value (a share of a layer it does not apply to) is no point; one the axis cannot show is counted.
        private void Add(string run, double epoch, int layer, double? value)
        {
            _rows++;
            if (!value.HasValue) return;
            double v = value.Value;
            if (double.IsNaN(v) || double.IsInfinity(v) || (Logarithmic && v <= 0)) { _leftOut++; return; }
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

        private static string Text(PSObject record, string property) =>
            Convert.ToString(NumericArgument.Unwrap(record.Properties[property]?.Value), CultureInfo.InvariantCulture);

        // A property as a number; numeric text (Import-Csv) counts when it is a decimal in -Culture, and an empty cell is none.
        private double? Number(PSObject record, string property, bool required)
        {
            object value = NumericArgument.Unwrap(record.Properties[property]?.Value);
            if (value == null || (value is string s && s.Trim().Length == 0))
            {
                if (required) throw InvalidRecord(record, $"got one without {property}");
                return null;
            }
            if (!NumberValue.TryRead(value, Culture, out double number))
            {
                string advice = value is string text ? NumberText.Advice(text, Culture, "-Culture") : "";
                throw InvalidRecord(record, $"its {property} is {UserValue.Describe(value)}, not a number", advice);
            }
            return number;
        }

        private BackpropException InvalidRecord(PSObject record, string problem, string advice = "") =>
            BackpropException.Argument("InvalidGradientFlowRecord",
                $"Expected gradient-flow rows with numeric Epoch, Layer and {Measure} (Invoke-BackpropTraining -GradientFlow); {problem}: {record}.{advice}");
    }
}
