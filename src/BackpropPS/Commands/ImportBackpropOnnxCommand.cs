using System.IO;
using BackpropPS.Core.Onnx;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Reads networks from ONNX models: what Export-BackpropOnnx writes, and what torch.onnx.export makes of an
    /// nn.Sequential of Linear, Sigmoid, Tanh, ReLU, LeakyReLU and Softmax. Anything else is refused, naming the node.
    /// </summary>
    [Cmdlet(VerbsData.Import, "BackpropOnnx", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Network))]
    public sealed class ImportBackpropOnnxCommand : FileReadingCmdlet
    {
        /// <inheritdoc />
        protected override string FileDescription => "an ONNX model";

        /// <inheritdoc />
        protected override string FilesDescription => "ONNX models";

        /// <inheritdoc />
        protected override string NotFoundErrorId => "OnnxFileNotFound";

        /// <inheritdoc />
        protected override void Read(string path)
        {
            Network network;
            try
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read)) network = OnnxImport.Read(stream, path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new BackpropException("OnnxFileReadFailed", BackpropErrorKind.ReadError, $"Could not read '{path}': {e.Message}", e);
            }
            WriteObject(network);
        }
    }
}
