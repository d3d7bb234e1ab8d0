using System;
using System.IO;
using System.Management.Automation;
using BackpropPS.Core;

namespace BackpropPS.Internal
{
    /// <summary>
    /// The checks and the write that every Export-* cmdlet shares: a file-system path whose folder exists,
    /// not a directory, replaced only with -Force, written completely or not at all.
    /// </summary>
    internal static class ExportFile
    {
        /// <summary>The provider path for <paramref name="typed"/>, or a terminating error saying why it cannot be written.</summary>
        public static string Prepare(PSCmdlet cmdlet, string typed, bool force, string existsErrorId)
        {
            string path = FileSystemPaths.ForWriting(cmdlet, typed);
            if (Directory.Exists(path))
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create("PathIsDirectory", ErrorCategory.InvalidArgument,
                    $"Expected a file path; '{path}' is a directory.", typed));
            }
            if (File.Exists(path) && !force) cmdlet.ThrowTerminatingError(Exists(existsErrorId, path));
            if (!Directory.Exists(Path.GetDirectoryName(path)))
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create("DirectoryNotFound", ErrorCategory.ObjectNotFound,
                    $"The folder of '{path}' does not exist.", path));
            }
            return path;
        }

        /// <summary>
        /// Writes the file atomically; a core error or an I/O failure becomes a terminating error. With
        /// <paramref name="existsErrorId"/> the file must not exist: if another writer created it after
        /// <see cref="Prepare"/> looked, nothing is written and that error stops the command. Without it an
        /// existing file is replaced (-Force, or a checkpoint rewritten each epoch).
        /// </summary>
        public static void Write(PSCmdlet cmdlet, string path, Action<TextWriter> write, string failedErrorId, object target, string existsErrorId = null)
        {
            bool written = false;
            try
            {
                written = AtomicFile.Write(path, overwrite: existsErrorId == null, write);
            }
            catch (BackpropException e)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.From(e, target));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(failedErrorId, ErrorCategory.WriteError,
                    $"Could not write '{path}': {e.Message}", path, e));
            }
            if (!written) cmdlet.ThrowTerminatingError(Exists(existsErrorId, path));
        }

        /// <summary>The written file as Get-Item returns it, with PSPath, so that it pipes to -LiteralPath.</summary>
        public static PSObject Written(PSCmdlet cmdlet, string path) =>
            cmdlet.InvokeProvider.Item.Get(new[] { path }, force: true, literalPath: true)[0];

        private static ErrorRecord Exists(string errorId, string path) =>
            ErrorRecords.Create(errorId, ErrorCategory.ResourceExists, $"The file '{path}' already exists. Use -Force to replace it.", path);
    }
}
