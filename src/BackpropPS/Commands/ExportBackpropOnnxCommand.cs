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
    public sealed class ExportBackpropOnnxCommand : NetworkFileExportCmdlet
    {
        /// <summary>The model's numbers: Double (float64, every digit of the network) or Single (float32).</summary>
        [Parameter]
        public Precision Precision { get; set; } = Precision.Double;

        /// <inheritdoc />
        protected override string FileKind => "Onnx";

        /// <inheritdoc />
        protected override string OneFileHolds => "An ONNX model";

        /// <inheritdoc />
        protected override bool WriteNetwork(string path)
        {
            // Built whole before the file is opened: a network that cannot be exported writes nothing.
            byte[] model = Run(() => OnnxExport.ToBytes(InputObject, Precision), InputObject);
            return WriteBinaryFile(path, $"Export ONNX model of network {InputObject.Shape} ({Precision})", stream => stream.Write(model, 0, model.Length));
        }
    }
}
