using System.IO;
using BackpropPS.Core.Onnx;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Saves a network as a standard ONNX model, for ONNX Runtime, ML.NET, onnxruntime-web and the other runtimes:
    /// float64 by default, float32 with -Precision Single. Export-Csv's file rules, as every Export-* command.
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropOnnx", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropOnnxCommand : FileExportCmdlet
    {
        private string _written;

        /// <summary>The network to save; an epoch row binds by its Network property.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Network")]
        [ValidateNotNull]
        [TravellingObject]
        public Network InputObject { get; set; }

        /// <summary>The model's numbers: Double (float64, every digit of the network) or Single (float32).</summary>
        [Parameter]
        public Precision Precision { get; set; } = Precision.Double;

        /// <inheritdoc />
        protected override string FileKind => "Onnx";

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (_written != null && string.Equals(_written, Run(() => FileSystemPaths.ForWriting(this, TypedPath), TypedPath), StringComparison.Ordinal))
            {
                Refuse("MultipleNetworksForOneFile", $"An ONNX model holds one network; a second network was piped to '{_written}'.",
                    InputObject, BackpropErrorKind.InvalidOperation);
            }
            string path = PrepareFile();
            // Built whole before the file is opened: a network that cannot be exported writes nothing.
            byte[] model = Run(() => OnnxExport.ToBytes(InputObject, Precision), InputObject);
            if (WriteBinaryFile(path, $"Export ONNX model of network {InputObject.Shape} ({Precision})", stream => stream.Write(model, 0, model.Length))) _written = path;
        }
    }
}
