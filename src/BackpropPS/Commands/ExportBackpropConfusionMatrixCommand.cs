using System.Globalization;
using System.IO;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws the confusion matrix of a Measure-BackpropAccuracy report as an SVG heat map with the count in
    /// each cell and the accuracy in the title; an existing file is replaced only with -Force.
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
            var counts = new int[labels.Length, labels.Length];
            foreach (object item in Items(rowValue))
            {
                PSObject row = PSObject.AsPSObject(item);
                string actual = row.Properties["Actual"]?.Value?.ToString();
                int a = Array.IndexOf(labels, actual);
                if (a < 0) throw NotAReport($"a ConfusionMatrix row's Actual is '{actual}', not one of its Labels ({string.Join(", ", labels)})");
                for (int p = 0; p < labels.Length; p++) counts[a, p] = Count(row, labels[p], actual);
            }
            return (labels, counts);
        }

        private static int Count(PSObject row, string predicted, string actual)
        {
            object value = row.Properties[predicted]?.Value;
            if (value == null || value is bool || !LanguagePrimitives.TryConvertTo(value, CultureInfo.InvariantCulture, out int count) || count < 0)
                throw NotAReport($"the row for '{actual}' has '{value}' as its count for '{predicted}', not a whole number of 0 or more");
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
