using System.IO;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Base of the commands that write what comes down the pipeline to a file (Export-BackpropNetwork,
    /// Export-BackpropDiagram and the pictures), with PowerShell's Export-Csv conventions exactly: an existing file is
    /// replaced (written whole, then moved into place), -NoClobber keeps it, and -Force is for a read-only file. One
    /// alias set for -LiteralPath, -PassThru, and one set of ErrorIds per kind of file (<see cref="FileKind"/>FileExists,
    /// <see cref="FileKind"/>FileReadOnly, <see cref="FileKind"/>FileWriteFailed).
    /// </summary>
    public abstract class FileExportCmdlet : BackpropCmdlet
    {
        /// <summary>The parameter set of -Path.</summary>
        protected const string PathSet = "Path";

        /// <summary>The parameter set of -LiteralPath.</summary>
        protected const string LiteralPathSet = "LiteralPath";

        /// <summary>The file to write.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The file to write, taken exactly as typed (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>Replace the file even if it is read-only (it stays read-only).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Keep an existing file: refuse to replace it.</summary>
        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>What the file holds, in the ErrorIds: "Network" gives NetworkFileExists and NetworkFileWriteFailed.</summary>
        protected abstract string FileKind { get; }

        /// <summary>The path as the user typed it, -Path or -LiteralPath.</summary>
        protected string TypedPath => ParameterSetName == LiteralPathSet ? LiteralPath : Path;

        /// <summary>The error of a file that exists and is kept (-NoClobber).</summary>
        protected string ExistsErrorId => FileKind + "FileExists";

        private const string NoClobberAdvice = "-NoClobber keeps it; leave -NoClobber out to replace it.";

        /// <summary>
        /// The provider path to write, checked before anything is drawn: a file path whose folder exists, and an
        /// existing file that may be replaced (not with -NoClobber; a read-only one only with -Force). A mistake
        /// stops the command.
        /// </summary>
        protected string PrepareFile() =>
            Run(() => ExportFile.Prepare(this, TypedPath, replace: !NoClobber, ExistsErrorId, NoClobberAdvice, Force ? null : FileKind + "FileReadOnly"), TypedPath);

        /// <summary>
        /// Writes the file after ShouldProcess, completely or not at all (with -NoClobber, only if no other writer
        /// created it meanwhile), and emits it as Get-Item does with -PassThru. Ctrl+C while writing leaves the
        /// target untouched. False when -WhatIf or the user's answer to -Confirm left the file unwritten.
        /// </summary>
        protected bool WriteFile(string path, string action, Action<TextWriter> write) =>
            WriteWhole(path, action, () => ExportFile.Write(path, write, FileKind + "FileWriteFailed", NoClobber ? ExistsErrorId : null, NoClobberAdvice));

        /// <summary>Writes bytes (an ONNX model) as <see cref="WriteFile(string, string, Action{TextWriter})"/> writes text.</summary>
        protected bool WriteBinaryFile(string path, string action, Action<Stream> write) =>
            WriteWhole(path, action, () => ExportFile.WriteBinary(path, write, FileKind + "FileWriteFailed", NoClobber ? ExistsErrorId : null, NoClobberAdvice));

        private bool WriteWhole(string path, string action, Action write)
        {
            if (!ShouldProcess(path, action)) return false;
            try
            {
                Run(write, path);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            if (PassThru) WriteObject(ExportFile.Written(this, path));
            return true;
        }
    }
}
