using System.IO;
using System.Text;

namespace BackpropPS.Commands
{
    /// <summary>Reads networks from JSON network files.</summary>
    [Cmdlet(VerbsData.Import, "BackpropNetwork", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Network))]
    public sealed class ImportBackpropNetworkCommand : FileReadingCmdlet
    {
        /// <inheritdoc />
        protected override string FileDescription => "a network file";

        /// <inheritdoc />
        protected override string FilesDescription => "network files";

        /// <inheritdoc />
        protected override string NotFoundErrorId => "NetworkFileNotFound";

        /// <inheritdoc />
        protected override void Read(string path)
        {
            Network network;
            try
            {
                // Strict UTF-8: bytes that are not UTF-8 are a bad file, not silently U+FFFD in a label.
                using (var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true))) network = NetworkJson.Read(reader, path);
            }
            catch (DecoderFallbackException e)
            {
                throw new BackpropException("InvalidNetworkFile", BackpropErrorKind.InvalidData,
                    $"{System.IO.Path.GetFileName(path)} is not a network file: it is not UTF-8 text ({e.Message}).", e);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new BackpropException("NetworkFileReadFailed", BackpropErrorKind.ReadError, $"Could not read '{path}': {e.Message}", e);
            }
            WriteObject(network);
        }
    }
}
