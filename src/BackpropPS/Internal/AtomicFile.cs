using System;
using System.IO;
using System.Text;

namespace BackpropPS.Internal
{
    /// <summary>Writes a file completely or not at all: to a temporary file beside it, then moved into place.</summary>
    internal static class AtomicFile
    {
        public static void Write(string path, Action<TextWriter> write)
        {
            string directory = Path.GetDirectoryName(Path.GetFullPath(path));
            string temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                {
                    writer.NewLine = "\n";
                    write(writer);
                }
                if (File.Exists(path)) File.Replace(temp, path, destinationBackupFileName: null);
                else File.Move(temp, path);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
