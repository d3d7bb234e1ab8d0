using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System;
using BackpropPS.Core.Data;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws a training history (objects with Epoch and Loss, and ValidationLoss when there is one) as an SVG
    /// line chart; rows of several runs (a sweep's, with a Run property, or Group-Object's groups) get one line
    /// each and a legend. An existing file is replaced only with -Force.
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropLossChart", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropLossChartCommand : BackpropCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private readonly List<LossPoint> _points = new List<LossPoint>();
        private string _path;

        /// <summary>One epoch: any object with Epoch and Loss properties (numbers or numeric strings), and optionally ValidationLoss.</summary>
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

        /// <summary>The chart's caption.</summary>
        [Parameter]
        [ValidateNotNull]
        public string Title { get; set; } = "Training loss";

        /// <summary>Width in pixels.</summary>
        [Parameter]
        [ValidateRange(100, 10000)]
        public int Width { get; set; } = 640;

        /// <summary>Height in pixels.</summary>
        [Parameter]
        [ValidateRange(100, 10000)]
        public int Height { get; set; } = 400;

        /// <summary>A logarithmic loss axis.</summary>
        [Parameter]
        public SwitchParameter LogScale { get; set; }

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The culture of numbers in text (a run read back with Import-Csv); by default the invariant culture.</summary>
        [Parameter]
        [ValidateNotNull]
        public CultureInfo Culture { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            // The title and the path are checked before the history is collected, so a mistake shows at once.
            Run(() => { SvgMarkup.CheckTitle(Title); return Title; }, Title);
            string typed = ParameterSetName == PathSet ? Path : LiteralPath;
            string resolved = FileSystemPaths.ForWriting(this, typed);
            if (!string.Equals(System.IO.Path.GetExtension(resolved), ".svg", StringComparison.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(ErrorRecords.Create("UnsupportedChartFormat", ErrorCategory.InvalidArgument,
                    $"Expected a .svg file; got '{resolved}'. Loss charts are SVG (a PNG would need a native image library); any SVG viewer or converter turns one into a PNG.", typed));
            }
            _path = ExportFile.Prepare(this, typed, Force, "ChartFileExists");
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // A group of Group-Object is one run, named by what it was grouped by (known by its type name: the
            // netstandard2.0 build does not reference the assembly that defines GroupInfo).
            if (InputObject.TypeNames.Contains("Microsoft.PowerShell.Commands.GroupInfo") &&
                InputObject.Properties["Group"]?.Value is System.Collections.IEnumerable group)
            {
                string name = Text(InputObject.Properties["Name"]?.Value);
                foreach (object item in group) Add(PSObject.AsPSObject(item), name);
                return;
            }
            Add(InputObject, null);
        }

        private void Add(PSObject epoch, string run)
        {
            try
            {
                _points.Add(new LossPoint(Number(epoch, "Epoch", required: true).Value, Number(epoch, "Loss", required: true).Value,
                    Number(epoch, "ValidationLoss", required: false), run ?? RunName(epoch)));
            }
            catch (BackpropException e)
            {
                // One bad record among many: reported, skipped, and the chart is drawn from the rest.
                WriteError(ErrorRecords.From(e, epoch));
            }
        }

        // A sweep's row (Invoke-BackpropSweep, or its CSV) has Run, then its settings, then Epoch: the settings name
        // the run's line, "Optimizer=Adam, LearningRate=0.1". Without a Run property the rows are one history.
        private static string RunName(PSObject epoch)
        {
            var properties = epoch.Properties.ToList();
            int run = properties.FindIndex(p => string.Equals(p.Name, "Run", StringComparison.OrdinalIgnoreCase));
            if (run < 0) return null;
            var settings = properties.Skip(run + 1).TakeWhile(p => !string.Equals(p.Name, "Epoch", StringComparison.OrdinalIgnoreCase))
                .Select(p => FormattableString.Invariant($"{p.Name}={Text(p.Value)}")).ToList();
            return settings.Count > 0 ? string.Join(", ", settings) : FormattableString.Invariant($"Run {Text(properties[run].Value)}");
        }

        private static string Text(object value) => Convert.ToString(NumericArgument.Unwrap(value), CultureInfo.InvariantCulture);

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (!ShouldProcess(_path, $"Export loss chart of {_points.Count} epochs")) return;
            var settings = new LineChartSettings { Title = Title, Width = Width, Height = Height, Logarithmic = LogScale };
            ExportFile.Write(this, _path, writer => LineChart.WriteSvg(_points, writer, settings), "ChartFileWriteFailed", _path,
                Force ? null : "ChartFileExists");
            if (PassThru) WriteObject(ExportFile.Written(this, _path));
        }

        // A property as a number; numeric text (Import-Csv) counts when it is a decimal in -Culture (invariant by default), and a missing or empty ValidationLoss is none.
        private double? Number(PSObject epoch, string property, bool required)
        {
            object value = NumericArgument.Unwrap(epoch.Properties[property]?.Value);
            if (value == null || (value is string s && s.Trim().Length == 0))
            {
                if (required) throw InvalidRecord(epoch, $"got one without {property}");
                return null;
            }
            if (!NumberValue.TryRead(value, Culture, out double number))
            {
                string advice = value is string text ? NumberText.Advice(text, Culture, "-Culture") : "";
                throw InvalidRecord(epoch, $"its {property} is {UserValue.Describe(value)}, not a number", advice);
            }
            if (double.IsNaN(number) || double.IsInfinity(number))
                throw InvalidRecord(epoch, $"its {property} is {UserValue.Describe(number)}, not a finite number");
            return number;
        }

        private static BackpropException InvalidRecord(PSObject epoch, string problem, string advice = "") =>
            BackpropException.Argument("InvalidLossRecord",
                $"Expected objects with numeric Epoch and Loss properties (such as the epochs of a training run); {problem}: {epoch}.{advice}");
    }
}
