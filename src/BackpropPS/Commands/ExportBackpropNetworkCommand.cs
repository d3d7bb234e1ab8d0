using System.IO;

namespace BackpropPS.Commands
{
    /// <summary>Saves a network as a JSON network file; an existing file is replaced as Export-Csv replaces one (-NoClobber keeps it).</summary>
    [Cmdlet(VerbsData.Export, "BackpropNetwork", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropNetworkCommand : FileExportCmdlet
    {
        private string _written;

        /// <summary>The network to save; an epoch row binds by its Network property.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Network")]
        [ValidateNotNull]
        [TravellingObject]
        public Network InputObject { get; set; }

        /// <inheritdoc />
        protected override string FileKind => "Network";

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (_written != null && string.Equals(_written, Run(() => FileSystemPaths.ForWriting(this, TypedPath), TypedPath), StringComparison.Ordinal))
            {
                Refuse("MultipleNetworksForOneFile", $"A network file holds one network; a second network was piped to '{_written}'.",
                    InputObject, BackpropErrorKind.InvalidOperation);
            }
            string path = PrepareFile();
            if (WriteFile(path, "Export network " + InputObject.Shape, writer => NetworkJson.Write(InputObject, writer))) _written = path;
        }
    }
}
