using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Writes training steps or the epoch rows of a run as a page (as Export-BackpropReport does) to a new file in
    /// the temporary folder and opens it in the default browser, or in the program -Browser names.
    /// </summary>
    [Cmdlet(VerbsCommon.Show, "BackpropReport", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ShowBackpropReportCommand : BackpropCmdlet
    {
        private readonly ReportInput _input = new ReportInput();

        /// <summary>Training steps, or the epoch rows of one run.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>The run's data: its points on the decision boundary of a two-input network.</summary>
        [Parameter]
        [ValidateNotNull]
        [TravellingObject]
        public Dataset Dataset { get; set; }

        /// <summary>The page's heading, instead of the default one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; }

        /// <summary>The program to open the page with (a name on the PATH or a path); by default the system's browser.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Browser { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (Browser != null && Program(Browser) == null)
                Refuse("BrowserNotFound", $"Expected a program to open the page with; '{Browser}' is neither on the PATH nor a file.", Browser, BackpropErrorKind.NotFound);
        }

        /// <inheritdoc />
        protected override void ProcessRecord() => Run(() => _input.Add(InputObject), InputObject);

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            Run(() => _input.Check(), InputObject);
            string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "BackpropPS-report-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".html");
            if (!ShouldProcess(path, $"Write {_input.Description} and open it in a browser")) return;
            Run(() => ExportFile.Write(path, writer => _input.Write(writer, Dataset, Title), "ReportFileWriteFailed", "ReportFileExists"), path);
            WriteVerbose($"The page is at {path}.");
            Run(() => Open(path), path);
            if (PassThru) WriteObject(ExportFile.Written(this, path));
        }

        private void Open(string path)
        {
            string program = Browser != null ? Program(Browser)
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "open"
                : RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? null
                : Program("xdg-open");
            if (program == null && !RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                WriteWarning($"No program to open a browser with was found (xdg-open); the page is at {path}. Open it in any browser, or name one with -Browser.");
                return;
            }
            var start = program == null
                ? new ProcessStartInfo(path) { UseShellExecute = true }
                : new ProcessStartInfo(program, "\"" + path + "\"") { UseShellExecute = false };
            try
            {
                using (Process.Start(start)) { }
            }
            catch (Win32Exception e)
            {
                throw new BackpropException("BrowserFailed", BackpropErrorKind.InvalidOperation,
                    $"Could not open the page at {path} in a browser: {e.Message}. Open it yourself, or name a browser with -Browser.");
            }
        }

        // A program by path (relative to the current location), or by name on the PATH; null when there is none.
        private string Program(string name)
        {
            if (name.IndexOfAny(new[] { '/', '\\' }) >= 0)
            {
                try
                {
                    string path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(name);
                    return File.Exists(path) ? path : null;
                }
                catch (Exception e) when (e is SessionStateException || e is ArgumentException || e is NotSupportedException || e is PSInvalidOperationException)
                {
                    return null; // a drive or provider that does not exist: no program there
                }
            }
            string[] extensions = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new[] { "", ".exe", ".cmd", ".bat" } : new[] { "" };
            foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
            {
                if (folder.Length == 0) continue;
                foreach (string extension in extensions)
                {
                    string candidate = System.IO.Path.Combine(folder, name + extension);
                    if (File.Exists(candidate)) return candidate;
                }
            }
            return null;
        }
    }
}
