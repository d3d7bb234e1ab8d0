using System.IO;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws the confusion matrix of a Measure-BackpropAccuracy report as an SVG heat map with the count in
    /// each cell and the accuracy in the title; an existing file is replaced as Export-Csv replaces one (-NoClobber keeps it).
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropConfusionMatrix", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropConfusionMatrixCommand : PictureExportCmdlet
    {
        private PSObject _report;

        /// <summary>
        /// The report of Measure-BackpropAccuracy (or one read back with Import-Clixml): its Labels and its
        /// ConfusionMatrix rows are all that is read.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("Report")]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <inheritdoc />
        protected override string DefaultTitle => "Confusion matrix";

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            RefuseSecond(_report != null, InputObject);
            _report = InputObject;
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_report == null) return; // nothing was piped
            var (labels, counts) = Run(() => Read(_report), _report);
            WritePicture($"Export a {labels.Length} x {labels.Length} confusion matrix", writer => ConfusionHeatMap.Write(labels, counts, writer, Heading));
        }

        // Only the report's public shape: Labels, and rows with Actual and a count per predicted label.
        private static (string[] Labels, int[,] Counts) Read(PSObject report)
        {
            object labelValue = report.Properties["Labels"]?.Value;
            object rowValue = report.Properties["ConfusionMatrix"]?.Value;
            if (labelValue == null || rowValue == null)
                throw NotAReport($"got an object without Labels and ConfusionMatrix: {report}");
            string[] labels = Items(labelValue).Select(l => l?.ToString() ?? "").ToArray();
            if (labels.Length == 0 || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
                throw NotAReport("its Labels must be one or more distinct names");
            // Before the counts are made: they take labels squared.
            if (labels.Length > ConfusionHeatMap.MaxLabels)
            {
                throw new BackpropException("TooManyClasses", BackpropErrorKind.LimitsExceeded,
                    $"A confusion-matrix picture draws at most {ConfusionHeatMap.MaxLabels} classes; the report has {Wording.Number(labels.Length)}. Export its ConfusionMatrix rows with Export-Csv instead.");
            }
            var counts = new int[labels.Length, labels.Length];
            var seen = new bool[labels.Length];
            foreach (object item in Items(rowValue))
            {
                PSObject row = PSObject.AsPSObject(item);
                string actual = row.Properties["Actual"]?.Value?.ToString();
                int a = Array.IndexOf(labels, actual);
                if (a < 0) throw NotAReport($"a ConfusionMatrix row's Actual is {UserValue.Describe(actual)}, not one of its Labels ({string.Join(", ", labels)})");
                if (seen[a]) throw NotAReport($"two ConfusionMatrix rows have the Actual '{actual}'; each label has one row");
                seen[a] = true;
                for (int p = 0; p < labels.Length; p++) counts[a, p] = Count(row, labels[p], actual);
            }
            return (labels, counts);
        }

        // A count as Measure-BackpropAccuracy writes it: never rounded, never read by PowerShell's casts ('0x10', '1,000').
        private static int Count(PSObject row, string predicted, string actual)
        {
            object value = NumericArgument.Unwrap(row.Properties[predicted]?.Value);
            if (!NumberValue.TryReadCount(value, out int count))
            {
                throw NotAReport($"the row for '{actual}' has {UserValue.Describe(value)} as its count for '{predicted}', " +
                    $"not a whole number from 0 to {Wording.Number(int.MaxValue)}");
            }
            return count;
        }

        private static IEnumerable<object> Items(object value)
        {
            object unwrapped = value is PSObject ps ? ps.BaseObject : value;
            if (unwrapped is string) return new[] { unwrapped };
            var items = LanguagePrimitives.GetEnumerable(unwrapped);
            return items == null ? new[] { unwrapped } : items.Cast<object>();
        }

        private static BackpropException NotAReport(string problem) =>
            BackpropException.Argument("NotAnAccuracyReport",
                $"Expected the report of Measure-BackpropAccuracy (Labels and ConfusionMatrix rows with Actual and a count per label); {problem}.");
    }
}
