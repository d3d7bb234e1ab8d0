using System.IO;
using BackpropPS.Core.Data;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Base of the commands that read files (Import-BackpropNetwork, Test-BackpropExercise): -Path with wildcards
    /// and -LiteralPath, piped paths and files, and the loop over them. A problem with one path or one file is a
    /// non-terminating error and the others are still read, as with Get-Item: -ErrorAction and -ErrorVariable work
    /// on each.
    /// </summary>
    public abstract class FileReadingCmdlet : BackpropCmdlet
    {
        /// <summary>The parameter set of -Path.</summary>
        protected const string PathSet = "Path";

        /// <summary>The parameter set of -LiteralPath.</summary>
        protected const string LiteralPathSet = "LiteralPath";

        /// <summary>The files to read; wildcards are allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; }

        /// <summary>The files to read, taken exactly as typed; Get-ChildItem's files bind here by PSPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; }

        /// <summary>What a file holds, for messages: "a network file".</summary>
        protected abstract string FileDescription { get; }

        /// <summary>What such files hold, for messages: "network files".</summary>
        protected abstract string FilesDescription { get; }

        /// <summary>The error of a path where no file is.</summary>
        protected abstract string NotFoundErrorId { get; }

        /// <summary>Reads one existing file; a BackpropException is reported for that file and the next goes on.</summary>
        protected abstract void Read(string path);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (string typed in literal ? LiteralPath : Path)
            {
                if (!TryRun(() => literal ? new[] { FileSystemPaths.Literal(this, typed) } : FileSystemPaths.Matching(this, typed, NotFound), typed, out var paths)) continue;
                foreach (string path in paths) TryRun(() => ReadOne(path), path, out bool _);
            }
        }

        private bool ReadOne(string path)
        {
            if (Directory.Exists(path)) throw BackpropException.Argument("PathIsDirectory", $"Expected {FileDescription}; '{path}' is a directory.");
            if (!File.Exists(path)) throw FileSystemPaths.Unreachable(path) ?? NotFound(path, null);
            // A pipe would wait for a writer in a call Ctrl+C cannot stop, a device would never end: neither is opened.
            RegularFile.EnsureRegular(path, FilesDescription);
            Read(path);
            return true;
        }

        private BackpropException NotFound(string path, System.Exception inner) =>
            new BackpropException(NotFoundErrorId, BackpropErrorKind.NotFound, $"Expected {FileDescription} at '{path}'; no such file exists.", inner);
    }
}
