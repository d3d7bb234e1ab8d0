using System.Globalization;
using System.IO;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws a training history (objects with Epoch and Loss, and ValidationLoss when there is one) as an SVG
    /// line chart; rows of several runs (a sweep's, with a Run property, or Group-Object's groups) get one line
    /// each and a legend. An existing file is replaced as Export-Csv replaces one (-NoClobber keeps it).
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropLossChart", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropLossChartCommand : ChartExportCmdlet
    {
        private readonly List<LossPoint> _points = new List<LossPoint>();

        /// <summary>One epoch: any object with Epoch and Loss properties (numbers or numeric strings), and optionally ValidationLoss.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>A logarithmic loss axis (-LogScale:$false, a linear one); by default chosen from the losses.</summary>
        [Parameter]
        public SwitchParameter LogScale { get; set; }

        /// <summary>The culture of numbers in text (a run read back with Import-Csv); by default the invariant culture.</summary>
        [Parameter]
        [ValidateNotNull]
        public CultureInfo Culture { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // A group of Group-Object is one run, named by what it was grouped by (known by its type name: the
            // netstandard2.0 build does not reference the assembly that defines GroupInfo).
            if (InputObject.TypeNames.Contains("Microsoft.PowerShell.Commands.GroupInfo") &&
                InputObject.Properties["Group"]?.Value is System.Collections.IEnumerable group)
            {
                string name = RowValues.Text(InputObject.Properties["Name"]?.Value);
                foreach (object item in group) Add(PSObject.AsPSObject(item), name);
                return;
            }
            Add(InputObject, null);
        }

        // One bad record among many: reported, skipped, and the chart is drawn from the rest.
        private void Add(PSObject epoch, string run)
        {
            if (TryRun(() => Point(epoch, run), epoch, out LossPoint point)) _points.Add(point);
        }

        private LossPoint Point(PSObject epoch, string run)
        {
            double? Number(string property, bool required)
            {
                double? number = RowValues.Number(epoch, property, required, Culture, (problem, advice) => InvalidRecord(epoch, problem, advice));
                if (number.HasValue && (double.IsNaN(number.Value) || double.IsInfinity(number.Value)))
                    throw InvalidRecord(epoch, $"its {property} is {UserValue.Describe(number.Value)}, not a finite number");
                return number;
            }
            return new LossPoint(Number("Epoch", true).Value, Number("Loss", true).Value, Number("ValidationLoss", false), run ?? RunName(epoch));
        }

        // A sweep's row (Invoke-BackpropSweep, or its CSV) has Run, then its settings, then Epoch: the settings name
        // the run's line, "Optimizer=Adam, LearningRate=0.1". Without a Run property the rows are one history.
        private static string RunName(PSObject epoch)
        {
            var properties = epoch.Properties.ToList();
            int run = properties.FindIndex(p => string.Equals(p.Name, "Run", StringComparison.OrdinalIgnoreCase));
            if (run < 0) return null;
            var settings = properties.Skip(run + 1).TakeWhile(p => !string.Equals(p.Name, "Epoch", StringComparison.OrdinalIgnoreCase))
                .Select(p => FormattableString.Invariant($"{p.Name}={RowValues.Text(p.Value)}")).ToList();
            return settings.Count > 0 ? string.Join(", ", settings) : FormattableString.Invariant($"Run {RowValues.Text(properties[run].Value)}");
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            // Without -Title the chart says what it draws; without -LogScale it chooses the scale from the losses.
            var settings = new LineChartSettings
            {
                Title = Heading, Width = Width, Height = Height, Logarithmic = IsBound(nameof(LogScale)) ? LogScale.IsPresent : (bool?)null,
            };
            WritePicture($"Export loss chart of {_points.Count} epochs", writer => LineChart.WriteSvg(_points, writer, settings));
        }

        private static BackpropException InvalidRecord(PSObject epoch, string problem, string advice = "") =>
            BackpropException.Argument("InvalidLossRecord",
                $"Expected objects with numeric Epoch and Loss properties (such as the epochs of a training run); {problem}: {epoch}.{advice}");
    }
}
