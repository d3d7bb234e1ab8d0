using System.IO;
using System.Runtime.InteropServices;

namespace BackpropPS.Core.Data
{
    /// <summary>
    /// Checks that a path names a regular file before anything opens it. Opening a named pipe (FIFO) blocks until
    /// a writer comes, in a system call Ctrl+C cannot interrupt, and a device (/dev/zero, /dev/urandom) never ends;
    /// neither is a data file, so both are refused from the file's type alone.
    /// </summary>
    internal static class RegularFile
    {
        /// <summary>
        /// Refuses, without opening it, a path that is not a regular file: a NotARegularFile error for a folder, a
        /// pipe, a device or a socket (a link is followed), a DatasetFileNotFound error when nothing is there.
        /// </summary>
        public static void Ensure(string path)
        {
            if (!Directory.Exists(path) && !File.Exists(path))
                throw new BackpropException("DatasetFileNotFound", BackpropErrorKind.NotFound, $"'{path}' does not exist; expected an IDX file.");
            EnsureRegular(path, "IDX data");
        }

        /// <summary>
        /// Refuses, without opening it, an existing path that is not a regular file (NotARegularFile): the module reads
        /// <paramref name="what"/> ("network files") from regular files only.
        /// </summary>
        public static void EnsureRegular(string path, string what)
        {
            string kind = Directory.Exists(path) ? "a folder" : UnixKind(path);
            if (kind != null) throw NotRegular(path, kind, what);
        }

        // .NET has no public API for the type of a file on Unix (FileAttributes say Normal for a FIFO), so this asks
        // the runtime's own stat: System.Native's SystemNative_Stat, which follows links and fills a FileStatus of
        // fixed layout (its second int is the mode, with the S_IF* type bits below) on every Unix .NET runs on.
        // Should a runtime ever lack it, a file of size 0 that is not a link is refused: pipes and devices have that size.
        private static string UnixKind(string path)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return null;
            var status = new byte[256]; // FileStatus is about 120 bytes; room to spare
            try
            {
                if (Stat(path, status) != 0) return null; // gone meanwhile: opening it will say so
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                var info = new FileInfo(path);
                return (info.Attributes & FileAttributes.ReparsePoint) == 0 && info.Length == 0 ? "empty, or a pipe or a device (their size is 0)" : null;
            }
            switch (BitConverter.ToInt32(status, 4) & 0xF000)
            {
                case 0x8000: return null; // S_IFREG: a regular file
                case 0x1000: return "a named pipe (FIFO)";
                case 0x2000: return "a character device";
                case 0x6000: return "a block device";
                case 0xC000: return "a socket";
                case 0x4000: return "a folder";
                default: return "of another kind";
            }
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        private static extern int Stat(string path, [Out] byte[] status);

        private static BackpropException NotRegular(string path, string kind, string what) =>
            BackpropException.Argument("NotARegularFile",
                $"Expected a regular file; '{path}' is {kind}. The module reads {what} only from regular files, and does not open anything else (a pipe would wait for a writer, a device would never end).");
    }
}
