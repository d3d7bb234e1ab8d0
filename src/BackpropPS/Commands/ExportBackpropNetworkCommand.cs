using System.IO;

namespace BackpropPS.Commands
{
    /// <summary>Saves a network as a JSON network file; an existing file is replaced as Export-Csv replaces one (-NoClobber keeps it).</summary>
    [Cmdlet(VerbsData.Export, "BackpropNetwork", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropNetworkCommand : NetworkFileExportCmdlet
    {
        /// <inheritdoc />
        protected override string FileKind => "Network";

        /// <inheritdoc />
        protected override string OneFileHolds => "A network file";

        /// <inheritdoc />
        protected override bool WriteNetwork(string path) =>
            WriteFile(path, "Export network " + InputObject.Shape, writer => NetworkJson.Write(InputObject, writer));
    }
}
