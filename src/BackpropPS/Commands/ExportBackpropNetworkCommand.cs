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
            if (_written != null && string.Equals(_written, FileSystemPaths.ForWriting(this, typed), StringComparison.Ordinal))
            {
                ThrowTerminatingError(ErrorRecords.Create("MultipleNetworksForOneFile", ErrorCategory.InvalidOperation,
                    $"A network file holds one network; a second network was piped to '{_written}'.", InputObject));
            }
            string path = ExportFile.Prepare(this, typed, Force, "NetworkFileExists");
            if (!ShouldProcess(path, "Export network " + InputObject.Shape)) return;
            ExportFile.Write(this, path, writer => NetworkJson.Write(InputObject, writer), "NetworkFileWriteFailed", path,
                Force ? null : "NetworkFileExists");
            _written = path;
            if (PassThru) WriteObject(ExportFile.Written(this, path));
        }
    }
}
