using System.IO;
using System.Text;
using BackpropPS.Core.Data;
using BackpropPS.Core.Teaching;
using BackpropPS.Serialization;

namespace BackpropPS.Internal
{
    /// <summary>
    /// The files of a worksheet, named from one base: base.csv (the sheet), base.svg (the diagram) and
    /// base.exercise.json (what grading needs); and finding and reading the exercise file of a filled sheet.
    /// </summary>
    internal static class ExerciseFiles
    {
        public const string ExerciseExtension = ".exercise.json";

        /// <summary>The base of the three names: in a folder, "exercise"; a typed name.csv loses its .csv.</summary>
        public static string Base(string resolved)
        {
            if (Directory.Exists(resolved)) return Path.Combine(resolved, "exercise");
            return resolved.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? resolved.Substring(0, resolved.Length - 4) : resolved;
        }

        /// <summary>
        /// The exercise file of a filled sheet: base.exercise.json beside it (a copy renamed by the student
        /// has none), else the one exercise file in its folder; null when there is none or more than one.
        /// </summary>
        public static string Beside(string sheet)
        {
            string folder = Path.GetDirectoryName(sheet);
            string own = Path.Combine(folder, Path.GetFileNameWithoutExtension(sheet) + ExerciseExtension);
            if (File.Exists(own)) return own;
            string[] all = Directory.GetFiles(folder, "*" + ExerciseExtension);
            return all.Length == 1 ? all[0] : null;
        }

        /// <summary>
        /// Reads an exercise file (ExerciseJson: as strictly as a network file, and no larger than an exercise file
        /// can be); a bad or unreadable file is a BackpropException naming it.
        /// </summary>
        public static Exercise Read(string path)
        {
            if (!File.Exists(path))
                throw new BackpropException("ExerciseFileNotFound", BackpropErrorKind.NotFound, $"Expected an exercise file at '{path}'; no such file exists.");
            RegularFile.EnsureRegular(path, "exercise files");
            try
            {
                using (var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true))) return ExerciseJson.Read(reader, path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is DecoderFallbackException)
            {
                throw new BackpropException("InvalidExerciseFile", BackpropErrorKind.InvalidData, $"Could not read the exercise file '{path}': {e.Message}", e);
            }
        }

        /// <summary>
        /// The text of a filled sheet, read in pieces and refused (ExerciseSheetTooLarge) beyond
        /// <see cref="Worksheet.MaxSheetBytes"/>, so that a huge file, or a link to a device that never ends, is
        /// never read whole. UTF-8 unless a byte-order mark says otherwise, as Import-Csv reads it.
        /// </summary>
        public static string ReadSheet(string path, string sheet)
        {
            try
            {
                var bytes = new MemoryStream();
                using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                {
                    var piece = new byte[64 * 1024];
                    int read;
                    while ((read = file.Read(piece, 0, piece.Length)) > 0)
                    {
                        bytes.Write(piece, 0, read);
                        if (bytes.Length > Worksheet.MaxSheetBytes)
                        {
                            throw new BackpropException("ExerciseSheetTooLarge", BackpropErrorKind.InvalidData,
                                $"{sheet} has more than {Worksheet.MaxSheetBytes} bytes, the most a worksheet is graded with (the largest worksheet, filled, has about 62 000). Is it the filled worksheet?");
                        }
                    }
                }
                bytes.Position = 0;
                using (var reader = new StreamReader(bytes, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true)) return reader.ReadToEnd();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new BackpropException("ExerciseSheetReadFailed", BackpropErrorKind.ReadError, $"Could not read the worksheet '{path}': {e.Message}", e);
            }
        }

        /// <summary>What -Exercise holds: New-BackpropExercise's output, an exercise, or the path of an exercise file.</summary>
        public static Exercise From(PSCmdlet cmdlet, object value)
        {
            // An exercise that came back through remoting is rebuilt here (or refused, naming what is wrong with it).
            switch (NumericArgument.Unwrap(Rehydration.Live(value)))
            {
                case ExerciseSheet sheet: return sheet.Exercise;
                case Exercise exercise: return exercise;
                case string typed:
                    string path = FileSystemPaths.Literal(cmdlet, typed);
                    return Read(Directory.Exists(path) ? Path.Combine(path, "exercise" + ExerciseExtension) : path);
                case FileInfo file: return Read(file.FullName);
                default:
                    throw BackpropException.Argument("UnsupportedExercise",
                        $"Expected -Exercise to be what New-BackpropExercise returns or the path of an exercise file (*{ExerciseExtension}); got {UserValue.Describe(value)}.");
            }
        }
    }
}
