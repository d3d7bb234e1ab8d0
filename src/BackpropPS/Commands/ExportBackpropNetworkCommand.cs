using System;
using System.IO;
using System.Management.Automation;
using BackpropPS.Core;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>Saves a network as a JSON network file; an existing file is replaced only with -Force.</summary>
    [Cmdlet(VerbsData.Export, "BackpropNetwork", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropNetworkCommand : BackpropCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private string _written;

        /// <summary>The network to save.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Network")]
        [ValidateNotNull]
        public Network InputObject { get; set; }

        /// <summary>The file to write.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The file to write, taken exactly as typed (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            string typed = ParameterSetName == PathSet ? Path : LiteralPath;
            string path = FileSystemPaths.ForWriting(this, typed);
            if (_written != null && string.Equals(_written, path, StringComparison.Ordinal))
            {
                ThrowTerminatingError(ErrorRecords.Create("MultipleNetworksForOneFile", ErrorCategory.InvalidOperation,
                    $"A network file holds one network; a second network was piped to '{path}'.", InputObject));
            }
            if (Directory.Exists(path))
            {
                ThrowTerminatingError(ErrorRecords.Create("PathIsDirectory", ErrorCategory.InvalidArgument,
                    $"Expected a file path; '{path}' is a directory.", typed));
            }
            if (File.Exists(path) && !Force)
            {
                ThrowTerminatingError(ErrorRecords.Create("NetworkFileExists", ErrorCategory.ResourceExists,
                    $"The file '{path}' already exists. Use -Force to replace it.", path));
            }
            if (!Directory.Exists(System.IO.Path.GetDirectoryName(path)))
            {
                ThrowTerminatingError(ErrorRecords.Create("DirectoryNotFound", ErrorCategory.ObjectNotFound,
                    $"The folder of '{path}' does not exist.", path));
            }
            if (!ShouldProcess(path, "Export network " + InputObject.Shape)) return;

            try
            {
                AtomicFile.Write(path, writer => NetworkJson.Write(InputObject, writer));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(ErrorRecords.Create("NetworkFileWriteFailed", ErrorCategory.WriteError,
                    $"Could not write '{path}': {e.Message}", path, e));
            }
            _written = path;
            if (PassThru) WriteObject(new FileInfo(path));
        }
    }
}
