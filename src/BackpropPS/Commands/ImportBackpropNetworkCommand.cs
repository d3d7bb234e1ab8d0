using System;
using System.IO;
using System.Text;
using System.Management.Automation;
using BackpropPS.Core;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>Reads networks from JSON network files.</summary>
    [Cmdlet(VerbsData.Import, "BackpropNetwork", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Network))]
    public sealed class ImportBackpropNetworkCommand : BackpropCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>The files to read; wildcards are allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; }

        /// <summary>The files to read, taken exactly as typed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            // A problem with one path or one file is a non-terminating error and the others are still read, as
            // with Get-Item: -ErrorAction and -ErrorVariable work on each.
            foreach (string typed in literal ? LiteralPath : Path)
            {
                try
                {
                    foreach (string path in FileSystemPaths.ForReading(this, typed, literal)) Import(path);
                }
                catch (ItemNotFoundException e)
                {
                    WriteError(NotFound(typed, e));
                }
                catch (BackpropException e)
                {
                    WriteError(ErrorRecords.From(e, typed));
                }
            }
        }

        private void Import(string path)
        {
            if (Directory.Exists(path))
            {
                WriteError(ErrorRecords.Create("PathIsDirectory", ErrorCategory.InvalidArgument,
                    $"Expected a network file; '{path}' is a directory.", path));
                return;
            }
            if (!File.Exists(path))
            {
                WriteError(NotFound(path, null));
                return;
            }
            Network network;
            try
            {
                // Strict UTF-8: bytes that are not UTF-8 are a bad file, not silently U+FFFD in a label.
                using (var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true))) network = NetworkJson.Read(reader, path);
            }
            catch (DecoderFallbackException e)
            {
                WriteError(ErrorRecords.Create("InvalidNetworkFile", ErrorCategory.InvalidData,
                    $"{System.IO.Path.GetFileName(path)} is not a network file: it is not UTF-8 text ({e.Message}).", path, e));
                return;
            }
            catch (BackpropException e)
            {
                WriteError(ErrorRecords.From(e, path));
                return;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.Create("NetworkFileReadFailed", ErrorCategory.ReadError,
                    $"Could not read '{path}': {e.Message}", path, e));
                return;
            }
            WriteObject(network);
        }

        private static ErrorRecord NotFound(string path, Exception inner) =>
            ErrorRecords.Create("NetworkFileNotFound", ErrorCategory.ObjectNotFound,
                $"Expected a network file at '{path}'; no such file exists.", path, inner);
    }
}
