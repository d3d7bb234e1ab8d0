namespace BackpropPS.Commands
{
    /// <summary>
    /// Base of the commands that save one network to a file of its own (Export-BackpropNetwork, Export-BackpropOnnx):
    /// the network from the pipeline or an epoch row's Network property, and a second network piped to the same file
    /// refused rather than written over the first.
    /// </summary>
    public abstract class NetworkFileExportCmdlet : FileExportCmdlet
    {
        private string _written;

        /// <summary>The network to save; an epoch row binds by its Network property.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Network")]
        [ValidateNotNull]
        [TravellingObject]
        public Network InputObject { get; set; }

        /// <summary>What one file holds, for the message when a second network comes ("A network file", "An ONNX model").</summary>
        protected abstract string OneFileHolds { get; }

        /// <summary>Writes <see cref="InputObject"/> to the prepared path; true when the file was written.</summary>
        protected abstract bool WriteNetwork(string path);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (_written != null && string.Equals(_written, Run(() => FileSystemPaths.ForWriting(this, TypedPath), TypedPath), StringComparison.Ordinal))
            {
                Refuse("MultipleNetworksForOneFile", $"{OneFileHolds} holds one network; a second network was piped to '{_written}'.",
                    InputObject, BackpropErrorKind.InvalidOperation);
            }
            string path = PrepareFile();
            if (WriteNetwork(path)) _written = path;
        }
    }
}
