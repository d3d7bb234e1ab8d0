using System.IO;
using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Writes training steps (Invoke-BackpropStep) or the epoch rows of a run (Invoke-BackpropTraining) as one
    /// self-contained HTML page to explore in a browser: its CSS, scripts and data inline, nothing loaded from
    /// anywhere. An existing file is replaced as Export-Csv replaces one (-NoClobber keeps it).
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropReport", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropReportCommand : FileExportCmdlet
    {
        private readonly ReportInput _input = new ReportInput();
        private string _path;

        /// <summary>Training steps, or the epoch rows of one run.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>The run's data: its points on the decision boundary of a two-input network, and the boundary's range.</summary>
        [Parameter]
        [ValidateNotNull]
        [TravellingObject]
        public Dataset Dataset { get; set; }

        /// <summary>The page's heading, instead of the default one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; }

        /// <inheritdoc />
        protected override string FileKind => "Report";

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            string resolved = Run(() => FileSystemPaths.ForWriting(this, TypedPath), TypedPath);
            string extension = System.IO.Path.GetExtension(resolved);
            if (!string.Equals(extension, ".html", StringComparison.OrdinalIgnoreCase) && !string.Equals(extension, ".htm", StringComparison.OrdinalIgnoreCase))
            {
                Refuse("UnsupportedReportFormat", $"Expected an .html file (a page opens in a browser); got '{resolved}'.", TypedPath);
            }
            _path = PrepareFile();
        }

        /// <inheritdoc />
        protected override void ProcessRecord() => Run(() => _input.Add(InputObject), InputObject);

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            Run(() => _input.Check(), _path);
            WriteFile(_path, $"Export {_input.Description}", writer => _input.Write(writer, Dataset, Title));
        }
    }
}
