using System.IO;

namespace BackpropPS.Internal
{
    /// <summary>
    /// The rules of every file the module writes, in one place: a file-system path whose folder exists, not a
    /// directory, an existing file replaced as the command's convention says (Export-* replace it unless -NoClobber,
    /// a read-only one only with -Force; New-* only with -Force), written completely or not at all. Each mistake is a
    /// <see cref="BackpropException"/> with the ErrorId the caller names for its kind of file.
    /// </summary>
    internal static class ExportFile
    {
        /// <summary>
        /// The provider path for <paramref name="typed"/>, checked for writing. Without <paramref name="replace"/> an
        /// existing file is the <paramref name="existsErrorId"/> error, its message ending with <paramref name="keepAdvice"/>;
        /// with it, a read-only file is the <paramref name="readOnlyErrorId"/> error unless that is null (-Force).
        /// </summary>
        public static string Prepare(PSCmdlet cmdlet, string typed, bool replace, string existsErrorId,
            string keepAdvice = ForceAdvice, string readOnlyErrorId = null)
        {
            string path = FileSystemPaths.ForWriting(cmdlet, typed);
            if (Directory.Exists(path)) throw BackpropException.Argument("PathIsDirectory", $"Expected a file path; '{path}' is a directory.");
            if (File.Exists(path) && !replace) throw Exists(existsErrorId, path, keepAdvice);
            if (File.Exists(path) && readOnlyErrorId != null && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
            {
                throw new BackpropException(readOnlyErrorId, BackpropErrorKind.PermissionDenied,
                    $"The file '{path}' is read-only. Use -Force to replace it; it stays read-only.");
            }
            string folder = Path.GetDirectoryName(path);
            if (!Directory.Exists(folder))
            {
                throw FileSystemPaths.Unreachable(folder) ?? new BackpropException("DirectoryNotFound", BackpropErrorKind.NotFound,
                    File.Exists(folder) ? $"The folder of '{path}' is a file, '{folder}'." : $"The folder of '{path}' does not exist.");
            }
            return path;
        }

        /// <summary>What a New-* command (or a checkpoint) says of a file it keeps.</summary>
        public const string ForceAdvice = "Use -Force to replace it.";

        /// <summary>
        /// Writes the file atomically; an I/O failure is the <paramref name="failedErrorId"/> error. With
        /// <paramref name="existsErrorId"/> the file must not exist: if another writer created it after
        /// <see cref="Prepare"/> looked, nothing is written and that is the error. Without it an existing file is
        /// replaced (-Force, or a checkpoint rewritten each epoch).
        /// </summary>
        public static void Write(string path, Action<TextWriter> write, string failedErrorId, string existsErrorId = null, string keepAdvice = ForceAdvice) =>
            Write(path, overwrite => AtomicFile.Write(path, overwrite, write), failedErrorId, existsErrorId, keepAdvice);

        /// <summary>Writes bytes (an ONNX model) as <see cref="Write(string, Action{TextWriter}, string, string, string)"/> writes text.</summary>
        public static void WriteBinary(string path, Action<Stream> write, string failedErrorId, string existsErrorId = null, string keepAdvice = ForceAdvice) =>
            Write(path, overwrite => AtomicFile.WriteBinary(path, overwrite, write), failedErrorId, existsErrorId, keepAdvice);

        private static void Write(string path, Func<bool, bool> atomicWrite, string failedErrorId, string existsErrorId, string keepAdvice)
        {
            bool written;
            try
            {
                written = atomicWrite(existsErrorId == null);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new BackpropException(failedErrorId, BackpropErrorKind.PermissionDenied, $"Could not write '{path}': {e.Message}.", e);
            }
            catch (IOException e)
            {
                throw new BackpropException(failedErrorId, BackpropErrorKind.WriteError, $"Could not write '{path}': {e.Message}", e);
            }
            if (!written) throw Exists(existsErrorId, path, keepAdvice);
        }

        /// <summary>The written file as Get-Item returns it, with PSPath, so that it pipes to -LiteralPath.</summary>
        public static PSObject Written(PSCmdlet cmdlet, string path) =>
            cmdlet.InvokeProvider.Item.Get(new[] { path }, force: true, literalPath: true)[0];

        private static BackpropException Exists(string errorId, string path, string keepAdvice) =>
            new BackpropException(errorId, BackpropErrorKind.ResourceExists, $"The file '{path}' already exists. {keepAdvice}");
    }
}
