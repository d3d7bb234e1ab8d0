using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Writes a file completely or not at all: to a temporary file beside it, then moved into place. Without
    /// overwrite the move is an atomic create-new, so of several writers racing to one new path exactly one
    /// wins: link(2) on Unix (which fails if the name exists; .NET's File.Move there checks, then renames,
    /// which lets two writers both "win"), MoveFileEx without replace on Windows.
    /// </summary>
    internal static class AtomicFile
    {
        /// <summary>
        /// A temporary file unchanged for this long has lost its writer (killed mid-write): a write takes seconds.
        /// Such files of the module's own naming are deleted by the next write into the same folder.
        /// </summary>
        public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

        // Short and fixed-length (".backprop-" + 12 hex + ".tmp"), so that a file name near the 255-byte limit
        // still has room beside it; the older naming ".<name>.<32 hex>.tmp" is recognised for the cleanup.
        private static readonly Regex OwnTemp = new Regex(@"^\.backprop-[0-9a-f]{12}\.tmp$", RegexOptions.CultureInvariant);
        private static readonly Regex OldTempEnd = new Regex(@"\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant);

        /// <summary>
        /// Writes <paramref name="path"/>; false (and nothing written) when <paramref name="overwrite"/> is false
        /// and the file exists, even if another writer created it a moment ago. Replacing a file keeps what the user
        /// set up, as Set-Content does: its permissions, and a symbolic link stays a link whose target is written.
        /// A failure names the file and its folder, never the temporary file.
        /// </summary>
        public static bool Write(string path, bool overwrite, Action<TextWriter> write) =>
            WriteBinary(path, overwrite, stream =>
            {
                using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 4096, leaveOpen: true))
                {
                    writer.NewLine = "\n";
                    write(writer);
                }
            });

        /// <summary>Writes <paramref name="path"/> as <see cref="Write"/> does, bytes rather than text (an ONNX model).</summary>
        public static bool WriteBinary(string path, bool overwrite, Action<Stream> write)
        {
            string full = overwrite ? LinkTarget(Path.GetFullPath(path)) : Path.GetFullPath(path);
            string directory = Path.GetDirectoryName(full);
            RemoveStale(directory, Path.GetFileName(full));
            string temp = Path.Combine(directory, ".backprop-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            try
            {
                FileStream stream;
                try
                {
                    stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
                }
                catch (UnauthorizedAccessException e)
                {
                    throw new UnauthorizedAccessException($"the folder '{directory}' does not let you create files in it", e);
                }
                using (stream) write(stream);
                if (!overwrite) return TryMoveNew(temp, full);
                // Created by another writer between the check and the move: replace it, as -Force asks.
                if (!File.Exists(full) && TryMoveNew(temp, full)) return true;
                KeepMode(full, temp);
                // Windows refuses to replace a read-only file (-Force asked for it): the attribute is lifted, then put back.
                bool readOnly = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && (File.GetAttributes(full) & FileAttributes.ReadOnly) != 0;
                if (readOnly) File.SetAttributes(full, File.GetAttributes(full) & ~FileAttributes.ReadOnly);
                try
                {
                    File.Replace(temp, full, destinationBackupFileName: null);
                    if (readOnly) File.SetAttributes(full, File.GetAttributes(full) | FileAttributes.ReadOnly);
                }
                catch (UnauthorizedAccessException e)
                {
                    throw new UnauthorizedAccessException($"'{full}' cannot be replaced: you may not change it or its folder", e);
                }
                return true;
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        // The file a symbolic link finally points to (written in its place, so the link stays a link); the path itself otherwise.
        private static string LinkTarget(string path)
        {
#if NET8_0_OR_GREATER
            var info = new FileInfo(path);
            if (info.LinkTarget == null) return path;
            FileSystemInfo target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target == null ? path : Path.GetFullPath(target.FullName);
#else
            // Windows PowerShell 5.1 runs on Windows, where only an administrator makes symbolic links: written as a file.
            return path;
#endif
        }

        // The replaced file's permissions on the new one (on Unix the rename would give the new file the defaults).
        private static void KeepMode(string existing, string temp)
        {
#if NET8_0_OR_GREATER
            if (OperatingSystem.IsWindows() || !File.Exists(existing)) return;
            File.SetUnixFileMode(temp, File.GetUnixFileMode(existing));
#endif
        }

        // Ours: the current naming, or the older one of this very target.
        private static bool IsTemporaryFile(string name, string target) =>
            OwnTemp.IsMatch(name) ||
            (name.Length == target.Length + 38 && name.StartsWith("." + target + ".", StringComparison.Ordinal) && OldTempEnd.IsMatch(name));

        private static bool TryMoveNew(string temp, string path)
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                if (Link(temp, path) == 0) return true; // the caller deletes the temporary name
                if (Marshal.GetLastWin32Error() == EEXIST) return false;
                // A file system without hard links (some network and FUSE mounts): the check-then-move below.
            }
            try
            {
                File.Move(temp, path);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }

        private const int EEXIST = 17; // the same on Linux and macOS

        [DllImport("libc", EntryPoint = "link", SetLastError = true)]
        private static extern int Link(string existingPath, string newPath);

        // Best effort: a temporary file that cannot be deleted now is left for a later write.
        private static void RemoveStale(string directory, string target)
        {
            DateTime cutoff = DateTime.UtcNow - StaleAfter;
            try
            {
                foreach (string temp in Directory.EnumerateFiles(directory, ".*.tmp"))
                {
                    try
                    {
                        if (IsTemporaryFile(Path.GetFileName(temp), target) && File.GetLastWriteTimeUtc(temp) < cutoff) File.Delete(temp);
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { }
        }
    }
}
