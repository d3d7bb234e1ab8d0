using System;
using System.IO;
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
            foreach (string typed in literal ? LiteralPath : Path)
            {
                try
                {
                    foreach (string path in FileSystemPaths.ForReading(this, typed, literal)) Import(path);
                }
                catch (ItemNotFoundException e)
                {
                    ThrowTerminatingError(NotFound(typed, e));
                }
            }
        }

        private void Import(string path)
        {
            if (Directory.Exists(path))
            {
                ThrowTerminatingError(ErrorRecords.Create("PathIsDirectory", ErrorCategory.InvalidArgument,
                    $"Expected a network file; '{path}' is a directory.", path));
            }
            if (!File.Exists(path)) ThrowTerminatingError(NotFound(path, null));
            try
            {
                using (var reader = new StreamReader(path))
                {
                    WriteObject(Run(() => NetworkJson.Read(reader, path), path));
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(ErrorRecords.Create("NetworkFileReadFailed", ErrorCategory.ReadError,
                    $"Could not read '{path}': {e.Message}", path, e));
            }
        }

        private static ErrorRecord NotFound(string path, Exception inner) =>
            ErrorRecords.Create("NetworkFileNotFound", ErrorCategory.ObjectNotFound,
                $"Expected a network file at '{path}'; no such file exists.", path, inner);
    }
}
